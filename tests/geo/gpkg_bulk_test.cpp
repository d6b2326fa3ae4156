// Rows made while written go into the GeoPackage through SQLite (geo/io/gpkg_bulk): the file
// must read back exactly as the one OGR writes row by row, with an R-tree SQLite accepts and
// that answers window queries as a scan does.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <gtest/gtest.h>

#include "geo/io/gpkg_bulk.hpp"
#include "geo/io/vector_reader.hpp"
#include "geo/io/vector_writer.hpp"
#include "test_util.hpp"

using namespace apreptis;
using namespace apreptis::geo;
using test::ScratchDir;

namespace {

/// `n` short streets on a jittered 100 m grid (some with a bend), a value per field kind and
/// a null every seventh row.
OutLayer streets(std::size_t n) {
    OutLayer L;
    L.name = "roads";
    L.geometry_type = GeometryType::multilinestring;
    L.fields = {{"edge_id", FieldType::integer}, {"length_m", FieldType::real}, {"name", FieldType::text}};
    L.generated_rows = n;
    L.generate = [](std::size_t i, OutFeature& f) {
        const double x = 500000 + static_cast<double>(i % 200) * 100 + static_cast<double>(i % 7) * 3.3;
        const double y = 6080000 + static_cast<double>(i / 200) * 100 + static_cast<double>(i % 11) * 1.7;
        LineString l{{x, y}, {x + 100, y}};
        if (i % 3 == 0) l.push_back({x + 100, y + 60});
        f.values = {static_cast<std::int64_t>(i), i % 7 == 0 ? Value() : Value(static_cast<double>(i) * 0.25),
                    std::string(i % 2 ? "gatvė" : "kelias, \"senas\"")};
        f.geometry = MultiLineString{l};
    };
    return L;
}

OutLayer held(const OutLayer& made) {
    OutLayer h = made;
    h.generate = nullptr;
    h.generated_rows = 0;
    made.for_each([&](std::size_t, const OutFeature& f) { h.features.push_back(f); });
    return h;
}

/// The rows of an SQL query through GDAL (SQLite's own SQL plus GDAL's ST_ functions). Reals
/// are written exactly (C's hexadecimal "%a": every bit of the double), not as GDAL's
/// 15-digit text, so that two files agree only when their numbers are the same doubles.
std::string query_text(const std::string& path, const std::string& sql) {
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    EXPECT_TRUE(ds);
    OGRLayer* r = ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    EXPECT_TRUE(r) << sql;
    std::string out;
    if (!r) return out;
    for (auto& f : *r) {
        for (int c = 0; c < f->GetFieldCount(); ++c) {
            out += c ? "|" : "";
            if (!f->IsFieldSetAndNotNull(c)) {
                out += "NULL";
            } else if (f->GetFieldDefnRef(c)->GetType() == OFTReal) {
                char exact[64];
                std::snprintf(exact, sizeof exact, "%a", f->GetFieldAsDouble(c));
                out += exact;
            } else {
                out += f->GetFieldAsString(c);
            }
        }
        out += "\n";
    }
    ds->ReleaseResultSet(r);
    return out;
}

/// Features GDAL returns for a window (it uses the layer's R-tree).
long window_count(const std::string& path, double x0, double y0, double x1, double y1) {
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    OGRLayer* L = ds->GetLayerByName("roads");
    L->SetSpatialFilterRect(x0, y0, x1, y1);
    long n = 0;
    for (auto& f : *L) n += f ? 1 : 0;
    return n;
}

} // namespace

