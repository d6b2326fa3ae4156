#include "geo/io/pg_writer.hpp"

// Why GDAL's PostgreSQL driver and not libpq directly: the readers already open "PG:..." sources
// through GDAL, so the writer accepts exactly the same connection strings (libpq keywords plus
// GDAL's own, PGPASSFILE, service files), and apreptis_geo needs no new link dependency (GDAL
// brings libpq). We use the driver as a connection only: GDALDataset::StartTransaction /
// CommitTransaction / RollbackTransaction for the one transaction, and ExecuteSQL for our own
// CREATE/INSERT/DROP statements. Not OGRLayer::CreateFeature: GDAL 3.6's PostgreSQL driver
// writes doubles with 15 significant digits, which would change the last digits of the figures
// (the GeoPackage stores them exactly); our INSERTs carry the shortest text that reads back as
// the same double, and geometries as hex EWKB (exact). PostgreSQL's DDL is transactional, so
// the dropped and created tables roll back with the rows.
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <set>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "geo/detail/gdal_util.hpp"
#include "geo/errors.hpp"
#include "geo/io/connection_string.hpp"
#include "geo/io/pg_scrub.hpp"
#include "geo/io/sql_text.hpp"

namespace apreptis::geo {

namespace {

std::string scrub(const std::string& message, const std::string& connection) { return scrubbed(message, connection); }

// --- hex EWKB (exact doubles, the SRID inside) ---------------------------------------------

class Wkb {
public:
    void u8(std::uint8_t v) { m_bytes.push_back(v); }
    void u32(std::uint32_t v) { raw(&v, sizeof v); }
    void f64(double v) { raw(&v, sizeof v); }
    void header(std::uint32_t type) {
        u8(std::endian::native == std::endian::little ? 1 : 0);
        u32(type);
    }
    void ring(const std::vector<XY>& r) {
        u32(static_cast<std::uint32_t>(r.size()));
        for (const XY& p : r) {
            f64(p.x);
            f64(p.y);
        }
    }
    std::string hex() const {
        static const char* digits = "0123456789ABCDEF";
        std::string out;
        out.reserve(m_bytes.size() * 2);
        for (std::uint8_t b : m_bytes) {
            out += digits[b >> 4];
            out += digits[b & 15];
        }
        return out;
    }

private:
    void raw(const void* p, std::size_t n) {
        const auto* b = static_cast<const std::uint8_t*>(p);
        m_bytes.insert(m_bytes.end(), b, b + n);
    }
    std::vector<std::uint8_t> m_bytes;
};

constexpr std::uint32_t ewkb_srid_flag = 0x20000000;

/// Empty when the feature has no geometry (NULL).
std::string ewkb_hex(const Geometry& g, int srid) {
    Wkb w;
    if (const auto* p = std::get_if<XY>(&g)) {
        w.header(1 | ewkb_srid_flag);
        w.u32(static_cast<std::uint32_t>(srid));
        w.f64(p->x);
        w.f64(p->y);
    } else if (const auto* mp = std::get_if<MultiPolygon>(&g)) {
        w.header(6 | ewkb_srid_flag);
        w.u32(static_cast<std::uint32_t>(srid));
        w.u32(static_cast<std::uint32_t>(mp->size()));
        for (const Polygon& poly : *mp) {
            w.header(3);
            w.u32(static_cast<std::uint32_t>(1 + poly.holes.size()));
            w.ring(poly.outer);
            for (const Ring& h : poly.holes) w.ring(h);
        }
    } else if (const auto* ml = std::get_if<MultiLineString>(&g)) {
        w.header(5 | ewkb_srid_flag);
        w.u32(static_cast<std::uint32_t>(srid));
        w.u32(static_cast<std::uint32_t>(ml->size()));
        for (const LineString& l : *ml) {
            w.header(2);
            w.ring(l);
        }
    } else {
        return {};
    }
    return w.hex();
}

const char* postgis_type(GeometryType t) {
    switch (t) {
    case GeometryType::point: return "Point";
    case GeometryType::multipolygon: return "MultiPolygon";
    case GeometryType::multilinestring: return "MultiLineString";
    case GeometryType::none: break;
    }
    return "";
}

bool geometry_fits(GeometryType t, const Geometry& g) {
    switch (t) {
    case GeometryType::point: return std::holds_alternative<XY>(g);
    case GeometryType::multipolygon: return std::holds_alternative<MultiPolygon>(g);
    case GeometryType::multilinestring: return std::holds_alternative<MultiLineString>(g);
    case GeometryType::none: break;
    }
    return false;
}

std::string literal(const Value& v) {
    if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
    if (const auto* d = std::get_if<double>(&v)) {
        if (std::isnan(*d)) return "'NaN'";
        if (std::isinf(*d)) return *d > 0 ? "'Infinity'" : "'-Infinity'";
        return format_number(*d); // shortest text that reads back as the same double
    }
    if (const auto* s = std::get_if<std::string>(&v)) return sql_literal(*s);
    return "NULL";
}

std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
    return out;
}

// --- a session on GDAL's connection --------------------------------------------------------

using Rows = std::vector<std::vector<std::string>>;

class Session {
public:
    explicit Session(const PgDestination& d) : m_dest(d) {
        if (!is_database_source(d.connection))
            throw IoError(redacted(d.connection) + ": not a PostgreSQL connection string (\"PG:dbname=... host=...\")");
        if (!is_valid_pg_schema_name(d.schema))
            throw IoError("schema name \"" + d.schema +
                          "\": use lower-case letters, digits and _ (not first), at most 63 characters");
        detail::ensure_gdal_registered();
        const char* drivers[] = {"PostgreSQL", nullptr};
        CPLErrorReset();
        m_ds.reset(static_cast<GDALDataset*>(
            GDALOpenEx(d.connection.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers, nullptr, nullptr)));
        if (!m_ds) throw IoError(where() + ": cannot connect: " + scrub(m_quiet.last_message(), d.connection));
    }

