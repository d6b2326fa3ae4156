#include "geo/routing/road_reader.hpp"

#include <algorithm>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "geo/crs/transformer.hpp"
#include "geo/detail/gdal_util.hpp"
#include "geo/errors.hpp"
#include "geo/io/vector_reader.hpp"
#include "geo/routing/walkable_areas.hpp"

namespace apreptis::geo {

std::vector<Way> read_osm_ways(const std::string& path, const std::string& osmconf, const std::string& target_crs) {
    detail::ensure_gdal_registered();
    detail::QuietErrors quiet;
    if (!detail::file_exists(path)) throw IoError(path + ": road network file not found");
    if (!detail::file_exists(osmconf)) throw IoError(osmconf + ": osmconf file not found");
    const std::string conf = "CONFIG_FILE=" + osmconf;
    const char* open_options[] = {conf.c_str(), "INTERLEAVED_READING=NO", nullptr};
    const char* drivers[] = {"OSM", nullptr};
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers,
                                              open_options, nullptr));
    if (!ds) throw IoError(path + ": not a readable OpenStreetMap PBF/XML file: " + quiet.last_message());
    OGRLayer* lines = ds->GetLayerByName("lines");
    OGRLayer* multipolygons = ds->GetLayerByName("multipolygons");
    if (!lines || !multipolygons) throw IoError(path + ": the OSM driver gave no 'lines' or 'multipolygons' layer");
    OGRFeatureDefn* defn = lines->GetLayerDefn();
    auto idx = [&](const char* name) { return defn->GetFieldIndex(name); };
    const int f_id = idx("osm_id"), f_hw = idx("highway"), f_ow = idx("oneway"), f_ms = idx("maxspeed"),
              f_ac = idx("access"), f_ft = idx("foot"), f_ve = idx("vehicle"), f_mv = idx("motor_vehicle"),
              f_mc = idx("motorcar"), f_jn = idx("junction");
    if (f_hw < 0 || f_ow < 0 || f_ms < 0)
        throw IoError(osmconf + ": the [lines] attributes must include highway, oneway and maxspeed");
    // Walkable areas come through the multipolygons layer (closed ways with area=yes, and
    // relations); the project's osmconf lists highway, foot and access there.
    OGRFeatureDefn* md = multipolygons->GetLayerDefn();
    const int a_hw = md->GetFieldIndex("highway"), a_ft = md->GetFieldIndex("foot"), a_ac = md->GetFieldIndex("access"),
              a_way = md->GetFieldIndex("osm_way_id"), a_id = md->GetFieldIndex("osm_id");
    if (a_hw < 0) throw IoError(osmconf + ": the [multipolygons] attributes must include highway (walkable areas)");
    Transformer t("EPSG:4326", target_crs);
    std::vector<Way> ways;
    std::vector<std::pair<Polygon, Way>> areas;
    auto get = [](OGRFeature& f, int i) { return i >= 0 && f.IsFieldSetAndNotNull(i) ? std::string(f.GetFieldAsString(i)) : std::string(); };
    auto ring = [&](const OGRSimpleCurve* r) {
        LineString pts(static_cast<std::size_t>(r->getNumPoints()));
        for (int i = 0; i < r->getNumPoints(); ++i) pts[static_cast<std::size_t>(i)] = {r->getX(i), r->getY(i)};
        t.transform(pts);
        return pts;
    };
    auto read_line = [&](OGRFeature& feat) {
        const std::string hw = get(feat, f_hw);
        if (hw.empty()) return; // rivers, railways, barriers...
        const OGRGeometry* g = feat.GetGeometryRef();
        if (!g || wkbFlatten(g->getGeometryType()) != wkbLineString) return;
        Way w;
        w.id = f_id >= 0 ? feat.GetFieldAsInteger64(f_id) : feat.GetFID();
        w.points = ring(g->toLineString());
        w.tags = {hw, get(feat, f_ow), get(feat, f_ms), get(feat, f_ac), get(feat, f_ft),
                  get(feat, f_ve), get(feat, f_mv), get(feat, f_mc), get(feat, f_jn)};
        ways.push_back(std::move(w));
    };
    auto read_area = [&](OGRFeature& feat) {
        const std::string hw = get(feat, a_hw);
        if (hw.empty() || hw == "rest_area" || hw == "services") return; // facilities, not places to walk
        const OGRGeometry* g = feat.GetGeometryRef();
        if (!g) return;
        Way tags;
        const std::string way_id = get(feat, a_way), rel_id = get(feat, a_id);
        tags.id = !way_id.empty() ? std::stoll(way_id) : !rel_id.empty() ? std::stoll(rel_id) : feat.GetFID();
        tags.tags.highway = hw;
        tags.tags.foot = get(feat, a_ft);
        tags.tags.access = get(feat, a_ac);
        auto add = [&](const OGRPolygon* p) {
            if (p->IsEmpty()) return;
            Polygon poly;
            poly.outer = ring(p->getExteriorRing());
            for (int i = 0; i < p->getNumInteriorRings(); ++i) poly.holes.push_back(ring(p->getInteriorRing(i)));
            areas.push_back({std::move(poly), tags});
        };
        if (wkbFlatten(g->getGeometryType()) == wkbPolygon) add(g->toPolygon());
        else if (wkbFlatten(g->getGeometryType()) == wkbMultiPolygon)
            for (const OGRPolygon* p : *g->toMultiPolygon()) add(p);
    };
    // Layer by layer, each filtered on highway: GDAL 3.6 drops one of OSRM Monaco's pedestrian
    // squares (way 335740502) when the multipolygons layer is read without a filter, or
    // interleaved; with the filter it returns them all (tests/geo/osm_roads_test.cpp).
    lines->SetAttributeFilter("highway IS NOT NULL");
    multipolygons->SetAttributeFilter("highway IS NOT NULL");
    for (auto& feat : *lines) read_line(*feat);
    for (auto& feat : *multipolygons) read_area(*feat);
    add_walkable_areas(areas, ways);
    if (CPLGetLastErrorType() >= CE_Failure)
        throw IoError(path + ": reading OSM data failed (truncated or corrupt file?): " + quiet.last_message());
    if (ways.empty()) throw IoError(path + ": no highway ways in the file");
    return ways;
}

