#include "geo/routing/road_reader.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "geo/crs/transformer.hpp"
#include "geo/detail/gdal_util.hpp"
#include "geo/errors.hpp"
#include "geo/io/vector_reader.hpp"

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
    if (!lines) throw IoError(path + ": the OSM driver gave no 'lines' layer");
    OGRFeatureDefn* defn = lines->GetLayerDefn();
    auto idx = [&](const char* name) { return defn->GetFieldIndex(name); };
    const int f_id = idx("osm_id"), f_hw = idx("highway"), f_ow = idx("oneway"), f_ms = idx("maxspeed"),
              f_ac = idx("access"), f_ft = idx("foot"), f_ve = idx("vehicle"), f_mv = idx("motor_vehicle"),
              f_mc = idx("motorcar"), f_jn = idx("junction");
    if (f_hw < 0 || f_ow < 0 || f_ms < 0)
        throw IoError(osmconf + ": the [lines] attributes must include highway, oneway and maxspeed");
    Transformer t("EPSG:4326", target_crs);
    std::vector<Way> ways;
    auto get = [](OGRFeature& f, int i) { return i >= 0 && f.IsFieldSetAndNotNull(i) ? std::string(f.GetFieldAsString(i)) : std::string(); };
    for (auto& feat : *lines) {
        std::string hw = get(*feat, f_hw);
        if (hw.empty()) continue; // rivers, railways, barriers...
        const OGRGeometry* g = feat->GetGeometryRef();
        if (!g || wkbFlatten(g->getGeometryType()) != wkbLineString) continue;
        const OGRLineString* ls = g->toLineString();
        Way w;
        w.id = f_id >= 0 ? feat->GetFieldAsInteger64(f_id) : feat->GetFID();
        w.points.resize(static_cast<std::size_t>(ls->getNumPoints()));
        for (int i = 0; i < ls->getNumPoints(); ++i) w.points[static_cast<std::size_t>(i)] = {ls->getX(i), ls->getY(i)};
        t.transform(w.points);
        w.tags = {hw, get(*feat, f_ow), get(*feat, f_ms), get(*feat, f_ac), get(*feat, f_ft),
                  get(*feat, f_ve), get(*feat, f_mv), get(*feat, f_mc), get(*feat, f_jn)};
        ways.push_back(std::move(w));
    }
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
        throw IoError(where(path, t.layer) + ": map a highway field (highway_field) or set default_highway");
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
