#include "geo/io/gpkg_bulk.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <future>
#include <map>
#include <memory>

#include "geo/errors.hpp"
#include "geo/io/sql_text.hpp"

namespace apreptis::geo {

namespace {

// ---- SQLite handles, wrapped once ----------------------------------------------------------

struct DbClose {
    void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct StmtFinalize {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Db = std::unique_ptr<sqlite3, DbClose>;
using Stmt = std::unique_ptr<sqlite3_stmt, StmtFinalize>;

class Sqlite {
public:
    /// `shown`: the name errors give (the output the file becomes, not its temporary name).
    Sqlite(const std::string& path, const std::string& shown) : m_path(shown) {
        sqlite3* db = nullptr;
        const int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
        m_db.reset(db);
        if (rc != SQLITE_OK) fail("cannot open for the bulk rows");
    }
    const std::string& shown() const { return m_path; }
    [[noreturn]] void fail(const std::string& what) const {
        throw IoError(m_path + ": " + what + ": " + (m_db ? sqlite3_errmsg(m_db.get()) : "out of memory"));
    }
    void exec(const std::string& sql) {
        if (sqlite3_exec(m_db.get(), sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) fail(sql);
    }
    Stmt prepare(const std::string& sql) {
        sqlite3_stmt* s = nullptr;
        if (sqlite3_prepare_v2(m_db.get(), sql.c_str(), -1, &s, nullptr) != SQLITE_OK) fail(sql);
        return Stmt(s);
    }
    void step_done(sqlite3_stmt* s, const std::string& what) {
        if (sqlite3_step(s) != SQLITE_DONE) fail(what);
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
    }

private:
    std::string m_path;
    Db m_db;
};

// ---- GeoPackage geometry blobs (GeoPackage 1.3 §2.1.3: header, then little-endian WKB) -----

class Blob {
public:
    void clear() { m_size = 0; }
    void u8(std::uint8_t v) { raw(&v, 1); }
    void u32(std::uint32_t v) { raw(&v, 4); } // little-endian host (x86-64, arm64)
    void i32(std::int32_t v) { raw(&v, 4); }
    void f64(double v) { raw(&v, 8); }
    void xy(XY p) {
        f64(p.x);
        f64(p.y);
    }
    void raw(const void* p, std::size_t n) {
        if (m_size + n > m_bytes.size()) m_bytes.resize(std::max(2 * m_bytes.size(), m_size + n + 256));
        std::memcpy(m_bytes.data() + m_size, p, n);
        m_size += n;
    }
    /// n points' coordinates in one copy (XY is two packed doubles)
    void points(const XY* p, std::size_t n) { raw(p, n * sizeof(XY)); }
    unsigned char* data() { return m_bytes.data(); }
    const unsigned char* data() const { return m_bytes.data(); }
    std::size_t size() const { return m_size; }

private:
    std::vector<unsigned char> m_bytes; // grown, never shrunk: one allocation serves every row
    std::size_t m_size = 0;
};

static_assert(std::endian::native == std::endian::little, "the blobs are written little-endian");

static_assert(sizeof(XY) == 2 * sizeof(double), "XY is two packed doubles");

void ring(Blob& b, const Ring& r, Envelope& box) {
    b.u32(static_cast<std::uint32_t>(r.size()));
    b.points(r.data(), r.size());
    for (XY p : r) box.expand(p);
}

/// The blob of `g` (nothing for no geometry or an empty one) and its envelope.
bool geometry_blob(const Geometry& g, std::int32_t srs_id, Blob& b, Envelope& box) {
    b.clear();
    box = Envelope{};
    const bool point = std::holds_alternative<XY>(g);
    if (std::holds_alternative<std::monostate>(g)) return false;
    if (auto* ml = std::get_if<MultiLineString>(&g); ml && ml->empty()) return false;
    if (auto* mp = std::get_if<MultiPolygon>(&g); mp && mp->empty()) return false;
    // header: magic, version 0, flags (little-endian; envelope [minx, maxx, miny, maxy]
    // except for points, as GDAL writes them), srs_id; the envelope is patched in below
    b.u8('G');
    b.u8('P');
    b.u8(0);
    b.u8(point ? 0x01 : 0x03);
    b.i32(srs_id);
    const std::size_t envelope_at = b.size();
    if (!point)
        for (int i = 0; i < 4; ++i) b.f64(0);
    b.u8(1); // WKB little-endian
    if (auto* p = std::get_if<XY>(&g)) {
        b.u32(1);
        b.xy(*p);
        box.expand(*p);
        return true;
    }
    if (auto* ml = std::get_if<MultiLineString>(&g)) {
        b.u32(5);
        b.u32(static_cast<std::uint32_t>(ml->size()));
        for (const LineString& l : *ml) {
            b.u8(1);
            b.u32(2);
            ring(b, l, box);
        }
    } else {
        const auto& mp = std::get<MultiPolygon>(g);
        b.u32(6);
        b.u32(static_cast<std::uint32_t>(mp.size()));
        for (const Polygon& p : mp) {
            b.u8(1);
            b.u32(3);
            b.u32(static_cast<std::uint32_t>(1 + p.holes.size()));
            ring(b, p.outer, box);
            for (const Ring& h : p.holes) ring(b, h, box);
        }
    }
    const double env[4] = {box.min_x, box.max_x, box.min_y, box.max_y};
    std::memcpy(b.data() + envelope_at, env, sizeof env);
    return true;
}

// ---- R-tree packing into SQLite's node tables ----------------------------------------------
// SQLite's R-tree (ext/rtree, file format of sqlite 3.x): <name>_node(nodeno, data) with node
// 1 the root; a node is [depth u16 (root only)] [cell count u16] then cells of a 64-bit id
// (row id in a leaf, child node number above) and the box as 4 floats [minx maxx miny maxy],
// all big-endian; every node blob has the root's length. <name>_rowid(rowid, nodeno) gives
// each row's leaf, <name>_parent(nodeno, parentnode) each non-root node's parent. Boxes are
// rounded outward to float, as SQLite does when it inserts.

struct Entry {
    std::int64_t id;
    float min_x, max_x, min_y, max_y;
};

float down(double v) {
    float f = static_cast<float>(v);
    if (static_cast<double>(f) > v) f = std::nextafter(f, -std::numeric_limits<float>::infinity());
    return f;
}
float up(double v) {
    float f = static_cast<float>(v);
    if (static_cast<double>(f) < v) f = std::nextafter(f, std::numeric_limits<float>::infinity());
    return f;
}

void put_be(std::vector<unsigned char>& out, std::size_t at, std::uint64_t v, int bytes) {
    for (int i = bytes - 1; i >= 0; --i, v >>= 8) out[at + static_cast<std::size_t>(i)] = static_cast<unsigned char>(v & 0xff);
}
void put_float(std::vector<unsigned char>& out, std::size_t at, float f) {
    std::uint32_t bits = 0;
    std::memcpy(&bits, &f, 4);
    put_be(out, at, bits, 4);
}

/// Sort-Tile-Recursive: `entries` cut into vertical slices by centre x, each slice's entries
/// by centre y into groups of at most `fanout` (Leutenegger, Edgington & Lopez 1997).
std::vector<std::vector<Entry>> str_groups(std::vector<Entry> entries, std::size_t fanout) {
    const std::size_t groups = (entries.size() + fanout - 1) / fanout;
    const auto slices = static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(groups))));
    const std::size_t per_slice = slices * fanout;
    auto cx = [](const Entry& e) { return static_cast<double>(e.min_x) + e.max_x; };
    auto cy = [](const Entry& e) { return static_cast<double>(e.min_y) + e.max_y; };
    std::sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) { return cx(a) < cx(b); });
    std::vector<std::vector<Entry>> out;
    for (std::size_t s = 0; s < entries.size(); s += per_slice) {
        const auto end = entries.begin() + static_cast<std::ptrdiff_t>(std::min(entries.size(), s + per_slice));
        std::sort(entries.begin() + static_cast<std::ptrdiff_t>(s), end,
                  [&](const Entry& a, const Entry& b) { return cy(a) < cy(b); });
        for (auto it = entries.begin() + static_cast<std::ptrdiff_t>(s); it < end;) {
            const auto next = it + std::min<std::ptrdiff_t>(static_cast<std::ptrdiff_t>(fanout), end - it);
            out.emplace_back(it, next);
            it = next;
        }
    }
    return out;
}

