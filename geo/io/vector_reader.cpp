#include "geo/io/vector_reader.hpp"

#include <charconv>
#include <cmath>
#include <mutex>

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "geo/crs/transformer.hpp"
#include "geo/detail/gdal_util.hpp"
#include "geo/errors.hpp"

namespace apreptis::geo {

namespace detail {

void ensure_gdal_registered() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        CPLSetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "0");
    });
}

QuietErrors::QuietErrors() {
    CPLPushErrorHandler(CPLQuietErrorHandler);
    CPLErrorReset();
}
QuietErrors::~QuietErrors() { CPLPopErrorHandler(); }
std::string QuietErrors::last_message() const {
    const char* m = CPLGetLastErrorMsg();
    return (m && *m) ? m : "no further detail from GDAL";
}

} // namespace detail

namespace {

bool parse_double(const std::string& s, double& out) {
    const char* b = s.data();
    const char* e = s.data() + s.size();
    while (b < e && *b == ' ') ++b;
    while (e > b && e[-1] == ' ') --e;
    if (b == e) return false;
    auto r = std::from_chars(b, e, out);
    return r.ec == std::errc() && r.ptr == e && std::isfinite(out);
}

Ring ring_of(const OGRLinearRing* r) {
    Ring out(static_cast<std::size_t>(r->getNumPoints()));
    for (int i = 0; i < r->getNumPoints(); ++i) out[static_cast<std::size_t>(i)] = {r->getX(i), r->getY(i)};
    return out;
}

void add_polygon(const OGRPolygon* p, MultiPolygon& out) {
    if (p->IsEmpty()) return;
    Polygon poly;
    poly.outer = ring_of(p->getExteriorRing());
    for (int i = 0; i < p->getNumInteriorRings(); ++i) poly.holes.push_back(ring_of(p->getInteriorRing(i)));
    out.push_back(std::move(poly));
}

LineString line_of(const OGRLineString* l) {
    LineString out(static_cast<std::size_t>(l->getNumPoints()));
    for (int i = 0; i < l->getNumPoints(); ++i) out[static_cast<std::size_t>(i)] = {l->getX(i), l->getY(i)};
    return out;
}

Geometry convert(const OGRGeometry* g) {
    if (!g || g->IsEmpty()) return std::monostate{};
    std::unique_ptr<OGRGeometry> linear;
    if (g->hasCurveGeometry()) {
        linear.reset(g->getLinearGeometry());
        g = linear.get();
    }
    switch (wkbFlatten(g->getGeometryType())) {
    case wkbPoint: {
        auto* p = g->toPoint();
        return XY{p->getX(), p->getY()};
    }
    case wkbPolygon: {
        MultiPolygon mp;
        add_polygon(g->toPolygon(), mp);
        return mp;
    }
    case wkbMultiPolygon: {
        MultiPolygon mp;
        for (const OGRPolygon* p : *g->toMultiPolygon()) add_polygon(p, mp);
        return mp;
    }
    case wkbLineString:
        return MultiLineString{line_of(g->toLineString())};
    case wkbMultiLineString: {
        MultiLineString ml;
        for (const OGRLineString* l : *g->toMultiLineString()) ml.push_back(line_of(l));
        return ml;
    }
    case wkbGeometryCollection: { // keep the polygonal parts
        MultiPolygon mp;
        for (const OGRGeometry* part : *g->toGeometryCollection()) {
            auto t = wkbFlatten(part->getGeometryType());
            if (t == wkbPolygon) add_polygon(part->toPolygon(), mp);
            if (t == wkbMultiPolygon)
                for (const OGRPolygon* p : *part->toMultiPolygon()) add_polygon(p, mp);
        }
        if (mp.empty()) return std::monostate{};
        return mp;
    }
    default:
        return std::monostate{};
    }
}

void swap_xy(Geometry& g) {
    auto sw = [](XY& p) { std::swap(p.x, p.y); };
    std::visit(
        [&](auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, XY>) sw(v);
            if constexpr (std::is_same_v<T, MultiPolygon>)
                for (auto& p : v) {
                    for (auto& c : p.outer) sw(c);
                    for (auto& h : p.holes)
                        for (auto& c : h) sw(c);
                }
            if constexpr (std::is_same_v<T, MultiLineString>)
                for (auto& l : v)
                    for (auto& c : l) sw(c);
        },
        g);
}

