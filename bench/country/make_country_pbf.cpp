// make_country_pbf: a synthetic, Lithuania-size input set for a whole `apreptis analyze` run.
//
// Writes into --out DIR (never into the repository):
//   country.osm.pbf  a national extract in composition (OSM PBF, libosmium), sorted as the extract
//                    services publish it (nodes, then ways, ids ascending):
//                  * roads: a jittered road grid over the land of the selected wards:
//                    intersections every --grid-m metres (default 170 m: over 2 M intersections
//                    over Lithuania), a mix of highway classes (primary every ~10 km, secondary,
//                    tertiary, unclassified/residential, some service and track), maxspeed on
//                    some ways, shape vertices on a third of the segments, about 5 % of the
//                    segments missing, ways of 6-30 segments as in real OSM data
//                  * what else a national extract holds, per highway way in the proportions of
//                    the three real extracts in shared/data (composition.hpp says which): building
//                    footprints (closed ways, building=*, 4-8 corners, 40 % with addr:* tags) at
//                    the population points, address-only nodes, POI nodes (amenity/shop/tourism)
//                    and landuse/natural polygons (24-60 vertices, 150-800 m across) on land.
//                    About 200 MB at --fraction 1, of which the roads are about 30 MB.
//   population.csv   points inside the real ward boundaries (datasets/lithuania/wards.geojson),
//                    as many per ward as its census population x --units-per-resident (0.36:
//                    about 1 M for 2.8 M residents), 70 % clustered round villages, weight
//                    column "households" 1-8
//   providers.csv    --providers-per-type located providers (default 205: 2,050 in all) of each
//                    of 10 catalogue service types, sited at random population points
//   wards.geojson    the selected wards (a copy of the source features)
//   country.toml     the project file: drive profile over the PBF, points surface, the providers
//
// --fraction F (0 < F <= 1) keeps the wards nearest to Kaunas whose area adds up to F of the
// country, with the same densities, for growth measurements (1 = all 554 wards).
// --osm-from FILE writes no PBF: the project's [roads] path is FILE (e.g. the whole country's
// country.osm.pbf), so a few wards are analysed against the national file, as a planner would.
// --roads-only writes the road grid alone (the file of earlier measurements, ~30 MB at fraction 1).
// The roads, population points and providers do not depend on the other content (which draws
// from its own random stream), so they are the same with and without it.
//
// Everything is synthetic except the ward boundaries and their census populations.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <osmium/builder/osm_object_builder.hpp>
#include <osmium/io/pbf_output.hpp>
#include <osmium/io/file.hpp>
#include <osmium/io/header.hpp>
#include <osmium/io/writer.hpp>
#include <osmium/memory/buffer.hpp>
#include <osmium/osm/location.hpp>

#include "composition.hpp"

namespace fs = std::filesystem;

namespace {

struct XY {
    double x, y;
};
using Ring = std::vector<XY>;

struct Ward {
    long long fid;
    std::string code, name;
    long long population = 0;
    std::vector<std::pair<Ring, std::vector<Ring>>> polygons; // outer, holes (EPSG:3346)
    double min_x = 1e300, min_y = 1e300, max_x = -1e300, max_y = -1e300;
    double area = 0;
    XY centre{0, 0};
};

bool in_ring(const Ring& r, XY p) {
    bool in = false;
    for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++)
        if ((r[i].y > p.y) != (r[j].y > p.y) && p.x < (r[j].x - r[i].x) * (p.y - r[i].y) / (r[j].y - r[i].y) + r[i].x)
            in = !in;
    return in;
}

bool in_ward(const Ward& w, XY p) {
    if (p.x < w.min_x || p.x > w.max_x || p.y < w.min_y || p.y > w.max_y) return false;
    for (const auto& [outer, holes] : w.polygons) {
        if (!in_ring(outer, p)) continue;
        bool hole = false;
        for (const Ring& h : holes) hole = hole || in_ring(h, p);
        if (!hole) return true;
    }
    return false;
}

double ring_area(const Ring& r) {
    double a = 0;
    for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) a += (r[j].x + r[i].x) * (r[j].y - r[i].y);
    return std::abs(a) / 2;
}

/// Minimal RFC 4180 line split (the catalogue has quoted fields with commas).
std::vector<std::string> csv_fields(const std::string& line) {
    std::vector<std::string> out(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') out.back() += '"', ++i;
            else if (c == '"') quoted = false;
            else out.back() += c;
        } else if (c == '"') quoted = true;
        else if (c == ',') out.emplace_back();
        else if (c != '\r') out.back() += c;
    }
    return out;
}

