// make_country_pbf: a synthetic, Lithuania-size input set for a whole `apreptis analyze` run.
//
// Writes into --out DIR (never into the repository):
//   roads.osm.pbf    a jittered road grid over the land of the selected wards (OSM PBF, libosmium):
//                    intersections every --grid-m metres (default 170 m: over 2 M intersections
//                    over Lithuania), a mix of highway classes (primary every ~10 km, secondary,
//                    tertiary, unclassified/residential, some service and track), maxspeed on
//                    some ways, shape vertices on a third of the segments, about 5 % of the
//                    segments missing, ways of 6-30 segments as in real OSM data
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
};

[[noreturn]] void usage() {
    std::cerr << "usage: make_country_pbf --out DIR [--wards wards.geojson] [--catalogue DIR] [--osmconf INI]\n"
                 "       [--fraction F] [--grid-m M] [--units-per-resident R] [--providers-per-type N] [--seed S]\n"
                 "       [--catchments service|provider|none]\n";
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
                points.push_back({p, 1 + static_cast<int>(U(rng) * 8)});
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

    const std::string pbf = (fs::path(o.out) / "roads.osm.pbf").string();
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
    auto add_node = [&](osmium::object_id_type id, XY p) {
        double x = p.x, y = p.y;
        to_wgs->Transform(1, &x, &y);
        {
            osmium::builder::NodeBuilder b(buffer);
            b.set_id(id).set_version(1).set_visible(true).set_timestamp(osmium::Timestamp("2026-12-01T00:00:00Z"));
            b.set_location(osmium::Location(x, y));
            b.set_user("");
        }
        buffer.commit();
        flush_if(false);
    };
    // nodes: intersections that some segment uses, then shape vertices (ids above the grid's)
    std::size_t grid_nodes = 0, shape_nodes = 0;
    auto used = [&](long i, long j) {
        return segment(i, j, 0) || segment(i, j, 1) || (i > 0 && segment(i - 1, j, 0)) || (j > 0 && segment(i, j - 1, 1));
    };
    // transform in rows to keep PROJ calls cheap
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
    // ways: runs of present segments along each grid line, cut every 6-30 segments
    std::size_t ways = 0;
    osmium::object_id_type way_id = 1;
    auto line_class = [&](long line) -> std::pair<const char*, const char*> {
        if (line % 56 == 0) return {"primary", (line / 56) % 2 ? "90" : ""};
        if (line % 14 == 0) return {"secondary", ""};
        if (line % 4 == 0) return {"tertiary", ""};
        return {nullptr, nullptr};
    };
    for (int dir = 0; dir < 2; ++dir) {
        const long lines = dir == 0 ? ny : nx, along = dir == 0 ? nx : ny;
        for (long line = 0; line < lines; ++line) {
            long k = 0;
            while (k < along) {
                auto seg_at = [&](long s) { return dir == 0 ? segment(s, line, 0) : segment(line, s, 1); };
                while (k < along && !seg_at(k)) ++k;
                if (k >= along) break;
                const long cut = 6 + static_cast<long>(U(rng) * 25);
                long e = k;
                while (e < along && seg_at(e) && e - k < cut) ++e;
                auto [hw, ms] = line_class(line);
                std::string minor;
                if (!hw) {
                    const double r = U(rng);
                    minor = r < 0.45 ? "unclassified" : r < 0.85 ? "residential" : r < 0.95 ? "service" : "track";
                    hw = minor.c_str();
                    ms = r < 0.2 ? "50" : "";
                }
                {
                    osmium::builder::WayBuilder b(buffer);
                    b.set_id(way_id++).set_version(1).set_visible(true).set_timestamp(osmium::Timestamp("2026-12-01T00:00:00Z"));
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
                k = e;
            }
        }
    }
    flush_if(true);
    writer.close();

    // --- project file ------------------------------------------------------------------------
    {
        std::ofstream t(fs::path(o.out) / "country.toml");
        t << "# Synthetic country-scale project written by bench/country/make_country_pbf (fraction " << o.fraction
          << "). Ward boundaries and census populations are real; roads, population points and providers are not.\n"
          << "[project]\nname = \"Synthetic Lithuania (fraction " << o.fraction << ")\"\nworking_crs = \"EPSG:3346\"\n\n"
          << "[catalogue]\nservice_types = \"" << abs_path(o.catalogue + "/service_types.csv") << "\"\n"
          << "target_groups = \"" << abs_path(o.catalogue + "/target_groups.csv") << "\"\n\n"
          << "[wards]\npath = \"wards.geojson\"\ncode_field = \"SEN_KODAS\"\nname_field = \"SEN_PAV_TR\"\n"
          << "municipality_field = \"SAV_PAV\"\npopulation_field = \"SEN_GYV\"\n"
          << "population_source = \"Statistics Lithuania, 2021 census\"\nrepair_invalid = true\noverlap_tolerance_m2 = 1000.0\n\n"
          << "[providers]\npath = \"providers.csv\"\nx_field = \"x\"\ny_field = \"y\"\ncrs = \"EPSG:3346\"\n\n"
          << "[roads]\npath = \"roads.osm.pbf\"\nformat = \"osm\"\nosmconf = \"" << abs_path(o.osmconf) << "\"\nmargin_m = 2000\n\n"
          << "[population_surface]\nmethod = \"points\"\npath = \"population.csv\"\nx_field = \"x_lks94\"\n"
          << "y_field = \"y_lks94\"\ncrs = \"EPSG:3346\"\nweight_field = \"households\"\n"
          << "description = \"synthetic points, weighted by households\"\n\n"
          << "[access]\nprofile = \"drive\"\nmax_snap_distance_m = 1000\ncatchment_bands_min = [10, 20, 30]\n"
          << "catchment_buffer_m = 200\ncatchments = \"" << o.catchments << "\"\n";
    }
    std::cout << "wards " << wards.size() << ", residents " << residents << ", population points " << points.size()
              << ", providers " << providers_written << " (" << types.size() << " types), grid " << nx << " x " << ny
              << " at " << g << " m: " << grid_nodes << " intersections + " << shape_nodes << " shape nodes, " << ways
              << " ways -> " << o.out << "\n";
    return 0;
} catch (const std::exception& e) {
    std::cerr << "make_country_pbf: " << e.what() << "\n";
    return 1;
}