TEST(GpkgBulk, generated_rows_read_back_as_the_rows_ogr_writes) {
    ScratchDir d;
    const OutLayer made = streets(30000); // 30,000 rows: an R-tree three levels deep
    OutLayer units;
    units.name = "units";
    units.geometry_type = GeometryType::point;
    units.spatial_index = false;
    units.fields = {{"unit_id", FieldType::integer}};
    units.generated_rows = 500;
    units.generate = [](std::size_t i, OutFeature& f) {
        f.values = {static_cast<std::int64_t>(i)};
        f.geometry = XY{500000.5 + static_cast<double>(i) / 3, 6080000.25}; // extents of 16-17 digits
    };
    OutLayer table;
    table.name = "unit_access";
    table.fields = {{"unit_id", FieldType::integer}, {"time_min", FieldType::real}, {"provider_id", FieldType::text}};
    table.generated_rows = 300;
    table.generate = [](std::size_t i, OutFeature& f) {
        f.values = {static_cast<std::int64_t>(i), i % 5 ? Value(static_cast<double>(i) / 3.0) : Value(), i % 5 ? Value("P" + std::to_string(i)) : Value()};
    };
    const std::string fast = d / "bulk.gpkg", slow = d / "ogr.gpkg";
    write_geopackage(fast, "EPSG:3346", {made, units, table});
    write_geopackage(slow, "EPSG:3346", {held(made), held(units), held(table)});

    for (const std::string layer : {"roads", "units", "unit_access"}) {
        SCOPED_TRACE(layer);
        ReadOptions o;
        o.layer = layer;
        const auto a = read_vector(fast, o), b = read_vector(slow, o);
        ASSERT_EQ(a.features.size(), b.features.size());
        ASSERT_EQ(a.fields, b.fields);
        ASSERT_EQ(a.kinds, b.kinds);
        for (std::size_t i = 0; i < a.features.size(); ++i) {
            ASSERT_EQ(a.features[i].values, b.features[i].values) << i;
            ASSERT_EQ(a.features[i].geometry, b.features[i].geometry) << i;
        }
        EXPECT_EQ(a.source_crs, b.source_crs);
    }
    // the extent of each layer, to the bit, against one worked out here from the generated
    // coordinates. (OGR's own writer is not exact here: on this layer it stores max_x two ulps
    // below the largest x; the bulk writer stores the largest x itself.)
    const auto exact_extent = [](const OutLayer& L) {
        double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
        auto see = [&](XY p) { x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y); };
        L.for_each([&](std::size_t, const OutFeature& f) {
            if (const auto* m = std::get_if<MultiLineString>(&f.geometry))
                for (const auto& l : *m)
                    for (XY p : l) see(p);
            if (const auto* p = std::get_if<XY>(&f.geometry)) see(*p);
        });
        char row[160];
        std::snprintf(row, sizeof row, "%a|%a|%a|%a\n", x0, y0, x1, y1);
        return std::string(row);
    };
    for (const OutLayer* L : std::initializer_list<const OutLayer*>{&made, &units}) {
        const std::string sql = "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = '" + L->name + "'";
        const std::string got = query_text(fast, sql), want = exact_extent(*L);
        if (gpkg_bulk_rows_used()) {
            EXPECT_EQ(got, want) << L->name;
            continue;
        }
        // GDAL 3.7+ wrote it (see the last test): within a few ulps
        double g[4], w[4];
        ASSERT_EQ(std::sscanf(got.c_str(), "%la|%la|%la|%la", &g[0], &g[1], &g[2], &g[3]), 4) << got;
        ASSERT_EQ(std::sscanf(want.c_str(), "%la|%la|%la|%la", &w[0], &w[1], &w[2], &w[3]), 4) << want;
        for (int k = 0; k < 4; ++k) EXPECT_NEAR(g[k], w[k], 1e-9 * std::abs(w[k])) << L->name << " " << k;
    }
    if (gpkg_bulk_rows_used()) { // 500000.5, the first unit's x
        EXPECT_EQ(query_text(fast, "SELECT min_x FROM gpkg_contents WHERE table_name = 'units'"), "0x1.e8482p+18\n");
    }
    // the same contents entries, feature counts, triggers and extensions as OGR's
    for (const std::string sql :
         {"SELECT table_name, data_type, srs_id FROM gpkg_contents ORDER BY table_name",
          "SELECT table_name, feature_count FROM gpkg_ogr_contents ORDER BY table_name",
          "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name",
          "SELECT table_name, column_name, extension_name FROM gpkg_extensions ORDER BY 1, 2, 3",
          // the stored geometries byte for byte (GeoPackage header, envelope and WKB)
          "SELECT fid, hex(geom) FROM roads ORDER BY fid", "SELECT fid, hex(geom) FROM units ORDER BY fid"})
        EXPECT_EQ(query_text(fast, sql), query_text(slow, sql)) << sql;
}