struct Options {
    std::string wards = "datasets/lithuania/wards.geojson";
    std::string catalogue = "datasets/catalogue";
    std::string osmconf = "datasets/osm/osmconf_roads.ini";
    std::string out;
    double fraction = 1.0;
    double grid_m = 170;
    double units_per_resident = 0.36;
    int providers_per_type = 205;
    unsigned seed = 20261201;
    std::string catchments = "service"; ///< [access] catchments: a coordinator's country run draws per service
    std::string osm_from;                ///< use this PBF as [roads] path, write none
    bool roads_only = false;             ///< no buildings, addresses, POIs, landuse
    country::Composition mix;
};

[[noreturn]] void usage() {
    std::cerr << "usage: make_country_pbf --out DIR [--wards wards.geojson] [--catalogue DIR] [--osmconf INI]\n"
                 "       [--fraction F] [--grid-m M] [--units-per-resident R] [--providers-per-type N] [--seed S]\n"
                 "       [--catchments service|provider|none] [--osm-from FILE.osm.pbf] [--roads-only]\n"
                 "       [--buildings-per-way B] [--addr-share A]\n";
    std::exit(2);
}

std::string abs_path(const std::string& p) { return fs::absolute(p).lexically_normal().string(); }

} // namespace

int main(int argc, char** argv) try {
    Options o;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) usage();
            return argv[++i];
        };
        if (a == "--out") o.out = next();
        else if (a == "--wards") o.wards = next();
        else if (a == "--catalogue") o.catalogue = next();
        else if (a == "--osmconf") o.osmconf = next();
        else if (a == "--fraction") o.fraction = std::stod(next());
        else if (a == "--grid-m") o.grid_m = std::stod(next());
        else if (a == "--units-per-resident") o.units_per_resident = std::stod(next());
        else if (a == "--providers-per-type") o.providers_per_type = std::stoi(next());
        else if (a == "--seed") o.seed = static_cast<unsigned>(std::stoul(next()));
        else if (a == "--osm-from") o.osm_from = abs_path(next());
        else if (a == "--roads-only") o.roads_only = true;
        else if (a == "--buildings-per-way") o.mix.buildings_per_highway_way = std::stod(next());
        else if (a == "--addr-share") o.mix.addr_share = std::stod(next());
        else if (a == "--catchments") {
            o.catchments = next();
            if (o.catchments != "service" && o.catchments != "provider" && o.catchments != "none") usage();
        }
        else usage();
    }
    if (o.out.empty() || !(o.fraction > 0 && o.fraction <= 1) || !(o.grid_m >= 20)) usage();
    fs::create_directories(o.out);
    std::mt19937_64 rng(o.seed);
    std::uniform_real_distribution<double> U(0.0, 1.0);

    // --- wards, reprojected to EPSG:3346 ---------------------------------------------------
    GDALAllRegister();
    GDALDatasetUniquePtr src(GDALDataset::Open(o.wards.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!src) throw std::runtime_error(o.wards + ": cannot open");
    OGRLayer* wl = src->GetLayer(0);
    OGRSpatialReference wgs, lks;
    wgs.importFromEPSG(4326);
    lks.importFromEPSG(3346);
    wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    lks.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> to_lks(OGRCreateCoordinateTransformation(&wgs, &lks));
    std::unique_ptr<OGRCoordinateTransformation> to_wgs(OGRCreateCoordinateTransformation(&lks, &wgs));
    std::vector<Ward> wards;
    for (auto& f : *wl) {
        Ward w;
        w.fid = f->GetFID();
        w.code = f->GetFieldAsString("SEN_KODAS");
        w.name = f->GetFieldAsString("SEN_PAV_TR");
        w.population = f->GetFieldAsInteger64("SEN_GYV");
        std::unique_ptr<OGRGeometry> g(f->GetGeometryRef()->clone());
        g->transform(to_lks.get());
        auto ring_of = [&](const OGRLinearRing* r) {
            Ring out;
            for (int i = 0; i < r->getNumPoints(); ++i) {
                out.push_back({r->getX(i), r->getY(i)});
                w.min_x = std::min(w.min_x, r->getX(i));
                w.max_x = std::max(w.max_x, r->getX(i));
                w.min_y = std::min(w.min_y, r->getY(i));
                w.max_y = std::max(w.max_y, r->getY(i));
            }
            return out;
        };
        auto add = [&](const OGRPolygon* p) {
            std::pair<Ring, std::vector<Ring>> poly;
            poly.first = ring_of(p->getExteriorRing());
            w.area += ring_area(poly.first);
            for (int i = 0; i < p->getNumInteriorRings(); ++i) {
                poly.second.push_back(ring_of(p->getInteriorRing(i)));
                w.area -= ring_area(poly.second.back());
            }
            w.polygons.push_back(std::move(poly));
        };
        if (wkbFlatten(g->getGeometryType()) == wkbPolygon) add(g->toPolygon());
        else
            for (const OGRPolygon* p : *g->toMultiPolygon()) add(p);
        OGRPoint c;
        g->Centroid(&c);
        w.centre = {c.getX(), c.getY()};
        wards.push_back(std::move(w));
    }
    double total_area = 0;
    for (const Ward& w : wards) total_area += w.area;
    // the wards nearest to Kaunas (city centre, LKS94) until the area fraction is reached
    const XY kaunas{496500, 6086500};
    std::sort(wards.begin(), wards.end(), [&](const Ward& a, const Ward& b) {
        return std::hypot(a.centre.x - kaunas.x, a.centre.y - kaunas.y) <
               std::hypot(b.centre.x - kaunas.x, b.centre.y - kaunas.y);
    });
    {
        double acc = 0;
        std::size_t keep = 0;
        while (keep < wards.size() && (keep == 0 || acc < o.fraction * total_area * (1 - 1e-9))) acc += wards[keep++].area;
        wards.resize(keep);
    }
    long long residents = 0;
    double min_x = 1e300, min_y = 1e300, max_x = -1e300, max_y = -1e300;
    for (const Ward& w : wards) {
        residents += w.population;
        min_x = std::min(min_x, w.min_x), min_y = std::min(min_y, w.min_y);
        max_x = std::max(max_x, w.max_x), max_y = std::max(max_y, w.max_y);
    }

    // wards.geojson: the selected source features, unchanged
    {
        const std::string path = (fs::path(o.out) / "wards.geojson").string();
        fs::remove(path);
        GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GeoJSON");
        GDALDatasetUniquePtr dst(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        OGRLayer* dl = dst->CreateLayer("wards", &wgs, wkbMultiPolygon, nullptr);
        for (int i = 0; i < wl->GetLayerDefn()->GetFieldCount(); ++i) dl->CreateField(wl->GetLayerDefn()->GetFieldDefn(i));
        for (const Ward& w : wards) {
            OGRFeatureUniquePtr f(wl->GetFeature(w.fid));
            OGRFeatureUniquePtr g(OGRFeature::CreateFeature(dl->GetLayerDefn()));
            g->SetFrom(f.get());
            if (dl->CreateFeature(g.get()) != OGRERR_NONE) throw std::runtime_error(path + ": write failed");
        }
    }

    // --- population points -----------------------------------------------------------------
    struct Pt {
        XY p;
        int households;
        int ward; ///< index into wards
    };
    std::vector<Pt> points;
    {
        std::normal_distribution<double> N(0.0, 350.0);
        auto uniform_in = [&](const Ward& w) {
            for (;;) {
                XY p{w.min_x + U(rng) * (w.max_x - w.min_x), w.min_y + U(rng) * (w.max_y - w.min_y)};
                if (in_ward(w, p)) return p;
            }
        };
        for (const Ward& w : wards) {
            const int ward_index = static_cast<int>(&w - wards.data());
            const auto n = std::max<long long>(1, std::llround(static_cast<double>(w.population) * o.units_per_resident));
            std::vector<XY> villages;
            for (long long k = 0; k < 1 + n / 1500; ++k) villages.push_back(uniform_in(w));
            for (long long k = 0; k < n; ++k) {
                XY p;
                if (U(rng) < 0.7) {
                    const XY v = villages[static_cast<std::size_t>(U(rng) * static_cast<double>(villages.size()))];
                    int tries = 0;
                    do p = {v.x + N(rng), v.y + N(rng)};
                    while (!in_ward(w, p) && ++tries < 20);
                    if (tries >= 20) p = uniform_in(w);
                } else {
                    p = uniform_in(w);
                }
                points.push_back({p, 1 + static_cast<int>(U(rng) * 8), ward_index});
            }
        }
        std::ofstream f(fs::path(o.out) / "population.csv");
        f << "x_lks94,y_lks94,households\n";
        char buf[96];
        for (const Pt& p : points) {
            std::snprintf(buf, sizeof buf, "%.1f,%.1f,%d\n", p.p.x, p.p.y, p.households);
            f << buf;
        }
    }

    // --- providers: 10 catalogue service types ---------------------------------------------
    const std::vector<std::string> types = {"ltc_institution", "respite_care", "day_care_institution",
                                            "children_day_centre", "independent_living", "crisis_help",
                                            "night_shelter", "meals", "nursing_hospital", "hospital"};
    {
        std::ifstream cat(fs::path(o.catalogue) / "service_types.csv");
        if (!cat) throw std::runtime_error(o.catalogue + "/service_types.csv: cannot open");
        std::vector<std::string> known;
        for (std::string line; std::getline(cat, line);) known.push_back(csv_fields(line)[0]);
        for (const auto& t : types)
            if (std::find(known.begin(), known.end(), t) == known.end())
                throw std::runtime_error("service type " + t + " is not in the catalogue");
    }
    // scaled with the population selected, at least 3 per type
    const int per_type = std::max(
        3, static_cast<int>(std::lround(o.providers_per_type * static_cast<double>(residents) / 2810755.0)));
    std::size_t providers_written = 0;
    {
        std::ofstream f(fs::path(o.out) / "providers.csv");
        f << "provider_id,name,service_type,target_group,places,location_precision,x,y\n";
        char buf[256];
        for (std::size_t t = 0; t < types.size(); ++t)
            for (int k = 0; k < per_type; ++k) {
                const Pt& at = points[static_cast<std::size_t>(U(rng) * static_cast<double>(points.size()))];
                std::snprintf(buf, sizeof buf, "SYN-%02zu-%04d,Synthetic %s %d,%s,residents,%d,address,%.1f,%.1f\n", t, k,
                              types[t].c_str(), k, types[t].c_str(), 10 + static_cast<int>(U(rng) * 90),
                              at.p.x + 20 * (U(rng) - 0.5), at.p.y + 20 * (U(rng) - 0.5));
                f << buf;
                ++providers_written;
            }
    }

    // --- road grid ---------------------------------------------------------------------------
    // Land mask on 500 m cells (wards, dilated by 1.5 km), so no roads run in the sea or abroad.
    const double cell = 500, pad = 3000;
    min_x -= pad, min_y -= pad, max_x += pad, max_y += pad;
    const auto mw = static_cast<long>(std::ceil((max_x - min_x) / cell)), mh = static_cast<long>(std::ceil((max_y - min_y) / cell));
    std::vector<char> land(static_cast<std::size_t>(mw * mh), 0);
    for (const Ward& w : wards) {
        const long i0 = std::max(0L, static_cast<long>((w.min_x - min_x) / cell)), i1 = std::min(mw - 1, static_cast<long>((w.max_x - min_x) / cell));
        const long j0 = std::max(0L, static_cast<long>((w.min_y - min_y) / cell)), j1 = std::min(mh - 1, static_cast<long>((w.max_y - min_y) / cell));
        for (long j = j0; j <= j1; ++j)
            for (long i = i0; i <= i1; ++i)
                if (!land[j * mw + i] && in_ward(w, {min_x + (i + 0.5) * cell, min_y + (j + 0.5) * cell})) land[j * mw + i] = 1;
    }
    {
        std::vector<char> grown(land.size(), 0);
        const long r = 3;
        for (long j = 0; j < mh; ++j)
            for (long i = 0; i < mw; ++i)
                if (land[j * mw + i])
                    for (long dj = -r; dj <= r; ++dj)
                        for (long di = -r; di <= r; ++di) {
                            const long a = i + di, b = j + dj;
                            if (a >= 0 && b >= 0 && a < mw && b < mh) grown[b * mw + a] = 1;
                        }
        land.swap(grown);
    }
    const double g = o.grid_m;
    const auto nx = static_cast<long>((max_x - min_x) / g) + 1, ny = static_cast<long>((max_y - min_y) / g) + 1;
    auto on_land = [&](long i, long j) {
        const auto ci = static_cast<long>(i * g / cell), cj = static_cast<long>(j * g / cell);
        return ci < mw && cj < mh && land[cj * mw + ci];
    };
    auto grid_xy = [&](long i, long j) {
        // deterministic jitter per intersection (a hash), +-0.2 of the spacing
        std::uint64_t h = static_cast<std::uint64_t>(j) * 0x9E3779B97F4A7C15ull ^ static_cast<std::uint64_t>(i) * 0xC2B2AE3D27D4EB4Full;
        h ^= h >> 29, h *= 0xBF58476D1CE4E5B9ull, h ^= h >> 32;
        const double jx = (static_cast<double>(h & 0xFFFF) / 65535.0 - 0.5) * 0.4 * g;
        const double jy = (static_cast<double>((h >> 16) & 0xFFFF) / 65535.0 - 0.5) * 0.4 * g;
        return XY{min_x + static_cast<double>(i) * g + jx, min_y + static_cast<double>(j) * g + jy};
    };
    auto node_id = [&](long i, long j) { return static_cast<osmium::object_id_type>(1 + j * nx + i); };
    // segment present? horizontal (i,j)-(i+1,j): dir 0, vertical (i,j)-(i,j+1): dir 1; about 5 % missing
    auto segment = [&](long i, long j, int dir) {
        const long i2 = i + (dir == 0), j2 = j + (dir == 1);
        if (i2 >= nx || j2 >= ny || !on_land(i, j) || !on_land(i2, j2)) return false;
        std::uint64_t h = (static_cast<std::uint64_t>(j) * 1000003ull + static_cast<std::uint64_t>(i)) * 2 + static_cast<std::uint64_t>(dir);
        h ^= h >> 31, h *= 0x94D049BB133111EBull, h ^= h >> 29;
        const bool arterial = (dir == 0 ? j : i) % 14 == 0;
        return arterial || (h % 100) >= 5;
    };
    auto shape = [&](long i, long j, int dir) { // a bend in a third of the segments
        std::uint64_t h = (static_cast<std::uint64_t>(j) * 7919ull + static_cast<std::uint64_t>(i)) * 2 + static_cast<std::uint64_t>(dir);
        h *= 0xBF58476D1CE4E5B9ull, h ^= h >> 31;
        return h % 3 == 0;
    };

    // nodes: intersections that some segment uses, then shape vertices (ids above the grid's)
    std::size_t grid_nodes = 0, shape_nodes = 0, ways = 0;
    std::size_t building_count = 0, building_addr = 0, address_nodes = 0, poi_count = 0, polygon_count = 0;
    const std::string pbf = (fs::path(o.out) / "country.osm.pbf").string();
    if (o.osm_from.empty()) {
        fs::remove(pbf);
        osmium::io::Header header;
        header.set("generator", "apreptis make_country_pbf (synthetic)");
        {
            double lo_x = min_x, lo_y = min_y, hi_x = max_x, hi_y = max_y;
            to_wgs->Transform(1, &lo_x, &lo_y);
            to_wgs->Transform(1, &hi_x, &hi_y);
            header.add_box(osmium::Box(osmium::Location(lo_x, lo_y), osmium::Location(hi_x, hi_y)));
        }
        osmium::io::Writer writer(osmium::io::File(pbf, "pbf"), header, osmium::io::overwrite::allow);
        osmium::memory::Buffer buffer(1 << 22, osmium::memory::Buffer::auto_grow::no);
        auto flush_if = [&](bool force) {
            if (force || buffer.committed() > (1 << 22) - (1 << 16)) {
                writer(std::move(buffer));
                buffer = osmium::memory::Buffer(1 << 22, osmium::memory::Buffer::auto_grow::no);
            }
        };
        const osmium::Timestamp stamp("2026-12-01T00:00:00Z");
        // Metadata as the extract services publish it (version, timestamp, changeset; no user): a
        // real file's objects were edited between 2007 and now, in many changesets, and a reader
        // decodes all of it. Drawn from a hash of (type, id), so the roads' random stream is
        // untouched. --roads-only keeps the constant metadata of the earlier file, byte for byte.
        const std::uint32_t t0 = osmium::Timestamp("2007-06-01T00:00:00Z").seconds_since_epoch();
        const std::uint32_t span = stamp.seconds_since_epoch() - t0;
        auto meta = [&](auto& b, osmium::object_id_type id, std::uint64_t type) {
            b.set_id(id).set_visible(true);
            if (o.roads_only) {
                b.set_version(1).set_timestamp(stamp);
                return;
            }
            std::uint64_t h = static_cast<std::uint64_t>(id) * 0x9E3779B97F4A7C15ull + type * 0xD1B54A32D192ED03ull;
            h ^= h >> 31, h *= 0xBF58476D1CE4E5B9ull, h ^= h >> 29;
            const double when = static_cast<double>(h % 1000003) / 1000003.0;
            b.set_version(static_cast<osmium::object_version_type>(1 + (h >> 20) % 6));
            b.set_timestamp(osmium::Timestamp(t0 + static_cast<std::uint32_t>(when * span)));
            b.set_changeset(static_cast<osmium::changeset_id_type>(1 + when * 160000000.0));
        };
        /// a node at p (EPSG:3346), with tags (key, value pairs)
        auto add_node = [&](osmium::object_id_type id, XY p, std::initializer_list<std::pair<const char*, std::string>> tags = {}) {
            double x = p.x, y = p.y;
            to_wgs->Transform(1, &x, &y);
            {
                osmium::builder::NodeBuilder b(buffer);
                meta(b, id, 1);
                b.set_location(osmium::Location(x, y));
                b.set_user("");
                if (tags.size()) {
                    osmium::builder::TagListBuilder t(b);
                    for (const auto& [k, v] : tags) t.add_tag(k, v.c_str());
                }
            }
            buffer.commit();
            flush_if(false);
        };
        auto used = [&](long i, long j) {
            return segment(i, j, 0) || segment(i, j, 1) || (i > 0 && segment(i - 1, j, 0)) || (j > 0 && segment(i, j - 1, 1));
        };
        for (long j = 0; j < ny; ++j)
            for (long i = 0; i < nx; ++i)
                if (used(i, j)) add_node(node_id(i, j), grid_xy(i, j)), ++grid_nodes;
        const osmium::object_id_type shape_base = static_cast<osmium::object_id_type>(nx * ny + 10);
        auto shape_id = [&](long i, long j, int dir) { return shape_base + 2 * (j * nx + i) + dir; };
        for (long j = 0; j < ny; ++j)
            for (long i = 0; i < nx; ++i)
                for (int dir = 0; dir < 2; ++dir)
                    if (segment(i, j, dir) && shape(i, j, dir)) {
                        const XY a = grid_xy(i, j), b = grid_xy(i + (dir == 0), j + (dir == 1));
                        XY m{(a.x + b.x) / 2, (a.y + b.y) / 2};
                        const double off = (U(rng) - 0.5) * 0.3 * g;
                        if (dir == 0) m.y += off;
                        else m.x += off;
                        add_node(shape_id(i, j, dir), m);
                        ++shape_nodes;
                    }

        // road ways: runs of present segments along each grid line, cut every 6-30 segments; `emit`
        // gets (dir, line, first, last segment, highway, maxspeed). Run once on a copy of the random
        // stream to count them (the other content is sized per highway way), then for real.
        auto line_class = [&](long line) -> std::pair<const char*, const char*> {
            if (line % 56 == 0) return {"primary", (line / 56) % 2 ? "90" : ""};
            if (line % 14 == 0) return {"secondary", ""};
            if (line % 4 == 0) return {"tertiary", ""};
            return {nullptr, nullptr};
        };
        auto road_ways = [&](std::mt19937_64& r, auto&& emit) {
            for (int dir = 0; dir < 2; ++dir) {
                const long lines = dir == 0 ? ny : nx, along = dir == 0 ? nx : ny;
                for (long line = 0; line < lines; ++line) {
                    long k = 0;
                    while (k < along) {
                        auto seg_at = [&](long s) { return dir == 0 ? segment(s, line, 0) : segment(line, s, 1); };
                        while (k < along && !seg_at(k)) ++k;
                        if (k >= along) break;
                        const long cut = 6 + static_cast<long>(U(r) * 25);
                        long e = k;
                        while (e < along && seg_at(e) && e - k < cut) ++e;
                        auto [hw, ms] = line_class(line);
                        if (!hw) {
                            const double x = U(r);
                            hw = x < 0.45 ? "unclassified" : x < 0.85 ? "residential" : x < 0.95 ? "service" : "track";
                            ms = x < 0.2 ? "50" : "";
                        }
                        emit(dir, line, k, e, hw, ms);
                        k = e;
                    }
                }
            }
        };
        std::size_t road_way_count = 0;
        {
            std::mt19937_64 copy = rng;
            road_ways(copy, [&](int, long, long, long, const char*, const char*) { ++road_way_count; });
        }

        // the rest of a national extract (composition.hpp), from its own random stream
        struct Shape {
            osmium::object_id_type first; ///< its nodes are first .. first + n - 1
            std::uint8_t n, kind;
            bool addr;
            int ward;
        };
        std::vector<Shape> building_shapes, polygon_shapes;
        std::mt19937_64 rng2(o.seed ^ 0x6275696C64696E67ull);
        std::uniform_real_distribution<double> U2(0.0, 1.0);
        auto u2 = [&] { return U2(rng2); };
        std::normal_distribution<double> near(0.0, 40.0);
        const auto per_way = [&](double ratio) { return o.roads_only ? 0 : static_cast<std::size_t>(std::llround(ratio * static_cast<double>(road_way_count))); };
        osmium::object_id_type next_node = shape_base + 2 * static_cast<osmium::object_id_type>(nx * ny) + 10;
        auto point_near_people = [&]() -> const Pt& { return points[static_cast<std::size_t>(u2() * static_cast<double>(points.size()))]; };
        auto add_ring_nodes = [&](const std::vector<XY>& ring) {
            std::vector<double> xs, ys;
            for (const XY& p : ring) xs.push_back(p.x), ys.push_back(p.y);
            to_wgs->Transform(static_cast<int>(ring.size()), xs.data(), ys.data());
            for (std::size_t k = 0; k < ring.size(); ++k) {
                {
                    osmium::builder::NodeBuilder b(buffer);
                    meta(b, next_node++, 1);
                    b.set_location(osmium::Location(xs[k], ys[k]));
                    b.set_user("");
                }
                buffer.commit();
                flush_if(false);
            }
        };
        building_count = per_way(o.mix.buildings_per_highway_way);
        building_shapes.reserve(building_count);
        for (std::size_t b = 0; b < building_count; ++b) {
            const Pt& at = point_near_people();
            const XY c{at.p.x + near(rng2), at.p.y + near(rng2)};
            const int corners = 4 + static_cast<int>(u2() * 7); // 5-11 refs, 8 on average (Monaco 8.31, LI 7.19)
            const auto ring = country::footprint(c, 6 + u2() * 14, 6 + u2() * 8, u2() * 3.14159265, corners);
            const bool addr = u2() < o.mix.addr_share;
            building_shapes.push_back({next_node, static_cast<std::uint8_t>(ring.size()), static_cast<std::uint8_t>(u2() * 100), addr, at.ward});
            add_ring_nodes(ring);
            building_addr += addr;
        }
        auto street = [&](std::size_t k) { return "Sintetinė g. " + std::to_string(1 + (k / 40) % 300); };
        auto postcode = [&](int ward) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "LT-%05d", 10000 + ward * 97 % 90000);
            return std::string(buf);
        };
        address_nodes = static_cast<std::size_t>(std::llround(o.mix.addr_nodes_per_building * static_cast<double>(building_count)));
        for (std::size_t k = 0; k < address_nodes; ++k) {
            const Pt& at = point_near_people();
            add_node(next_node++, {at.p.x + near(rng2), at.p.y + near(rng2)},
                     {{"addr:street", street(k)}, {"addr:housenumber", std::to_string(1 + k % 40)},
                      {"addr:postcode", postcode(at.ward)}, {"addr:city", wards[static_cast<std::size_t>(at.ward)].name}});
        }
        poi_count = per_way(o.mix.pois_per_highway_way);
        for (std::size_t k = 0; k < poi_count; ++k) {
            const Pt& at = point_near_people();
            const auto [key, value] = country::poi_kind(u2());
            add_node(next_node++, {at.p.x + near(rng2), at.p.y + near(rng2)},
                     {{key, value}, {"name", std::string("Synthetic ") + value + " " + std::to_string(k)}});
        }
        polygon_count = per_way(o.mix.polygons_per_highway_way);
        for (std::size_t k = 0; k < polygon_count; ++k) {
            XY c;
            do c = {min_x + u2() * (max_x - min_x), min_y + u2() * (max_y - min_y)};
            while (!on_land(static_cast<long>((c.x - min_x) / g), static_cast<long>((c.y - min_y) / g)));
            const auto ring = country::blob(c, 75 + u2() * 325, 24 + static_cast<int>(u2() * 37), u2);
            polygon_shapes.push_back({next_node, static_cast<std::uint8_t>(ring.size()), static_cast<std::uint8_t>(u2() * 100), false, 0});
            add_ring_nodes(ring);
        }

        // ways: the roads (ids from 1), then buildings and polygons
        osmium::object_id_type way_id = 1;
        road_ways(rng, [&](int dir, long line, long k, long e, const char* hw, const char* ms) {
            {
                osmium::builder::WayBuilder b(buffer);
                meta(b, way_id++, 2);
                b.set_user("");
                {
                    osmium::builder::WayNodeListBuilder wnl(b);
                    for (long s = k; s <= e; ++s) {
                        const long i = dir == 0 ? s : line, j = dir == 0 ? line : s;
                        wnl.add_node_ref(osmium::NodeRef(node_id(i, j)));
                        if (s < e && shape(i, j, dir)) wnl.add_node_ref(osmium::NodeRef(shape_id(i, j, dir)));
                    }
                }
                osmium::builder::TagListBuilder tags(b);
                tags.add_tag("highway", hw);
                if (ms && *ms) tags.add_tag("maxspeed", ms);
                if (std::strcmp(hw, "primary") == 0 || std::strcmp(hw, "secondary") == 0) {
                    const std::string ref = std::string(std::strcmp(hw, "primary") == 0 ? "A" : "") + std::to_string(line);
                    tags.add_tag("ref", ref.c_str());
                }
            }
            buffer.commit();
            flush_if(false);
            ++ways;
        });
        auto closed_way = [&](const Shape& s, auto&& tag) {
            {
                osmium::builder::WayBuilder b(buffer);
                meta(b, way_id++, 2);
                b.set_user("");
                {
                    osmium::builder::WayNodeListBuilder wnl(b);
                    for (osmium::object_id_type id = s.first; id < s.first + s.n; ++id) wnl.add_node_ref(osmium::NodeRef(id));
                    wnl.add_node_ref(osmium::NodeRef(s.first));
                }
                osmium::builder::TagListBuilder tags(b);
                tag(tags);
            }
            buffer.commit();
            flush_if(false);
        };
        for (std::size_t k = 0; k < building_shapes.size(); ++k) {
            const Shape& s = building_shapes[k];
            closed_way(s, [&](osmium::builder::TagListBuilder& t) {
                t.add_tag("building", country::building_kind(s.kind / 100.0));
                if (s.addr) {
                    t.add_tag("addr:street", street(k));
                    t.add_tag("addr:housenumber", std::to_string(1 + k % 40));
                    t.add_tag("addr:postcode", postcode(s.ward));
                    t.add_tag("addr:city", wards[static_cast<std::size_t>(s.ward)].name);
                }
            });
        }
        for (const Shape& s : polygon_shapes)
            closed_way(s, [&](osmium::builder::TagListBuilder& t) {
                const auto [key, value] = country::polygon_kind(s.kind / 100.0);
                t.add_tag(key, value);
            });
        flush_if(true);
        writer.close();
    } // writing the PBF

    // --- project file ------------------------------------------------------------------------
    {
        std::ofstream t(fs::path(o.out) / "country.toml");
        t << "# Synthetic country-scale project written by bench/country/make_country_pbf (fraction " << o.fraction
          << "). Ward boundaries and census populations are real; roads, buildings, population points and providers are not.\n"
          << "[project]\nname = \"Synthetic Lithuania (fraction " << o.fraction << ")\"\nworking_crs = \"EPSG:3346\"\n\n"
          << "[catalogue]\nservice_types = \"" << abs_path(o.catalogue + "/service_types.csv") << "\"\n"
          << "target_groups = \"" << abs_path(o.catalogue + "/target_groups.csv") << "\"\n\n"
          << "[wards]\npath = \"wards.geojson\"\ncode_field = \"SEN_KODAS\"\nname_field = \"SEN_PAV_TR\"\n"
          << "municipality_field = \"SAV_PAV\"\npopulation_field = \"SEN_GYV\"\n"
          << "population_source = \"Statistics Lithuania, 2021 census\"\nrepair_invalid = true\noverlap_tolerance_m2 = 1000.0\n\n"
          << "[providers]\npath = \"providers.csv\"\nx_field = \"x\"\ny_field = \"y\"\ncrs = \"EPSG:3346\"\n\n"
          << "[roads]\npath = \"" << (o.osm_from.empty() ? std::string("country.osm.pbf") : o.osm_from) << "\"\nformat = \"osm\"\nosmconf = \"" << abs_path(o.osmconf) << "\"\nmargin_m = 2000\n\n"
          << "[population_surface]\nmethod = \"points\"\npath = \"population.csv\"\nx_field = \"x_lks94\"\n"
          << "y_field = \"y_lks94\"\ncrs = \"EPSG:3346\"\nweight_field = \"households\"\n"
          << "description = \"synthetic points, weighted by households\"\n\n"
          << "[access]\nprofile = \"drive\"\nmax_snap_distance_m = 1000\ncatchment_bands_min = [10, 20, 30]\n"
          << "catchment_buffer_m = 200\ncatchments = \"" << o.catchments << "\"\n";
    }
    std::cout << "wards " << wards.size() << ", residents " << residents << ", population points " << points.size()
              << ", providers " << providers_written << " (" << types.size() << " types), grid " << nx << " x " << ny
              << " at " << g << " m: " << grid_nodes << " intersections + " << shape_nodes << " shape nodes, " << ways
              << " road ways; " << building_count << " buildings (" << building_addr << " with addr:*), " << address_nodes
              << " address nodes, " << poi_count << " POIs, " << polygon_count << " landuse/natural polygons -> "
              << (o.osm_from.empty() ? pbf : "[roads] path " + o.osm_from) << "\n";
    return 0;
} catch (const std::exception& e) {
    std::cerr << "make_country_pbf: " << e.what() << "\n";
    return 1;
}