/// Pairs of integers into a two-column table, 500 rows to a statement.
class PairInserter {
public:
    PairInserter(Sqlite& db, const std::string& table, const std::string& a, const std::string& b)
        : m_db(db), m_head("INSERT INTO " + sql_identifier(table) + " (" + sql_identifier(a) + ", " + sql_identifier(b) + ") VALUES "),
          m_full(statement(batch)) {}
    void add(std::int64_t a, std::int64_t b) {
        m_rows.emplace_back(a, b);
        if (m_rows.size() == batch) flush();
    }
    void flush() {
        if (m_rows.empty()) return;
        Stmt partial;
        if (m_rows.size() < batch) partial = statement(m_rows.size());
        sqlite3_stmt* st = m_rows.size() < batch ? partial.get() : m_full.get();
        int at = 1;
        for (const auto& [a, b] : m_rows) {
            sqlite3_bind_int64(st, at++, a);
            sqlite3_bind_int64(st, at++, b);
        }
        m_db.step_done(st, m_head);
        m_rows.clear();
    }

private:
    static constexpr std::size_t batch = 500;
    Stmt statement(std::size_t rows) {
        std::string sql = m_head;
        for (std::size_t r = 0; r < rows; ++r) sql += r ? ", (?, ?)" : "(?, ?)";
        return m_db.prepare(sql);
    }
    Sqlite& m_db;
    std::string m_head;
    Stmt m_full;
    std::vector<std::pair<std::int64_t, std::int64_t>> m_rows;
};