void transform_geometry(const Transformer& t, Geometry& g) {
    std::visit(
        [&](auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, XY>) v = t.transform(v);
            if constexpr (std::is_same_v<T, MultiPolygon>)
                for (auto& p : v) {
                    t.transform(p.outer);
                    for (auto& h : p.holes) t.transform(h);
                }
            if constexpr (std::is_same_v<T, MultiLineString>)
                for (auto& l : v) t.transform(l);
        },
        g);
}

std::string srs_to_wkt(const OGRSpatialReference& srs) {
    char* wkt = nullptr;
    const char* opts[] = {"FORMAT=WKT2_2019", nullptr};
    srs.exportToWkt(&wkt, opts);
    std::string out = wkt ? wkt : "";
    CPLFree(wkt);
    return out;
}

/// The file's coordinates are (lon,lat)/(E,N) unless GDAL says it stores the CRS's own
/// lat-first order.
bool data_is_lat_first(const OGRSpatialReference& srs) {
    bool crs_lat_first = srs.EPSGTreatsAsLatLong() || srs.EPSGTreatsAsNorthingEasting();
    const auto& mapping = srs.GetDataAxisToSRSAxisMapping();
    bool data_in_crs_order = mapping.size() >= 2 && mapping[0] == 1 && mapping[1] == 2;
    return crs_lat_first && data_in_crs_order;
}

} // namespace

int FeatureTable::field_index(const std::string& name) const {
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i] == name) return static_cast<int>(i);
    return -1;
}

int FeatureTable::require_field(const std::string& name) const {
    int i = field_index(name);
    if (i >= 0) return i;
    std::string present;
    for (const auto& f : fields) present += (present.empty() ? "" : ", ") + f;
    throw IoError(geo::where(path, layer) + ": missing field '" + name + "' (fields present: " + present + ")");
}

std::string FeatureTable::where(const FeatureRecord& f, const std::string& field) const {
    std::string s = geo::where(path, layer, f.fid, field);
    if (driver == "CSV") s += " (CSV line " + std::to_string(f.fid + 1) + ")";
    return s;
}

std::vector<std::string> list_layers(const std::string& path) {
    detail::ensure_gdal_registered();
    detail::QuietErrors quiet;
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) throw IoError(path + ": cannot open as a vector source: " + quiet.last_message());
    std::vector<std::string> out;
    for (auto* l : ds->GetLayers()) out.emplace_back(l->GetName());
    return out;
}

std::string gdal_version() { return GDALVersionInfo("RELEASE_NAME"); }

