#include "geo/io/osm_addresses.hpp"

#include <cmath>
#include <exception>

#include <osmium/handler.hpp>
#include <osmium/handler/node_locations_for_ways.hpp>
#include <osmium/index/map/flex_mem.hpp>
#include <osmium/io/pbf_input.hpp>
#include <osmium/io/xml_input.hpp>
#include <osmium/osm/node.hpp>
#include <osmium/osm/way.hpp>
#include <osmium/visitor.hpp>

#include "geo/crs/transformer.hpp"
#include "geo/errors.hpp"

namespace apreptis::geo {

namespace {

bool is_poi(const osmium::TagList& tags) {
    for (const char* k : {"amenity", "shop", "office", "tourism", "craft", "healthcare", "leisure", "social_facility"})
        if (tags.has_key(k)) return true;
    return false;
}

// Area centroid of a closed ring (shoelace); the vertex mean when the ring has no area.
XY ring_centroid(const std::vector<XY>& ring) {
    double a2 = 0, cx = 0, cy = 0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        const double c = ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y;
        a2 += c;
        cx += (ring[i].x + ring[i + 1].x) * c;
        cy += (ring[i].y + ring[i + 1].y) * c;
    }
    if (std::abs(a2) > 1e-9) return {cx / (3 * a2), cy / (3 * a2)};
    XY m{0, 0};
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) m = {m.x + ring[i].x, m.y + ring[i].y};
    const double n = double(ring.size() - 1);
    return {m.x / n, m.y / n};
}

struct Collector : osmium::handler::Handler {
    const Transformer& to_target;
    std::vector<OsmAddress>& out;
    Collector(const Transformer& t, std::vector<OsmAddress>& o) : to_target(t), out(o) {}

    bool start(const osmium::OSMObject& o, char type, OsmAddress& a) const {
        const char* street = o.tags()["addr:street"];
        const char* house = o.tags()["addr:housenumber"];
        if (!street || !house) return false;
        a.type = type;
        a.id = o.id();
        a.street = street;
        a.housenumber = house;
        if (const char* c = o.tags()["addr:city"]) a.city = c;
        if (const char* n = o.tags()["name"]) a.name = n;
        a.poi = is_poi(o.tags());
        return true;
    }

    void node(const osmium::Node& n) {
        OsmAddress a;
        if (!start(n, 'n', a) || !n.location().valid()) return;
        a.xy = to_target.transform(XY{n.location().lon(), n.location().lat()});
        out.push_back(std::move(a));
    }

    void way(const osmium::Way& w) {
        if (!w.is_closed() || w.nodes().size() < 4) return;
        OsmAddress a;
        if (!start(w, 'w', a)) return;
        std::vector<XY> ring;
        for (const auto& nr : w.nodes()) {
            if (!nr.location().valid()) return; // a node outside the extract
            ring.push_back({nr.location().lon(), nr.location().lat()});
        }
        to_target.transform(ring);
        a.xy = ring_centroid(ring);
        out.push_back(std::move(a));
    }
};

} // namespace

std::vector<OsmAddress> read_osm_addresses(const std::string& path, const std::string& target_crs) {
    const Transformer to_target("EPSG:4326", target_crs);
    std::vector<OsmAddress> out;
    try {
        osmium::io::Reader reader{osmium::io::File(path), osmium::osm_entity_bits::node | osmium::osm_entity_bits::way};
        osmium::index::map::FlexMem<osmium::unsigned_object_id_type, osmium::Location> index;
        osmium::handler::NodeLocationsForWays<decltype(index)> locations{index};
        locations.ignore_errors();
        Collector collect{to_target, out};
        osmium::apply(reader, locations, collect);
        reader.close();
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        throw IoError(Location{path, "", -1, -1, ""}, std::string("cannot read the OpenStreetMap addresses: ") + e.what());
    }
    return out;
}

} // namespace apreptis::geo
