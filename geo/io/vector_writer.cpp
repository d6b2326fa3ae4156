#include "geo/io/vector_writer.hpp"

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <unistd.h>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "geo/detail/gdal_util.hpp"
#include "geo/io/gpkg_bulk.hpp"
#include "geo/io/pending_file.hpp"
#include "geo/io/write_failure.hpp"
#include "geo/errors.hpp"

namespace apreptis::geo {
namespace fs = std::filesystem;

namespace {

void rename_into_place(const std::string& tmp, const std::string& path) {
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) {
        fs::remove(tmp, ec);
        throw IoError(Location{.path = path}, "cannot move the finished file into place: " + ec.message());
    }
}

OGRwkbGeometryType ogr_type(GeometryType t) {
    switch (t) {
    case GeometryType::point: return wkbPoint;
    case GeometryType::multipolygon: return wkbMultiPolygon;
    case GeometryType::multilinestring: return wkbMultiLineString;
    case GeometryType::none: break;
    }
    return wkbNone;
}

OGRLinearRing* ring(const Ring& r) {
    auto* out = new OGRLinearRing();
    out->setNumPoints(static_cast<int>(r.size()));
    for (std::size_t i = 0; i < r.size(); ++i) out->setPoint(static_cast<int>(i), r[i].x, r[i].y);
    return out;
}

std::unique_ptr<OGRGeometry> to_ogr(const Geometry& g) {
    if (auto* p = std::get_if<XY>(&g)) return std::make_unique<OGRPoint>(p->x, p->y);
    if (auto* mp = std::get_if<MultiPolygon>(&g)) {
        auto out = std::make_unique<OGRMultiPolygon>();
        for (const Polygon& p : *mp) {
            auto* poly = new OGRPolygon();
            poly->addRingDirectly(ring(p.outer));
            for (const Ring& h : p.holes) poly->addRingDirectly(ring(h));
            out->addGeometryDirectly(poly);
        }
        return out;
    }
    if (auto* ml = std::get_if<MultiLineString>(&g)) {
        auto out = std::make_unique<OGRMultiLineString>();
        for (const LineString& l : *ml) {
            auto* ls = new OGRLineString();
            for (const XY& c : l) ls->addPoint(c.x, c.y);
            out->addGeometryDirectly(ls);
        }
        return out;
    }
    return nullptr;
}

std::string csv_escape(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

} // namespace

std::string format_number(double v) {
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

namespace {

/// Rows from which a GeoPackage gets 64 KB pages.
constexpr std::size_t large_gpkg_rows = 500'000;

void write_geopackage_to(const std::string& path, const std::string& tmp, const std::string& crs,
                         const std::vector<OutLayer>& layers) {
    detail::ensure_gdal_registered();
    detail::QuietErrors quiet;
    const bool bulk = gpkg_bulk_rows_used();
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!drv) throw IoError("GDAL has no GPKG driver");
    OGRSpatialReference srs;
    if (srs.SetFromUserInput(crs.c_str()) != OGRERR_NONE) throw IoError(Location{.path = path}, "cannot set output CRS " + crs);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    {
        // A country's GeoPackage is gigabytes: SQLite's default 4 KB pages make that a million
        // writes of a page (the kernel's copying of them was a quarter of the writing). Large outputs
        // get 64 KB pages; small ones keep 4 KB (every table and index takes at least a page).
        std::size_t rows = 0;
        for (const OutLayer& L : layers) rows += L.size();
        // No creation options are given to check: GDAL's check of them builds the GPKG driver's
        // option list, reading every tile matrix set in /usr/share/gdal and its CRS (~4 ms a run).
        CPLConfigOptionSetter no_option_check("GDAL_VALIDATE_CREATION_OPTIONS", "NO", false);
        std::optional<CPLConfigOptionSetter> page_size;
        if (rows >= large_gpkg_rows) page_size.emplace("OGR_SQLITE_PRAGMA", "page_size=65536", false);
        GDALDatasetUniquePtr ds(drv->Create(tmp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        page_size.reset();
        if (!ds) throw IoError(Location{.path = path}, "cannot create GeoPackage: " + quiet.last_message());
        // One transaction for every layer, field and row: outside one, each layer's tables,
        // triggers and metadata rows were a transaction of their own (~70 journal files created
        // and deleted for a small run's coverage.gpkg, most of the GeoPackage's writing time).
        if (ds->StartTransaction() != OGRERR_NONE) throw IoError(Location{.path = path}, "cannot start a transaction");
        // GDAL creates a layer's table at its first row or at the end; the tables are made here
        // in the order the former transaction per layer made them (a layer written here at its
        // first row, the bulk layers before it after it, an empty one last), so gpkg_contents
        // and every reader's listing of the layers keep their order.
        std::vector<OGRLayer*> unmade;
        auto make_table = [&](OGRLayer* l) {
            if (l->SyncToDisk() != OGRERR_NONE)
                throw IoError(Location{.path = path, .layer = l->GetName()}, "cannot create the table: " + quiet.last_message());
        };
        for (const OutLayer& L : layers) {
            const bool spatial = L.geometry_type != GeometryType::none;
            char** lco = nullptr;
            if (!L.description.empty()) lco = CSLSetNameValue(lco, "DESCRIPTION", L.description.c_str());
            if (spatial && !L.spatial_index) lco = CSLSetNameValue(lco, "SPATIAL_INDEX", "NO");
            OGRLayer* layer = ds->CreateLayer(L.name.c_str(), spatial ? &srs : nullptr, ogr_type(L.geometry_type), lco);
            CSLDestroy(lco);
            if (!layer) throw IoError(Location{.path = path}, "cannot create layer " + L.name + ": " + quiet.last_message());
            for (const FieldDef& f : L.fields) {
                OGRFieldDefn fd(f.name.c_str(), f.type == FieldType::integer ? OFTInteger64
                                                : f.type == FieldType::real ? OFTReal
                                                                            : OFTString);
                if (layer->CreateField(&fd) != OGRERR_NONE)
                    throw IoError(Location{.path = path, .layer = L.name}, "cannot create field " + f.name);
            }
            if (L.generate && bulk) { // rows made while written go in through SQLite, below
                unmade.push_back(layer);
                continue;
            }
            if (L.size() > 0) make_table(layer);
            for (OGRLayer* u : unmade) make_table(u);
            unmade.clear();
            make_table(layer);
            // one feature object for the layer, every field set (or nulled) for each row
            OGRFeatureUniquePtr feat(OGRFeature::CreateFeature(layer->GetLayerDefn()));
            L.for_each([&](std::size_t, const OutFeature& of) {
                feat->SetFID(OGRNullFID);
                for (std::size_t i = 0; i < L.fields.size() && i < of.values.size(); ++i) {
                    const Value& v = of.values[i];
                    int fi = static_cast<int>(i);
                    if (auto* iv = std::get_if<std::int64_t>(&v)) feat->SetField(fi, static_cast<GIntBig>(*iv));
                    else if (auto* dv = std::get_if<double>(&v)) feat->SetField(fi, *dv);
                    else if (auto* sv = std::get_if<std::string>(&v)) feat->SetField(fi, sv->c_str());
                    else feat->SetFieldNull(fi);
                }
                if (spatial) {
                    auto g = to_ogr(of.geometry);
                    if (g && L.geometry_type == GeometryType::multipolygon && g->getGeometryType() == wkbPoint)
                        throw IoError(Location{.path = path, .layer = L.name}, "point geometry in a polygon layer");
                    feat->SetGeometryDirectly(g.release()); // none: the previous row's is dropped
                }
                if (layer->CreateFeature(feat.get()) != OGRERR_NONE)
                    throw IoError(Location{.path = path, .layer = L.name}, "cannot write a feature: " + quiet.last_message());
            });
        }
        ds->FlushCache(); // in the transaction: the deferred R-trees and count triggers are made here
        if (ds->CommitTransaction() != OGRERR_NONE) throw IoError(Location{.path = path}, "cannot commit: " + quiet.last_message());
        if (CPLGetLastErrorType() >= CE_Failure) throw IoError(Location{.path = path}, "write failed: " + quiet.last_message());
    } // closes the dataset before the rename
    // The layers sized by the country (generated rows) were made above with no rows: their
    // rows and R-tree go in through SQLite, ~10x faster than through GDAL 3.6's OGR writer
    // (gpkg_bulk.hpp). GDAL 3.7 and later were given them above.
    if (bulk) {
        std::vector<const OutLayer*> generated;
        for (const OutLayer& L : layers)
            if (L.generate) generated.push_back(&L);
        append_rows_bulk(tmp, path, generated);
    }
    rename_into_place(tmp, path);
}

} // namespace

void write_geopackage(const std::string& path, const std::string& crs, const std::vector<OutLayer>& layers) {
    const std::string tmp = temp_name_for(path);
    std::error_code ec;
    fs::remove(tmp, ec);
    try {
        write_geopackage_to(path, tmp, crs, layers);
    } catch (...) { // the dataset is closed by now: no half-written file is left beside the output
        rethrow_write_failure(path, tmp);
    }
}


void write_csv(const std::string& path, const OutLayer& layer) {
    // streamed (a country's unit_access is ~1 GB of text), in 1 MB pieces
    write_through_temporary(path, [&](std::ostream& f) {
        std::string out;
        for (std::size_t i = 0; i < layer.fields.size(); ++i) out += (i ? "," : "") + csv_escape(layer.fields[i].name);
        out += "\n";
        layer.for_each([&](std::size_t, const OutFeature& row) {
            for (std::size_t i = 0; i < layer.fields.size(); ++i) {
                if (i) out += ",";
                if (i >= row.values.size()) continue;
                const Value& v = row.values[i];
                if (auto* iv = std::get_if<std::int64_t>(&v)) out += std::to_string(*iv);
                else if (auto* dv = std::get_if<double>(&v)) out += format_number(*dv);
                else if (auto* sv = std::get_if<std::string>(&v)) out += csv_escape(*sv);
            }
            out += "\n";
            if (out.size() > (1u << 20)) {
                f.write(out.data(), static_cast<std::streamsize>(out.size()));
                out.clear();
            }
        });
        f.write(out.data(), static_cast<std::streamsize>(out.size()));
    });
}

void write_text_file(const std::string& path, const std::string& content) {
    write_through_temporary(path, [&](std::ostream& f) { f.write(content.data(), static_cast<std::streamsize>(content.size())); });
}

} // namespace apreptis::geo