    std::string where() const { return redacted(m_dest.connection) + " schema " + m_dest.schema; }

    /// Runs a statement; throws IoError naming `what` with the server's message.
    void exec(const std::string& sql, const std::string& what) { query(sql, what); }

    /// Runs a query; every value as text ("" for NULL).
    Rows query(const std::string& sql, const std::string& what) {
        CPLErrorReset();
        OGRLayer* r = m_ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
        Rows rows;
        if (r) {
            for (auto& f : *r) {
                std::vector<std::string> row;
                for (int i = 0; i < f->GetFieldCount(); ++i)
                    row.emplace_back(f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "");
                rows.push_back(std::move(row));
            }
            m_ds->ReleaseResultSet(r);
        }
        if (CPLGetLastErrorType() >= CE_Failure)
            throw IoError(where() + ": " + what + " failed: " + scrub(m_quiet.last_message(), m_dest.connection));
        return rows;
    }

    std::string scalar(const std::string& sql, const std::string& what) {
        const Rows r = query(sql, what);
        return r.empty() || r[0].empty() ? std::string() : r[0][0];
    }

    GDALDataset& dataset() { return *m_ds; }
    std::string last_message() const { return scrub(m_quiet.last_message(), m_dest.connection); }

private:
    const PgDestination& m_dest;
    detail::QuietErrors m_quiet;
    GDALDatasetUniquePtr m_ds;
};

struct SchemaState {
    bool exists = false;
    std::vector<std::string> relations; ///< tables, views, ... in the schema
    std::vector<std::string> ours;      ///< of those, the ones an earlier output wrote (marker included)
    std::string postgis_schema;         ///< where PostGIS is installed; empty: not installed
};

SchemaState inspect(Session& s, const PgDestination& d) {
    SchemaState st;
    st.postgis_schema =
        s.scalar("SELECT extnamespace::regnamespace::text FROM pg_catalog.pg_extension WHERE extname = 'postgis'",
                 "looking for PostGIS");
    st.exists = !s.query("SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname = " + sql_literal(d.schema),
                         "looking for the schema")
                     .empty();
    if (!st.exists) return st;
    for (const auto& row : s.query("SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON "
                                   "n.oid = c.relnamespace WHERE n.nspname = " +
                                       sql_literal(d.schema) + " AND c.relkind IN ('r','p','v','m','f') ORDER BY 1",
                                   "listing the schema's tables"))
        st.relations.push_back(row.at(0));
    if (std::find(st.relations.begin(), st.relations.end(), d.marker_table) == st.relations.end()) return st;
    const std::string marker = sql_identifier(d.schema) + "." + sql_identifier(d.marker_table);
    const bool has_list = s.scalar("SELECT count(*) FROM pg_catalog.pg_attribute WHERE attrelid = " +
                                       sql_literal(marker) + "::regclass AND attname = " +
                                       sql_literal(pg_marker_tables_column) + " AND NOT attisdropped",
                                   "reading the marker table") == "1";
    if (!has_list) return st; // a table of that name, but not ours
    std::set<std::string> listed;
    for (const auto& row : s.query("SELECT " + sql_identifier(pg_marker_tables_column) + " FROM " + marker,
                                   "reading the marker table")) {
        const std::string& list = row.at(0);
        for (std::size_t b = 0; b <= list.size();) {
            std::size_t e = list.find(',', b);
            if (e == std::string::npos) e = list.size();
            if (e > b) listed.insert(list.substr(b, e - b));
            b = e + 1;
        }
    }
    if (!listed.count(d.marker_table)) return st;
    for (const auto& r : st.relations)
        if (listed.count(r)) st.ours.push_back(r);
    return st;
}

void check_state(const SchemaState& st, const PgDestination& d, const std::string& where) {
    if (st.postgis_schema.empty())
        throw IoError(where + ": the database has no PostGIS; a superuser can add it with CREATE EXTENSION postgis");
    std::vector<std::string> foreign;
    for (const auto& r : st.relations)
        if (std::find(st.ours.begin(), st.ours.end(), r) == st.ours.end()) foreign.push_back(r);
    if (!foreign.empty())
        throw IoError(where + ": holds tables that are not an earlier output of apreptis (" + join(foreign, ", ") +
                      "); nothing was changed. Write to a new or empty schema, or to one an earlier run wrote (it has "
                      "the table " + d.marker_table + ")");
}

int srid_of(const std::string& crs) {
    OGRSpatialReference srs;
    if (srs.SetFromUserInput(crs.c_str()) != OGRERR_NONE) throw IoError("cannot read the output CRS " + crs);
    const char* auth = srs.GetAuthorityName(nullptr);
    if (!auth || std::strcmp(auth, "EPSG") != 0) {
        srs.AutoIdentifyEPSG();
        auth = srs.GetAuthorityName(nullptr);
    }
    const char* code = srs.GetAuthorityCode(nullptr);
    if (!auth || std::strcmp(auth, "EPSG") != 0 || !code)
        throw IoError("working CRS " + crs + " has no EPSG code; PostGIS output needs one (e.g. EPSG:3346)");
    return std::atoi(code);
}

void create_table(Session& s, const PgDestination& d, const std::string& postgis, int srid, const OutLayer& L) {
    const std::string table = sql_identifier(d.schema) + "." + sql_identifier(L.name);
    const bool spatial = L.geometry_type != GeometryType::none;
    const bool marker = L.name == d.marker_table;
    std::vector<std::string> columns{"fid bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY"};
    for (const FieldDef& f : L.fields) {
        if (f.name == "fid" || f.name == "geom" || (marker && f.name == pg_marker_tables_column))
            throw IoError(s.where() + ": layer " + L.name + " has a field named " + f.name + ", which the table needs itself");
        columns.push_back(sql_identifier(f.name) + (f.type == FieldType::integer ? " bigint"
                                                 : f.type == FieldType::real  ? " double precision"
                                                                              : " text"));
    }
    if (marker) columns.push_back(sql_identifier(pg_marker_tables_column) + " text NOT NULL");
    if (spatial) {
        columns.push_back("geom " + sql_identifier(postgis) + ".geometry(" + postgis_type(L.geometry_type) + ", " +
                          std::to_string(srid) + ")");
    }
    s.exec("CREATE TABLE " + table + " (" + join(columns, ", ") + ")", "creating table " + L.name);
    if (!L.description.empty())
        s.exec("COMMENT ON TABLE " + table + " IS " + sql_literal(L.description), "describing table " + L.name);
}

void fill_table(Session& s, const PgDestination& d, int srid, const OutLayer& L, const std::string& tables_list) {
    const std::string table = sql_identifier(d.schema) + "." + sql_identifier(L.name);
    const bool spatial = L.geometry_type != GeometryType::none;
    const bool marker = L.name == d.marker_table;
    std::vector<std::string> names;
    for (const FieldDef& f : L.fields) names.push_back(sql_identifier(f.name));
    if (marker) names.push_back(sql_identifier(pg_marker_tables_column));
    if (spatial) names.push_back("geom");
    const std::string head = "INSERT INTO " + table + " (" + join(names, ", ") + ") VALUES ";
    std::string sql;
    std::size_t rows = 0;
    auto flush = [&] {
        if (rows) s.exec(head + sql, "writing table " + L.name);
        sql.clear();
        rows = 0;
    };
    L.for_each([&](std::size_t fi, const OutFeature& f) {
        std::vector<std::string> values;
        for (std::size_t i = 0; i < L.fields.size(); ++i) {
            const Value v = i < f.values.size() ? f.values[i] : Value();
            if (const auto* t = std::get_if<std::string>(&v); t && t->find('\0') != std::string::npos)
                throw IoError(s.where() + ": table " + L.name + ", row " + std::to_string(fi + 1) + ", field " +
                              L.fields[i].name + ": text with a NUL character cannot be stored");
            values.push_back(literal(v));
        }
        if (marker) values.push_back(sql_literal(tables_list));
        if (spatial) {
            const bool none = std::holds_alternative<std::monostate>(f.geometry);
            if (!none && !geometry_fits(L.geometry_type, f.geometry))
                throw IoError(s.where() + ": table " + L.name + ", row " + std::to_string(fi + 1) +
                              ": geometry of another kind than the layer's " + postgis_type(L.geometry_type));
            values.push_back(none ? "NULL" : "'" + ewkb_hex(f.geometry, srid) + "'");
        }
        const std::string row = "(" + join(values, ", ") + ")";
        sql += (rows ? ", " : "") + row;
        if (++rows >= 1000 || sql.size() > (8u << 20)) flush();
    });
    flush();
    if (spatial)
        s.exec("CREATE INDEX " + sql_identifier(L.name + "_geom_idx") + " ON " + table + " USING gist (geom)",
               "indexing table " + L.name);
}

} // namespace