TEST(GpkgBulk, the_packed_rtree_is_valid_and_answers_windows_as_a_scan_does) {
    ScratchDir d;
    const std::string path = d / "bulk.gpkg";
    write_geopackage(path, "EPSG:3346", {streets(30000)});
    EXPECT_EQ(query_text(path, "SELECT rtreecheck('rtree_roads_geom')"), "ok\n");
    EXPECT_EQ(query_text(path, "SELECT count(*) FROM rtree_roads_geom"), "30000\n");
    // a tree of more than two levels: the root's depth (its first two bytes) is at least 2
    EXPECT_EQ(query_text(path, "SELECT hex(substr(data, 1, 2)) FROM rtree_roads_geom_node WHERE nodeno = 1"), "0002\n");
    // each row's box holds its geometry's envelope (float rounding outward)
    EXPECT_EQ(query_text(path, "SELECT count(*) FROM roads r JOIN rtree_roads_geom t ON t.id = r.fid "
                               "WHERE t.minx > ST_MinX(r.geom) OR t.maxx < ST_MaxX(r.geom) "
                               "OR t.miny > ST_MinY(r.geom) OR t.maxy < ST_MaxY(r.geom)"),
              "0\n");
    // windows through the index and by a scan of the geometries
    for (const auto& w : std::vector<std::array<double, 4>>{{500950, 6080950, 501450, 6081320},
                                                            {500000, 6080000, 500001, 6080001},
                                                            {499000, 6079000, 499500, 6079500},
                                                            {0, 0, 1e7, 1e7}}) {
        char sql[256];
        std::snprintf(sql, sizeof sql,
                      "SELECT count(*) FROM roads WHERE ST_MaxX(geom) >= %.3f AND ST_MinX(geom) <= %.3f AND "
                      "ST_MaxY(geom) >= %.3f AND ST_MinY(geom) <= %.3f",
                      w[0], w[2], w[1], w[3]);
        const long scanned = std::stol(query_text(path, sql));
        EXPECT_EQ(window_count(path, w[0], w[1], w[2], w[3]), scanned) << w[0] << " " << w[1];
    }
}

TEST(GpkgBulk, generated_rows_go_through_sqlite_only_under_gdal_older_than_3_7) {
    // GDAL 3.7 and later fill the R-tree in one pass themselves: then OGR writes every row
    const bool older = std::atoi(GDALVersionInfo("VERSION_NUM")) < 3070000;
    EXPECT_EQ(gpkg_bulk_rows_used(), older);
    ScratchDir d;
    const std::string path = d / "bulk.gpkg";
    write_geopackage(path, "EPSG:3346", {streets(30000)});
    EXPECT_EQ(query_text(path, "SELECT rtreecheck('rtree_roads_geom')"), "ok\n");
    if (!gpkg_bulk_rows_used()) return; // the path built here is OGR's: the tests above cover it
    // packed: every node full but the last of each level, which SQLite's row-by-row inserts
    // (splitting nodes half full) never give
    const auto node_bytes = std::stoul(query_text(path, "SELECT length(data) FROM rtree_roads_geom_node WHERE nodeno = 1"));
    const std::size_t fanout = (node_bytes - 4) / 24;
    std::size_t nodes = 0;
    for (std::size_t level = 30000; level > 1;) {
        level = (level + fanout - 1) / fanout;
        nodes += level;
    }
    EXPECT_EQ(query_text(path, "SELECT count(*) FROM rtree_roads_geom_node"), std::to_string(nodes) + "\n");
}