std::vector<Way> read_line_ways(const std::string& path, const LineFieldMap& map, const std::string& target_crs) {
    ReadOptions o;
    o.layer = map.layer;
    o.declared_crs = map.crs;
    o.target_crs = target_crs;
    FeatureTable t = read_vector(path, o);
    if (map.highway.empty() && map.default_highway.empty())
        throw IoError(where(t.path, t.layer) + ": map a highway field (highway_field) or set default_highway");
    auto field = [&](const std::string& name) { return name.empty() ? -1 : t.require_field(name); };
    const int hw = field(map.highway), ow = field(map.oneway), ms = field(map.maxspeed), ac = field(map.access),
              ft = field(map.foot);
    auto get = [](const FeatureRecord& f, int i) {
        return i >= 0 && f.values[static_cast<std::size_t>(i)] ? *f.values[static_cast<std::size_t>(i)] : std::string();
    };
    std::vector<Way> ways;
    for (const FeatureRecord& f : t.features) {
        const auto* ml = std::get_if<MultiLineString>(&f.geometry);
        if (!ml) // a road layer with points or polygons in it is not what the project says it is
            throw IoError(t.where(f) + ": expected a line, found " +
                          (std::holds_alternative<std::monostate>(f.geometry) ? "no geometry"
                           : std::holds_alternative<XY>(f.geometry)           ? "a point"
                                                                               : "a polygon"));
        for (const LineString& l : *ml) {
            Way w;
            w.id = f.fid;
            w.points = l;
            w.tags.highway = hw >= 0 ? get(f, hw) : map.default_highway;
            if (w.tags.highway.empty()) w.tags.highway = map.default_highway;
            w.tags.oneway = get(f, ow);
            w.tags.maxspeed = get(f, ms);
            w.tags.access = get(f, ac);
            w.tags.foot = get(f, ft);
            ways.push_back(std::move(w));
        }
    }
    return ways;
}

} // namespace apreptis::geo
