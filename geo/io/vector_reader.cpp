#include "geo/io/vector_reader.hpp"

// The reading itself: open, pick the layer, CRS checks, feature by feature. GDAL's
// registration and error handler are in geo/detail/gdal_util.cpp, OGR's objects become plain
// records in ogr_conversion.cpp, and a CSV source is scanned and decoded in csv_source.cpp.
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iconv.h>
#include <map>
#include <unistd.h>

#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <nlohmann/json.hpp>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "geo/crs/transformer.hpp"
#include "geo/detail/gdal_util.hpp"
#include "geo/errors.hpp"
#include "geo/io/connection_string.hpp"
#include "geo/io/csv_source.hpp"
#include "geo/io/ogr_conversion.hpp"
#include "geo/io/pg_scrub.hpp"
#include "geo/io/vector_writer.hpp"

namespace apreptis::geo {

namespace {

using detail::convert;
using detail::CsvSource;
using detail::data_is_lat_first;
using detail::is_csv;
using detail::is_utf8_name;
using detail::kind_of;

/// GeoJSON properties that are JSON true/false, by feature (in file order) and name. GDAL turns
/// them into 1/0 of an integer field when the other features have numbers there, so a
/// population of `true` would count as 1 resident; the values are shown as true/false instead.
std::map<std::pair<std::size_t, std::string>, bool> geojson_booleans(const std::string& path) {
    std::map<std::pair<std::size_t, std::string>, bool> out;
    std::ifstream f(path, std::ios::binary);
    nlohmann::json doc;
    try {
        // skip geometries while parsing: only properties matter here
        doc = nlohmann::json::parse(f, [](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
            return !(event == nlohmann::json::parse_event_t::key && parsed == "geometry");
        });
    } catch (const nlohmann::json::exception&) {
        return out; // GDAL read it; its own messages cover what it could not
    }
    const auto features = doc.find("features");
    if (features == doc.end() || !features->is_array()) return out;
    for (std::size_t i = 0; i < features->size(); ++i) {
        const auto& props = (*features)[i].find("properties");
        if (props == (*features)[i].end() || !props->is_object()) continue;
        for (const auto& [key, value] : props->items())
            if (value.is_boolean()) out[{i, key}] = value.get<bool>();
    }
    return out;
}

/// Every feature's first vertex must lie in the area where the working CRS is defined (grown by
/// a margin, since data near a border is fine): swapped lat/lon, a wrong declared CRS or a
/// stray coordinate put features thousands of kilometres away, where areas and distances are
/// wrong. When swapping the source coordinates would fit, say so.
void check_area_of_use(const FeatureTable& t, const std::vector<std::pair<std::size_t, XY>>& first_source_points,
                       const std::string& source_def, const std::string& target_crs) {
    const auto area = area_of_use_lonlat(target_crs);
    if (!area || first_source_points.empty()) return;
    constexpr double margin_deg = 2.0;
    const Envelope grown = area->grown(margin_deg);
    const Transformer to_lonlat(source_def, "EPSG:4326");
    auto inside = [&](XY p) {
        try {
            const XY ll = to_lonlat.transform(p);
            return grown.contains(ll) || grown.contains({ll.x + 360, ll.y});
        } catch (const CrsError&) {
            return false;
        }
    };
    std::size_t outside = 0, swapped_fit = 0;
    std::string examples;
    for (const auto& [i, p] : first_source_points) {
        if (inside(p)) continue;
        if (outside < 3) examples += "\n  " + t.where(t.features[i]) + ": (" + format_number(p.x) + ", " + format_number(p.y) + ")";
        ++outside;
        if (inside({p.y, p.x})) ++swapped_fit;
    }
    if (!outside) return;
    std::string msg = std::to_string(outside) + " of " + std::to_string(first_source_points.size()) +
                      " features lie outside the area of use of " + target_crs + " (lon " + format_number(area->min_x) +
                      " to " + format_number(area->max_x) + ", lat " + format_number(area->min_y) + " to " +
                      format_number(area->max_y) + ", plus " + format_number(margin_deg) + " degrees), e.g.:" + examples;
    if (swapped_fit == outside)
        msg += "\n  hint: with x and y swapped they would fit: the file probably stores latitude before longitude; "
               "swap the coordinates (or the x_field / y_field names)";
    else
        msg += "\n  hint: check the declared CRS (crs = ...) and the working CRS";
    throw CrsError(Location{t.path, t.layer, -1, -1, ""}, msg);
}

std::optional<XY> first_vertex(const Geometry& g) {
    if (const auto* p = std::get_if<XY>(&g)) return *p;
    if (const auto* mp = std::get_if<MultiPolygon>(&g); mp && !mp->empty() && !mp->front().outer.empty())
        return mp->front().outer.front();
    if (const auto* ml = std::get_if<MultiLineString>(&g); ml && !ml->empty() && !ml->front().empty())
        return ml->front().front();
    return std::nullopt;
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

} // namespace

bool is_known_encoding(const std::string& encoding) {
    if (is_utf8_name(encoding)) return true;
    // GDAL's CPLRecode decodes through iconv, and passes unknown names through silently: ask iconv
    const iconv_t cd = ::iconv_open("UTF-8", encoding.c_str());
    if (cd == reinterpret_cast<iconv_t>(-1)) return false;
    ::iconv_close(cd);
    return true;
}

bool parse_number(const std::string& s, bool decimal_comma, double& out) {
    const char* b = s.data();
    const char* e = s.data() + s.size();
    while (b < e && *b == ' ') ++b;
    while (e > b && e[-1] == ' ') --e;
    if (b == e) return false;
    if (decimal_comma) {
        std::string t(b, e);
        if (t.find('.') != std::string::npos) return false; // 1.234,5: thousands separators are refused
        for (auto& c : t)
            if (c == ',') c = '.';
        auto r = std::from_chars(t.data(), t.data() + t.size(), out);
        return r.ec == std::errc() && r.ptr == t.data() + t.size() && std::isfinite(out);
    }
    auto r = std::from_chars(b, e, out);
    return r.ec == std::errc() && r.ptr == e && std::isfinite(out);
}

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
    throw IoError(Location{path, layer, -1, -1, name}, "missing field '" + name + "' (fields present: " + present + ")");
}

Location FeatureTable::at(const FeatureRecord& f, const std::string& field) const {
    return Location{path, layer, f.fid, f.line, field};
}

std::string FeatureTable::where(const FeatureRecord& f, const std::string& field) const { return at(f, field).to_string(); }

std::vector<std::string> list_layers(const std::string& path) {
    detail::ensure_gdal_registered();
    detail::QuietErrors quiet;
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) throw IoError(Location{.path = path}, "cannot open as a vector source: " + quiet.last_message());
    std::vector<std::string> out;
    for (auto* l : ds->GetLayers()) out.emplace_back(l->GetName());
    return out;
}

