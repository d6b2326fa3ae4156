#include "geo/io/sqlite_rtree_pack.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "geo/errors.hpp"
#include "geo/io/sql_text.hpp"

namespace apreptis::geo::detail {

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

namespace {

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
        : m_db(db), m_head("INSERT INTO " + sql_identifier(table) + " (" + sql_identifier(a) + ", " + sql_identifier(b) + ") VALUES ") {}
    void add(std::int64_t a, std::int64_t b) {
        m_rows.emplace_back(a, b);
        if (m_rows.size() == batch) flush();
    }
    void flush() {
        if (m_rows.empty()) return;
        Stmt partial;
        if (m_rows.size() < batch) partial = statement(m_rows.size());
        else if (!m_full) m_full = statement(batch); // made when first needed: a small layer never fills one
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

} // namespace

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

} // namespace apreptis::geo::detail