void pack_rtree(Sqlite& db, const std::string& rtree, std::vector<Entry> rows) {
    // the node size SQLite chose for this table: the length of its (empty) root
    Stmt q = db.prepare("SELECT length(data) FROM " + sql_identifier(rtree + "_node") + " WHERE nodeno = 1");
    if (sqlite3_step(q.get()) != SQLITE_ROW) db.fail("R-tree " + rtree + " has no root node");
    const auto node_size = static_cast<std::size_t>(sqlite3_column_int(q.get(), 0));
    q.reset();
    const std::size_t fanout = (node_size - 4) / 24;
    if (fanout < 4)
        throw IoError(db.shown() + ": R-tree " + rtree + ": expected nodes of at least 100 bytes, found " +
                      std::to_string(node_size));
    db.exec("DELETE FROM " + sql_identifier(rtree + "_node") + "; DELETE FROM " + sql_identifier(rtree + "_rowid") +
            "; DELETE FROM " + sql_identifier(rtree + "_parent"));
    Stmt put_node = db.prepare("INSERT INTO " + sql_identifier(rtree + "_node") + "(nodeno, data) VALUES (?, ?)");
    PairInserter put_rowid(db, rtree + "_rowid", "rowid", "nodeno");
    PairInserter put_parent(db, rtree + "_parent", "nodeno", "parentnode");

    // Levels bottom up; node numbers given top down at the end (root = 1), so each level's
    // nodes are kept with their children's indices until then.
    struct Node {
        std::vector<Entry> cells; // leaf: rows; above: children (id = index in the level below)
    };
    std::vector<std::vector<Node>> levels;
    std::vector<Entry> current = std::move(rows);
    do {
        std::vector<Node> level;
        std::vector<Entry> above;
        for (auto& g : str_groups(std::move(current), fanout)) {
            Entry box{static_cast<std::int64_t>(level.size()), g[0].min_x, g[0].max_x, g[0].min_y, g[0].max_y};
            for (const Entry& e : g) {
                box.min_x = std::min(box.min_x, e.min_x);
                box.max_x = std::max(box.max_x, e.max_x);
                box.min_y = std::min(box.min_y, e.min_y);
                box.max_y = std::max(box.max_y, e.max_y);
            }
            level.push_back({std::move(g)});
            above.push_back(box);
        }
        levels.push_back(std::move(level));
        current = std::move(above);
    } while (current.size() > 1);
    // number the nodes: the root 1, then level by level downward
    std::vector<std::vector<std::int64_t>> number(levels.size());
    std::int64_t next = 1;
    for (std::size_t l = levels.size(); l-- > 0;) {
        number[l].resize(levels[l].size());
        for (auto& n : number[l]) n = next++;
    }
    std::vector<std::pair<std::int64_t, std::int64_t>> leaf_of, parent_of; // row -> leaf, node -> parent
    leaf_of.reserve(levels.front().size() * fanout);
    std::vector<unsigned char> data(node_size);
    const auto depth = static_cast<std::uint64_t>(levels.size() - 1);
    for (std::size_t l = 0; l < levels.size(); ++l)
        for (std::size_t i = 0; i < levels[l].size(); ++i) {
            const Node& n = levels[l][i];
            std::fill(data.begin(), data.end(), 0);
            put_be(data, 0, number[l][i] == 1 ? depth : 0, 2);
            put_be(data, 2, n.cells.size(), 2);
            for (std::size_t c = 0; c < n.cells.size(); ++c) {
                const Entry& e = n.cells[c];
                const std::size_t at = 4 + c * 24;
                const std::int64_t id = l == 0 ? e.id : number[l - 1][static_cast<std::size_t>(e.id)];
                put_be(data, at, static_cast<std::uint64_t>(id), 8);
                put_float(data, at + 8, e.min_x);
                put_float(data, at + 12, e.max_x);
                put_float(data, at + 16, e.min_y);
                put_float(data, at + 20, e.max_y);
                (l == 0 ? leaf_of : parent_of).emplace_back(id, number[l][i]);
            }
            sqlite3_bind_int64(put_node.get(), 1, number[l][i]);
            sqlite3_bind_blob(put_node.get(), 2, data.data(), static_cast<int>(data.size()), SQLITE_TRANSIENT);
            db.step_done(put_node.get(), "R-tree " + rtree + " node");
        }
    // in key order: SQLite appends to the tables' B-trees instead of inserting all over them
    // (in leaf order, the 4.6 M rows of a country's roads took 7 s)
    std::sort(leaf_of.begin(), leaf_of.end());
    std::sort(parent_of.begin(), parent_of.end());
    for (const auto& [row, leaf] : leaf_of) put_rowid.add(row, leaf);
    for (const auto& [node, parent] : parent_of) put_parent.add(node, parent);
    put_rowid.flush();
    put_parent.flush();
}