bool is_valid_pg_schema_name(const std::string& name) {
    // [a-z_][a-z0-9_]{0,62}, not pg_*: an identifier that needs no quoting
    if (name.empty() || name.size() > 63 || name.rfind("pg_", 0) == 0) return false;
    if (name[0] >= '0' && name[0] <= '9') return false;
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

void check_postgis_destination(const PgDestination& d) {
    Session s(d);
    check_state(inspect(s, d), d, s.where());
}

void write_postgis(const PgDestination& d, const std::string& crs, const std::vector<OutLayer>& layers) {
    const int srid = srid_of(crs);
    std::vector<std::string> names;
    for (const OutLayer& L : layers) {
        if (std::find(names.begin(), names.end(), L.name) != names.end())
            throw IoError("PostGIS output: two layers are named " + L.name);
        names.push_back(L.name);
    }
    if (std::find(names.begin(), names.end(), d.marker_table) == names.end())
        throw IoError("PostGIS output: no layer " + d.marker_table + " (it marks the schema as ours)");
    std::sort(names.begin(), names.end());
    const std::string tables_list = join(names, ",");

    Session s(d);
    if (s.dataset().StartTransaction(FALSE) != OGRERR_NONE)
        throw IoError(s.where() + ": cannot start a transaction: " + s.last_message());
    try {
        s.exec("SET LOCAL standard_conforming_strings = on", "setting up the session");
        s.exec("SET LOCAL lock_timeout = '60s'", "setting up the session");
        // one writer per schema at a time; a second run fails instead of interleaving
        if (s.scalar("SELECT pg_try_advisory_xact_lock(hashtext(" + sql_literal("apreptis output " + d.schema) +
                         "))::text",
                     "locking the schema") != "true")
            throw IoError(s.where() + ": another run is writing this schema now; try again when it has finished");
        const SchemaState st = inspect(s, d);
        check_state(st, d, s.where());
        if (!st.exists) s.exec("CREATE SCHEMA " + sql_identifier(d.schema), "creating the schema");
        // the earlier output goes, as a whole, like the folder swap of the file output
        for (const auto& t : st.ours)
            s.exec("DROP TABLE " + sql_identifier(d.schema) + "." + sql_identifier(t),
                   "replacing the earlier table " + t + " (does a view depend on it?)");
        for (const OutLayer& L : layers) {
            create_table(s, d, st.postgis_schema, srid, L);
            fill_table(s, d, srid, L, tables_list);
        }
        if (s.dataset().CommitTransaction() != OGRERR_NONE)
            throw IoError(s.where() + ": commit failed, nothing was written: " + s.last_message());
    } catch (...) {
        s.dataset().RollbackTransaction();
        throw;
    }
}

} // namespace apreptis::geo