FeatureTable read_vector(const std::string& path, const ReadOptions& opt) {
    detail::ensure_gdal_registered();
    detail::QuietErrors quiet;
    FeatureTable t;
    t.path = path;
    if (!detail::file_exists(path)) throw IoError(path + ": file not found");
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) throw IoError(path + ": not a readable vector source (no GDAL driver recognises it): " + quiet.last_message());
    t.driver = ds->GetDriver() ? ds->GetDriver()->GetDescription() : "";

    OGRLayer* layer = nullptr;
    if (!opt.layer.empty()) {
        layer = ds->GetLayerByName(opt.layer.c_str());
        if (!layer) {
            std::string names;
            for (auto* l : ds->GetLayers()) names += (names.empty() ? "" : ", ") + std::string(l->GetName());
            throw IoError(path + ": no layer '" + opt.layer + "' (layers: " + names + ")");
        }
    } else {
        if (ds->GetLayerCount() == 0) throw IoError(path + ": the source has no layers");
        if (ds->GetLayerCount() > 1) {
            std::string names;
            for (auto* l : ds->GetLayers()) names += (names.empty() ? "" : ", ") + std::string(l->GetName());
            throw IoError(path + ": has " + std::to_string(ds->GetLayerCount()) + " layers; name one (" + names + ")");
        }
        layer = ds->GetLayer(0);
    }
    t.layer = layer->GetName();

    OGRFeatureDefn* defn = layer->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i) t.fields.emplace_back(defn->GetFieldDefn(i)->GetNameRef());

    const bool xy_mode = !opt.x_field.empty() || !opt.y_field.empty();
    int xi = -1, yi = -1;
    if (xy_mode) {
        xi = t.require_field(opt.x_field);
        yi = t.require_field(opt.y_field);
    }

    // Which CRS are the coordinates in?
    const OGRSpatialReference* file_srs = xy_mode ? nullptr : layer->GetSpatialRef();
    const bool has_geom_column = xy_mode || defn->GetGeomType() != wkbNone || layer->GetGeomType() != wkbNone;
    std::string source_def;
    bool lat_first = false;
    if (file_srs) {
        source_def = srs_to_wkt(*file_srs);
        lat_first = data_is_lat_first(*file_srs);
        if (!opt.declared_crs.empty()) {
            OGRSpatialReference declared;
            if (declared.SetFromUserInput(opt.declared_crs.c_str()) != OGRERR_NONE)
                throw CrsError(geo::where(path, t.layer) + ": declared CRS '" + opt.declared_crs + "' is not a CRS");
            if (!declared.IsSame(file_srs))
                throw CrsError(geo::where(path, t.layer) + ": the project declares " + opt.declared_crs +
                               " but the file says " + describe_crs(source_def) +
                               "; remove the declaration or fix the file");
        }
    } else if (!opt.declared_crs.empty()) {
        source_def = opt.declared_crs;
    }
    if (has_geom_column && source_def.empty())
        throw CrsError(geo::where(path, t.layer) + ": the layer has no CRS; declare one (crs = \"EPSG:...\") in the project file");
    std::optional<Transformer> transformer;
    if (!source_def.empty()) {
        t.source_crs = describe_crs(source_def);
        transformer.emplace(source_def, opt.target_crs);
    }

    for (auto& feat : *layer) {
        FeatureRecord r;
        r.fid = feat->GetFID();
        r.values.resize(t.fields.size());
        for (int i = 0; i < static_cast<int>(t.fields.size()); ++i)
            if (feat->IsFieldSetAndNotNull(i)) r.values[static_cast<std::size_t>(i)] = feat->GetFieldAsString(i);
        if (xy_mode) {
            const auto& xs = r.values[static_cast<std::size_t>(xi)];
            const auto& ys = r.values[static_cast<std::size_t>(yi)];
            bool x_blank = !xs || xs->find_first_not_of(' ') == std::string::npos;
            bool y_blank = !ys || ys->find_first_not_of(' ') == std::string::npos;
            if (!(x_blank && y_blank)) {
                double x = 0, y = 0;
                if (x_blank || !parse_double(*xs, x))
                    throw IoError(t.where(r, opt.x_field) + ": expected a number, found '" + (xs ? *xs : "") + "'");
                if (y_blank || !parse_double(*ys, y))
                    throw IoError(t.where(r, opt.y_field) + ": expected a number, found '" + (ys ? *ys : "") + "'");
                r.geometry = XY{x, y};
            }
        } else {
            r.geometry = convert(feat->GetGeometryRef());
            if (lat_first) swap_xy(r.geometry);
        }
        if (opt.geometry_required && std::holds_alternative<std::monostate>(r.geometry))
            throw IoError(t.where(r) + ": feature has no geometry");
        if (transformer) {
            try {
                transform_geometry(*transformer, r.geometry);
            } catch (const CrsError& e) {
                throw CrsError(t.where(r) + ": " + e.what());
            }
        }
        t.features.push_back(std::move(r));
    }
    if (CPLGetLastErrorType() >= CE_Failure)
        throw IoError(geo::where(path, t.layer) + ": read failed: " + quiet.last_message());
    if (t.features.empty() && !opt.allow_empty) throw IoError(geo::where(path, t.layer) + ": the layer is empty");
    return t;
}

} // namespace apreptis::geo
