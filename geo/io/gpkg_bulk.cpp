#include "geo/io/gpkg_bulk.hpp"

#include <gdal.h>
#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <map>

#include "geo/errors.hpp"
#include "geo/io/gpkg_geometry_blob.hpp"
#include "geo/io/sql_text.hpp"
#include "geo/io/sqlite_db.hpp"
#include "geo/io/sqlite_rtree_pack.hpp"

namespace apreptis::geo {

namespace {

using detail::Blob;
using detail::down;
using detail::Entry;
using detail::geometry_blob;
using detail::pack_rtree;
using detail::Sqlite;
using detail::Stmt;
using detail::up;

std::vector<std::string> column_names(Sqlite& db, const std::string& table) {
    std::vector<std::string> out;
    Stmt q = db.prepare("PRAGMA table_info(" + sql_identifier(table) + ")");
    while (sqlite3_step(q.get()) == SQLITE_ROW)
        out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(q.get(), 1)));
    return out;
}

void append_layer(Sqlite& db, const std::string& path, const OutLayer& L) {
    const Location where{.path = path, .layer = L.name};
    const std::vector<std::string> columns = column_names(db, L.name);
    if (columns.empty()) throw IoError(where, "the table GDAL should have made is not there");
    for (const FieldDef& f : L.fields)
        if (std::find(columns.begin(), columns.end(), f.name) == columns.end())
            throw IoError(where, "column " + f.name + " is not in the table GDAL made");
    std::string fid_column;
    {
        Stmt q = db.prepare("PRAGMA table_info(" + sql_identifier(L.name) + ")");
        while (sqlite3_step(q.get()) == SQLITE_ROW)
            if (sqlite3_column_int(q.get(), 5) == 1) fid_column = reinterpret_cast<const char*>(sqlite3_column_text(q.get(), 1));
    }
    if (fid_column.empty()) throw IoError(where, "the table GDAL made has no integer primary key");
    const bool spatial = L.geometry_type != GeometryType::none;
    std::string geom_column;
    std::int32_t srs_id = 0;
    if (spatial) {
        Stmt q = db.prepare("SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = " + sql_literal(L.name));
        if (sqlite3_step(q.get()) != SQLITE_ROW) throw IoError(where, "not in gpkg_geometry_columns");
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
                throw IoError(where, "point geometry in a polygon layer");
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

bool gpkg_bulk_rows_used() {
#if GDAL_VERSION_NUM < GDAL_COMPUTE_VERSION(3, 7, 0)
    // and the library loaded is the one built against (a newer one bulk-loads the R-tree itself)
    static const bool older = std::atoi(GDALVersionInfo("VERSION_NUM")) < GDAL_COMPUTE_VERSION(3, 7, 0);
    return older;
#else
    return false;
#endif
}

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