// ---- one layer ---------------------------------------------------------------------------

std::vector<std::string> column_names(Sqlite& db, const std::string& table) {
    std::vector<std::string> out;
    Stmt q = db.prepare("PRAGMA table_info(" + sql_identifier(table) + ")");
    while (sqlite3_step(q.get()) == SQLITE_ROW)
        out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(q.get(), 1)));
    return out;
}

void append_layer(Sqlite& db, const std::string& path, const OutLayer& L) {
    const std::string where = path + ":" + L.name;
    const std::vector<std::string> columns = column_names(db, L.name);
    if (columns.empty()) throw IoError(where + ": the table GDAL should have made is not there");
    for (const FieldDef& f : L.fields)
        if (std::find(columns.begin(), columns.end(), f.name) == columns.end())
            throw IoError(where + ": column " + f.name + " is not in the table GDAL made");
    std::string fid_column;
    {
        Stmt q = db.prepare("PRAGMA table_info(" + sql_identifier(L.name) + ")");
        while (sqlite3_step(q.get()) == SQLITE_ROW)
            if (sqlite3_column_int(q.get(), 5) == 1) fid_column = reinterpret_cast<const char*>(sqlite3_column_text(q.get(), 1));
    }
    if (fid_column.empty()) throw IoError(where + ": the table GDAL made has no integer primary key");
    const bool spatial = L.geometry_type != GeometryType::none;
    std::string geom_column;
    std::int32_t srs_id = 0;
    if (spatial) {
        Stmt q = db.prepare("SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = " + sql_literal(L.name));
        if (sqlite3_step(q.get()) != SQLITE_ROW) throw IoError(where + ": not in gpkg_geometry_columns");
        geom_column = reinterpret_cast<const char*>(sqlite3_column_text(q.get(), 0));
        srs_id = sqlite3_column_int(q.get(), 1);
    }
    // The table's triggers (the R-tree's, GDAL's feature count) would work row by row: kept
    // aside while the rows go in, their work done in bulk, then put back as they were.
    std::vector<std::string> triggers;
    {
        Stmt q = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = " + sql_literal(L.name));
        std::vector<std::string> names;
        while (sqlite3_step(q.get()) == SQLITE_ROW) {
            names.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(q.get(), 0)));
            triggers.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(q.get(), 1)));
        }
        q.reset();
        for (const auto& n : names) db.exec("DROP TRIGGER " + sql_identifier(n));
    }
    const std::string rtree = "rtree_" + L.name + "_" + geom_column;
    bool has_rtree = false;
    if (spatial) {
        Stmt t = db.prepare("SELECT 1 FROM sqlite_master WHERE name = " + sql_literal(rtree));
        has_rtree = sqlite3_step(t.get()) == SQLITE_ROW;
    }
    // Rows go in `batch` to a statement (one statement's fixed cost, and GDAL's AUTOINCREMENT
    // bookkeeping, shared by the batch), each with its fid given: numbered after the rows the
    // table has, as SQLite would.
    std::int64_t next_fid = 1;
    {
        Stmt q = db.prepare("SELECT coalesce(max(" + sql_identifier(fid_column) + "), 0) + 1 FROM " + sql_identifier(L.name));
        if (sqlite3_step(q.get()) == SQLITE_ROW) next_fid = sqlite3_column_int64(q.get(), 0);
    }
    const std::size_t columns_per_row = 1 + L.fields.size() + (spatial ? 1 : 0);
    const std::size_t batch = std::max<std::size_t>(1, std::min<std::size_t>(64, 30000 / columns_per_row));
    std::string row = "(?";
    for (std::size_t i = 1; i < columns_per_row; ++i) row += ", ?";
    row += ")";
    std::string head = "INSERT INTO " + sql_identifier(L.name) + " (" + sql_identifier(fid_column);
    for (const FieldDef& f : L.fields) head += ", " + sql_identifier(f.name);
    if (spatial) head += ", " + sql_identifier(geom_column);
    head += ") VALUES ";
    auto statement_for = [&](std::size_t rows) {
        std::string sql = head;
        for (std::size_t r = 0; r < rows; ++r) sql += (r ? ", " : "") + row;
        return db.prepare(sql);
    };
    // Rows are made (generated, their blobs built) a chunk ahead on another thread while SQLite
    // takes the chunk before: making a country's road or allocation rows costs about what
    // inserting them does. A chunk ends at 4,096 rows or 32 MB of geometry.
    struct Chunk {
        std::size_t first = 0, rows = 0;
        std::vector<OutFeature> made;           // generated rows (held ones are read in place)
        std::vector<const OutFeature*> feature; // row r's values
        std::vector<Blob> blobs;
        std::vector<Envelope> boxes;
        std::vector<char> has_geometry;
    };
    static constexpr std::size_t chunk_rows = 4096, chunk_bytes = 32u << 20;
    const std::size_t n = L.size();
    auto make = [&L, spatial, srs_id, n, &where](Chunk& c, std::size_t first) {
        c.first = first;
        c.rows = 0;
        const std::size_t cap = std::min(chunk_rows, n - first);
        if (L.generate && c.made.size() < cap) c.made.resize(cap);
        c.feature.resize(cap);
        if (spatial) {
            if (c.blobs.size() < cap) c.blobs.resize(cap);
            c.boxes.resize(cap);
            c.has_geometry.resize(cap);
        }
        std::size_t bytes = 0;
        while (c.rows < cap && bytes < chunk_bytes) {
            const std::size_t r = c.rows++, i = first + r;
            if (L.generate) {
                L.generate(i, c.made[r]);
                c.feature[r] = &c.made[r];
            } else c.feature[r] = &L.features[i];
            if (!spatial) continue;
            const Geometry& g = c.feature[r]->geometry;
            if (L.geometry_type == GeometryType::multipolygon && std::holds_alternative<XY>(g))
                throw IoError(where + ": point geometry in a polygon layer");
            c.has_geometry[r] = geometry_blob(g, srs_id, c.blobs[r], c.boxes[r]);
            bytes += c.blobs[r].size();
        }
    };
    std::map<std::size_t, Stmt> statements; // by rows: a full batch, and the odd ends
    auto statement = [&](std::size_t rows) -> sqlite3_stmt* {
        auto it = statements.find(rows);
        if (it == statements.end()) it = statements.emplace(rows, statement_for(rows)).first;
        return it->second.get();
    };
    Envelope extent;
    std::vector<Entry> boxes;
    if (has_rtree) boxes.reserve(n);
    auto insert = [&](const Chunk& c) {
        for (std::size_t done = 0; done < c.rows;) {
            const std::size_t rows = std::min(batch, c.rows - done);
            sqlite3_stmt* st = statement(rows);
            for (std::size_t r = done; r < done + rows; ++r) {
                const OutFeature* f = c.feature[r];
                int at = static_cast<int>((r - done) * columns_per_row) + 1;
                const std::int64_t fid = next_fid + static_cast<std::int64_t>(c.first + r);
                sqlite3_bind_int64(st, at++, fid);
                for (std::size_t k = 0; k < L.fields.size(); ++k, ++at) {
                    static const Value null;
                    const Value& v = k < f->values.size() ? f->values[k] : null; // no copy: text is bound in place
                    if (auto* iv = std::get_if<std::int64_t>(&v)) sqlite3_bind_int64(st, at, *iv);
                    else if (auto* dv = std::get_if<double>(&v)) {
                        if (std::isfinite(*dv)) sqlite3_bind_double(st, at, *dv);
                        else sqlite3_bind_null(st, at); // as OGR writes a non-finite real
                    } else if (auto* sv = std::get_if<std::string>(&v))
                        sqlite3_bind_text(st, at, sv->data(), static_cast<int>(sv->size()), SQLITE_STATIC);
                    else sqlite3_bind_null(st, at);
                }
                if (!spatial) continue;
                if (c.has_geometry[r]) {
                    sqlite3_bind_blob(st, at, c.blobs[r].data(), static_cast<int>(c.blobs[r].size()), SQLITE_STATIC);
                    const Envelope& b = c.boxes[r];
                    extent.expand(b);
                    if (has_rtree) boxes.push_back({fid, down(b.min_x), up(b.max_x), down(b.min_y), up(b.max_y)});
                } else sqlite3_bind_null(st, at);
            }
            db.step_done(st, L.name + " rows");
            done += rows;
        }
    };
    Chunk chunks[2];
    std::size_t next = 0;
    if (n > 0) {
        make(chunks[0], 0);
        next = chunks[0].rows;
    }
    for (std::size_t k = 0; n > 0; ++k) {
        Chunk& now = chunks[k % 2];
        Chunk& ahead = chunks[(k + 1) % 2];
        std::future<void> made;
        if (next < n) made = std::async(std::launch::async, make, std::ref(ahead), next);
        try {
            insert(now);
        } catch (...) {
            if (made.valid()) made.wait(); // the maker writes into `ahead`: done before it goes
            throw;
        }
        if (!made.valid()) break;
        made.get();
        next += ahead.rows;
    }
    if (has_rtree && !boxes.empty()) pack_rtree(db, rtree, std::move(boxes));
    {
        Stmt t = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'gpkg_ogr_contents'");
        if (sqlite3_step(t.get()) == SQLITE_ROW) // GDAL's feature count, as its triggers keep it
            db.exec("UPDATE gpkg_ogr_contents SET feature_count = (SELECT count(*) FROM " + sql_identifier(L.name) +
                    ") WHERE lower(table_name) = lower(" + sql_literal(L.name) + ")");
    }
    for (const auto& t : triggers) db.exec(t);
    if (spatial && !extent.empty()) {
        char buf[256];
        std::snprintf(buf, sizeof buf, "UPDATE gpkg_contents SET min_x = %.17g, min_y = %.17g, max_x = %.17g, max_y = %.17g",
                      extent.min_x, extent.min_y, extent.max_x, extent.max_y);
        db.exec(buf + std::string(" WHERE table_name = ") + sql_literal(L.name));
    }
}

} // namespace

void append_rows_bulk(const std::string& path, const std::string& shown, const std::vector<const OutLayer*>& layers) {
    if (layers.empty()) return;
    Sqlite db(path, shown);
    // a temporary file renamed into place when whole: no journal needed for all-or-nothing
    db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536");
    db.exec("BEGIN");
    for (const OutLayer* L : layers) append_layer(db, shown, *L);
    db.exec("COMMIT");
}

} // namespace apreptis::geo