std::string gdal_version() { return GDALVersionInfo("RELEASE_NAME"); }

FeatureTable read_vector(const std::string& source, const ReadOptions& opt) {
    detail::ensure_gdal_registered();
    detail::QuietErrors quiet;
    FeatureTable t;
    const std::string path = redacted(source); // what messages and outputs may show
    t.path = path;
    t.decimal_comma = opt.decimal_comma;
    const bool database = is_database_source(source);
    if (!database) {
        std::error_code ec;
        if (!detail::file_exists(source)) throw IoError(Location{.path = path}, "file not found");
        if (std::filesystem::is_directory(source, ec) && !source.ends_with(".gdb"))
            throw IoError(Location{.path = path}, "is a folder; name the file (or a layer of a GeoPackage) instead");
        if (source.rfind("/vsi", 0) != 0 && ::access(source.c_str(), R_OK) != 0)
            throw IoError(Location{.path = path}, std::string("cannot read: ") + std::strerror(errno));
    }
    std::optional<CsvSource> csv;
    CPLStringList open_options;
    if (!database && is_csv(source)) {
        csv.emplace(source, opt);
        const char sep = csv->scan.separator;
        open_options.SetNameValue("SEPARATOR", sep == ';' ? "SEMICOLON" : sep == '\t' ? "TAB" : "COMMA");
    } else if (!is_utf8_name(opt.encoding)) {
        const std::string ext = source.size() > 4 ? source.substr(source.size() - 4) : "";
        if (ext != ".shp" && ext != ".dbf" && ext != ".SHP" && ext != ".DBF")
            throw IoError(Location{.path = path}, "encoding = \"" + opt.encoding +
                          "\" applies to CSV and Shapefile sources; this one is read as UTF-8");
        open_options.SetNameValue("ENCODING", opt.encoding.c_str());
    }
    const std::string open_path = csv ? csv->open_path(source) : source;
    GDALDatasetUniquePtr ds(static_cast<GDALDataset*>(
        GDALOpenEx(open_path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, open_options.List(), nullptr)));
    if (!ds) throw IoError(Location{.path = path}, "not a readable vector source (no GDAL driver recognises it): " + scrubbed(quiet.last_message(), source));
    t.driver = ds->GetDriver() ? ds->GetDriver()->GetDescription() : "";

    OGRLayer* layer = nullptr;
    // A database source's layer may be a query (layer = "SELECT ... FROM schema.table WHERE ...").
    // Declared after ds: the result set is released before the dataset closes.
    const bool query = database && opt.layer.find_first_not_of(" \t\n") != std::string::npos &&
                       STARTS_WITH_CI(opt.layer.c_str() + opt.layer.find_first_not_of(" \t\n"), "SELECT");
    auto release = [&ds](OGRLayer* l) { ds->ReleaseResultSet(l); };
    std::unique_ptr<OGRLayer, decltype(release)> result(nullptr, release);
    if (query) {
        CPLErrorReset();
        result.reset(ds->ExecuteSQL(opt.layer.c_str(), nullptr, nullptr));
        if (!result) throw IoError(Location{.path = path}, "the layer's SQL query failed: " + scrubbed(quiet.last_message(), source));
        layer = result.get();
    } else if (!opt.layer.empty()) {
        layer = ds->GetLayerByName(opt.layer.c_str());
        if (!layer) {
            std::string names;
            for (auto* l : ds->GetLayers()) names += (names.empty() ? "" : ", ") + std::string(l->GetName());
            throw IoError(Location{.path = path}, "no layer '" + opt.layer + "' (layers: " + names + ")");
        }
    } else {
        if (ds->GetLayerCount() == 0) throw IoError(Location{.path = path}, "the source has no layers");
        if (ds->GetLayerCount() > 1) {
            std::string names;
            for (auto* l : ds->GetLayers()) names += (names.empty() ? "" : ", ") + std::string(l->GetName());
            throw IoError(Location{.path = path}, "has " + std::to_string(ds->GetLayerCount()) + " layers; name one (" + names + ")");
        }
        layer = ds->GetLayer(0);
    }
    t.layer = query ? "(SQL query)" : layer->GetName();

    OGRFeatureDefn* defn = layer->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        t.fields.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
        t.kinds.push_back(kind_of(defn->GetFieldDefn(i)));
    }

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
        source_def = detail::srs_to_wkt(*file_srs);
        lat_first = data_is_lat_first(*file_srs);
        if (!opt.declared_crs.empty()) {
            OGRSpatialReference declared;
            if (declared.SetFromUserInput(opt.declared_crs.c_str()) != OGRERR_NONE)
                throw CrsError(Location{.path = path, .layer = t.layer}, "declared CRS '" + opt.declared_crs + "' is not a CRS");
            if (!declared.IsSame(file_srs))
                throw CrsError(Location{.path = path, .layer = t.layer}, "the project declares " + opt.declared_crs +
                               " but the file says " + describe_crs(source_def) +
                               "; remove the declaration or fix the file");
        }
    } else if (!opt.declared_crs.empty()) {
        source_def = opt.declared_crs;
    }
    if (has_geom_column && source_def.empty())
        throw CrsError(Location{.path = path, .layer = t.layer}, "the layer has no CRS; declare one (crs = \"EPSG:...\") in the project file");
    std::optional<Transformer> transformer;
    if (!source_def.empty()) {
        t.source_crs = describe_crs(source_def);
        transformer.emplace(source_def, opt.target_crs);
    }

    std::vector<std::pair<std::size_t, XY>> first_points; // per feature, in the source CRS
    const auto booleans = !database && t.driver == "GeoJSON" ? geojson_booleans(source)
                                                             : std::map<std::pair<std::size_t, std::string>, bool>{};
    std::size_t index = 0;
    for (auto& feat : *layer) {
        FeatureRecord r;
        r.fid = feat->GetFID();
        if (csv) {
            if (index >= csv->scan.record_line.size())
                throw IoError(Location{path, t.layer, r.fid, -1, ""},
                              "GDAL read more records than the file has; it is not plain CSV");
            r.line = csv->scan.record_line[index];
        }
        ++index;
        r.values.resize(t.fields.size());
        for (int i = 0; i < static_cast<int>(t.fields.size()); ++i) {
            if (!feat->IsFieldSetAndNotNull(i)) continue;
            std::string v = feat->GetFieldAsString(i);
            if (!booleans.empty())
                if (auto b = booleans.find({index - 1, t.fields[static_cast<std::size_t>(i)]}); b != booleans.end())
                    v = b->second ? "true" : "false";
            if (t.kinds[static_cast<std::size_t>(i)] == FieldKind::text) {
                const std::size_t bad = invalid_utf8_at(v);
                if (bad != std::string::npos)
                    throw IoError(t.at(r, t.fields[static_cast<std::size_t>(i)]),
                                  "text that is not valid UTF-8 (byte " + std::to_string(bad + 1) +
                                      "); declare the file's encoding, e.g. encoding = \"cp1257\" for a Lithuanian "
                                      "Windows export");
            }
            r.values[static_cast<std::size_t>(i)] = std::move(v);
        }
        if (xy_mode) {
            const auto& xs = r.values[static_cast<std::size_t>(xi)];
            const auto& ys = r.values[static_cast<std::size_t>(yi)];
            bool x_blank = !xs || xs->find_first_not_of(' ') == std::string::npos;
            bool y_blank = !ys || ys->find_first_not_of(' ') == std::string::npos;
            if (!(x_blank && y_blank)) {
                double x = 0, y = 0;
                if (x_blank || !parse_number(*xs, opt.decimal_comma, x))
                    throw IoError(t.at(r, opt.x_field), "expected a number, found '" + (xs ? *xs : "") + "'");
                if (y_blank || !parse_number(*ys, opt.decimal_comma, y))
                    throw IoError(t.at(r, opt.y_field), "expected a number, found '" + (ys ? *ys : "") + "'");
                r.geometry = XY{x, y};
            }
        } else {
            r.geometry = convert(feat->GetGeometryRef());
            if (lat_first) swap_xy(r.geometry);
        }
        if (opt.geometry_required && std::holds_alternative<std::monostate>(r.geometry))
            throw IoError(t.at(r), "feature has no geometry");
        if (const auto first = first_vertex(r.geometry)) {
            if (!std::isfinite(first->x) || !std::isfinite(first->y))
                throw IoError(t.at(r), "a coordinate is not a finite number");
            first_points.push_back({t.features.size(), *first});
        }
        if (transformer) {
            try {
                transform_geometry(*transformer, r.geometry);
            } catch (const CrsError& e) {
                throw CrsError(t.at(r), e.what());
            }
        }
        t.features.push_back(std::move(r));
    }
    if (CPLGetLastErrorType() >= CE_Failure)
        throw IoError(Location{path, t.layer, -1, -1, ""}, "read failed: " + scrubbed(quiet.last_message(), source));
    if (t.features.empty() && !opt.allow_empty) throw IoError(Location{path, t.layer, -1, -1, ""}, "the layer is empty");
    if (csv && t.features.size() != csv->scan.record_line.size())
        throw IoError(Location{path, t.layer, -1, -1, ""},
                      "GDAL read " + std::to_string(t.features.size()) + " records, the file has " +
                          std::to_string(csv->scan.record_line.size()));
    if (opt.check_area_of_use && transformer) check_area_of_use(t, first_points, source_def, opt.target_crs);
    return t;
}

} // namespace apreptis::geo
