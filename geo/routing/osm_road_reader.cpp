#include "geo/routing/osm_road_reader.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <exception>
#include <fstream>
#include <future>
#include <span>
#include <limits>
#include <memory>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include <ogr_api.h>
#include <ogr_geometry.h>
#include <osmium/io/any_compression.hpp>
#include <osmium/io/pbf_input.hpp>
#include <osmium/io/xml_input.hpp>
#include <osmium/thread/pool.hpp>
#include <osmium/osm/node.hpp>
#include <osmium/osm/relation.hpp>
#include <osmium/osm/way.hpp>

#include "geo/crs/transformer.hpp"
#include "geo/errors.hpp"
#include "geo/routing/walkable_areas.hpp"

namespace apreptis::geo {

namespace {

/// GDAL's default closed_ways_are_polygons (osmconf.ini of GDAL 3.6), kept by the project's own.
const char* const default_area_keys =
    "aeroway,amenity,boundary,building,craft,geological,historic,landuse,leisure,military,natural,office,place,"
    "shop,sport,tourism,highway=platform,public_transport=platform";

/// Keys and key=value pairs that make a closed way an area (GDAL's closed_ways_are_polygons).
std::unordered_set<std::string> area_keys(const std::string& osmconf) {
    std::string list = default_area_keys;
    if (!osmconf.empty()) {
        std::ifstream in(osmconf);
        if (!in) throw IoError(osmconf + ": osmconf file not found");
        for (std::string line; std::getline(in, line);)
            if (line.rfind("closed_ways_are_polygons=", 0) == 0) list = line.substr(std::strlen("closed_ways_are_polygons="));
    }
    std::unordered_set<std::string> keys;
    std::stringstream ss(list);
    for (std::string k; std::getline(ss, k, ',');)
        if (!k.empty()) keys.insert(k);
    return keys;
}

/// GDAL's rule (OGROSMDataSource::IsClosedWayTaggedAsPolygon): area=yes or area=no decides;
/// otherwise a key, or a key=value, of the list makes a closed way an area.
bool tagged_as_area(const osmium::TagList& tags, const std::unordered_set<std::string>& keys) {
    bool area = false;
    std::string kv;
    for (const osmium::Tag& t : tags) {
        if (std::strcmp(t.key(), "area") == 0) {
            if (std::strcmp(t.value(), "yes") == 0) return true;
            if (std::strcmp(t.value(), "no") == 0) return false;
        }
        if (area) continue;
        kv.assign(t.key());
        if (keys.count(kv)) {
            area = true;
            continue;
        }
        kv.append(1, '=').append(t.value());
        if (keys.count(kv)) area = true;
    }
    return area;
}

std::string tag(const osmium::TagList& tags, const char* key) {
    const char* v = tags[key];
    return v ? std::string(v) : std::string();
}

bool walkable_area_class(const std::string& hw) { return !hw.empty() && hw != "rest_area" && hw != "services"; }

/// A way kept from the pass over the file: its node references live in one flat array.
struct HeldWay {
    std::int64_t id = 0;
    std::size_t first_ref = 0;
    std::uint32_t ref_count = 0; ///< areas: without the closing reference (GDAL closes the ring itself)
    bool area = false;           ///< closed and tagged as an area (GDAL's multipolygons layer)
    bool highway = false;        ///< a highway line or a walkable area (not only a relation member)
    bool has_tags = false;       ///< an area with tags (old-style multipolygons take the first outer's)
    WayTags tags;
};

struct Member {
    std::int64_t way = 0;
    bool outer = false;
};

struct HeldRelation {
    std::int64_t id = 0;
    bool own_tags = false; ///< tagged beyond type (else it takes its first tagged outer way's)
    WayTags tags;
    std::vector<Member> members; ///< ways, role subarea left out (as GDAL does)
};

/// "osm" for XML (plain or compressed), "pbf" otherwise: the content decides, not the name.
std::string format_of(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    unsigned char b[3] = {0, 0, 0};
    in.read(reinterpret_cast<char*>(b), 3);
    if (b[0] == 0x1f && b[1] == 0x8b) return "osm.gz";
    if (b[0] == 'B' && b[1] == 'Z' && b[2] == 'h') return "osm.bz2";
    if (b[0] == '<' || (b[0] == 0xEF && b[1] == 0xBB)) return "osm";
    return "pbf";
}

class Reading {
public:
    Reading(std::string path, const OsmRoadsOptions& o, const std::string& target_crs)
        : m_path(std::move(path)), m_format(format_of(m_path)), m_area_keys(area_keys(o.osmconf)),
          m_to_target("EPSG:4326", target_crs), m_target_crs(target_crs) {
        if (o.clip && !o.clip->empty()) m_clip = lonlat_box_around(*o.clip, target_crs);
    }

    OsmRoads run() {
        read_file();
        read_member_ways();
        resolve_locations();
        return assemble();
    }

private:
    osmium::io::File file() const { return osmium::io::File(m_path, m_format); }

    void hold(const osmium::Way& w, bool area, bool highway) {
        HeldWay h;
        h.id = w.id();
        h.area = area;
        h.highway = highway;
        h.first_ref = m_refs.size();
        const auto& nodes = w.nodes();
        h.ref_count = static_cast<std::uint32_t>(nodes.size() - (area ? 1 : 0));
        for (std::uint32_t i = 0; i < h.ref_count; ++i) m_refs.push_back(nodes[i].ref());
        const osmium::TagList& t = w.tags();
        if (area) {
            h.tags.highway = tag(t, "highway");
            h.tags.foot = tag(t, "foot");
            h.tags.access = tag(t, "access");
            h.has_tags = !t.empty();
        } else if (highway) {
            h.tags = {tag(t, "highway"), tag(t, "oneway"), tag(t, "maxspeed"), tag(t, "access"), tag(t, "foot"),
                      tag(t, "vehicle"), tag(t, "motor_vehicle"), tag(t, "motorcar"), tag(t, "junction")};
        }
        m_ways.push_back(std::move(h));
    }

    static bool closed(const osmium::Way& w) { return w.nodes().front().ref() == w.nodes().back().ref(); }

    /// One pass over the file (decoding it is most of the time; a second pass over the nodes
    /// took a second more on a 228 MB national file): every node's location, kept as (id,
    /// location) in file order, 16 bytes a node; the highway lines, walkable areas and
    /// multipolygon relations, their tags checked before anything is copied (most ways of a
    /// country are not highways). Locations are matched to the ways' references afterwards.
    void read_file() {
        osmium::io::Reader r{file(), osmium::osm_entity_bits::node | osmium::osm_entity_bits::way | osmium::osm_entity_bits::relation,
                             osmium::io::read_meta::no, m_pool};
        while (osmium::memory::Buffer buf = r.read()) {
            for (const osmium::OSMEntity& e : buf.select<osmium::OSMEntity>()) {
                if (e.type() == osmium::item_type::node) {
                    const auto& n = static_cast<const osmium::Node&>(e);
                    const osmium::Location loc = n.location();
                    if (!loc.valid()) continue;
                    m_min_x = std::min(m_min_x, loc.x());
                    m_max_x = std::max(m_max_x, loc.x());
                    m_min_y = std::min(m_min_y, loc.y());
                    m_max_y = std::max(m_max_y, loc.y());
                    if (!m_all_nodes.empty() && n.id() <= m_all_nodes.back().first) m_nodes_sorted = false;
                    m_all_nodes.emplace_back(n.id(), loc);
                } else if (e.type() == osmium::item_type::way) {
                    const auto& w = static_cast<const osmium::Way&>(e);
                    const char* hw = w.tags()["highway"];
                    if (!hw || !*hw || w.nodes().size() < 2) continue;
                    const bool area = closed(w) && tagged_as_area(w.tags(), m_area_keys);
                    hold(w, area, true);
                } else if (e.type() == osmium::item_type::relation) {
                    read_relation(static_cast<const osmium::Relation&>(e));
                }
            }
        }
        r.close();
    }

    /// GDAL's multipolygons layer takes type=multipolygon and type=boundary relations; with a
    /// highway filter it builds those tagged highway, and those with no tag but type (their
    /// tags then come from their first tagged outer way).
    void read_relation(const osmium::Relation& rel) {
        const char* type = rel.tags()["type"];
        if (!type || (std::strcmp(type, "multipolygon") != 0 && std::strcmp(type, "boundary") != 0)) return;
        bool own = false;
        for (const osmium::Tag& t : rel.tags())
            if (std::strcmp(t.key(), "type") != 0 && std::strcmp(t.key(), "created_by") != 0) own = true;
        if (own && !rel.tags()["highway"]) return;
        HeldRelation h;
        h.id = rel.id();
        h.own_tags = own;
        if (own) {
            h.tags.highway = tag(rel.tags(), "highway");
            h.tags.foot = tag(rel.tags(), "foot");
            h.tags.access = tag(rel.tags(), "access");
        }
        for (const osmium::RelationMember& m : rel.members())
            if (m.type() == osmium::item_type::way && std::strcmp(m.role(), "subarea") != 0)
                h.members.push_back({m.ref(), std::strcmp(m.role(), "outer") == 0});
        if (!h.members.empty()) m_relations.push_back(std::move(h));
    }

    void index_ways() {
        m_way_index.clear();
        m_way_index.reserve(m_ways.size());
        for (std::size_t i = 0; i < m_ways.size(); ++i) m_way_index.emplace(m_ways[i].id, i);
    }

    const HeldWay* held(std::int64_t id) const {
        auto it = m_way_index.find(id);
        return it == m_way_index.end() ? nullptr : &m_ways[it->second];
    }

    /// A second pass over the ways, only when a relation needs ways that are not highways (an untagged outer ring):
    /// those ways' references and area tags. Old-style relations that touch no walkable area
    /// cannot give one and are dropped first.
    void read_member_ways() {
        if (m_relations.empty()) return; // (the index below is for relations only)
        index_ways();
        std::erase_if(m_relations, [&](const HeldRelation& r) {
            if (r.own_tags) return false;
            return std::none_of(r.members.begin(), r.members.end(), [&](const Member& m) {
                const HeldWay* w = held(m.way);
                return m.outer && w && w->area;
            });
        });
        std::unordered_set<std::int64_t> wanted;
        for (const HeldRelation& r : m_relations)
            for (const Member& m : r.members)
                if (!held(m.way)) wanted.insert(m.way);
        if (wanted.empty()) return;
        osmium::io::Reader r{file(), osmium::osm_entity_bits::way, osmium::io::read_meta::no, m_pool};
        while (osmium::memory::Buffer buf = r.read())
            for (const osmium::Way& w : buf.select<osmium::Way>())
                if (w.nodes().size() >= 2 && wanted.count(w.id()))
                    hold(w, closed(w) && tagged_as_area(w.tags(), m_area_keys), false);
        r.close();
        index_ways();
    }

    /// The location of every node the held ways reference, and the file's extent.
    void resolve_locations() {
        m_nodes_in_file = m_all_nodes.size();
        if (m_nodes_in_file) m_extent_lonlat = {m_min_x / 1e7, m_min_y / 1e7, m_max_x / 1e7, m_max_y / 1e7};
        if (!m_nodes_sorted) // (extract services write files sorted by id; others are sorted here)
            std::stable_sort(m_all_nodes.begin(), m_all_nodes.end(),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
        // every reference gets its node's slot here, once: no search per reference later
        if (m_refs.size() >= std::numeric_limits<std::uint32_t>::max())
            throw IoError(m_path + ": " + std::to_string(m_refs.size()) +
                          " node references in the ways to read, more than this reader numbers; set [roads] clip_margin_m smaller");
        {
            std::vector<std::pair<std::int64_t, std::uint32_t>> by_id(m_refs.size());
            for (std::size_t i = 0; i < m_refs.size(); ++i) by_id[i] = {m_refs[i], static_cast<std::uint32_t>(i)};
            std::sort(by_id.begin(), by_id.end());
            m_slot.resize(m_refs.size());
            for (std::size_t k = 0; k < by_id.size(); ++k) {
                if (k == 0 || by_id[k].first != by_id[k - 1].first) m_node_ids.push_back(by_id[k].first);
                m_slot[by_id[k].second] = static_cast<std::uint32_t>(m_node_ids.size() - 1);
            }
        }
        // both sorted by id: one merge (the first of duplicated ids wins)
        m_locations.assign(m_node_ids.size(), osmium::Location{});
        for (std::size_t i = 0, k = 0; i < m_all_nodes.size() && k < m_node_ids.size();) {
            if (m_all_nodes[i].first < m_node_ids[k]) ++i;
            else if (m_all_nodes[i].first > m_node_ids[k]) ++k;
            else m_locations[k++] = m_all_nodes[i].second;
        }
        release(m_all_nodes);
    }

    /// A way's nodes as GDAL stores its coordinates: the nodes found (missing ones skipped), an
    /// area's ring closed with its first; as slots. Empty when GDAL would discard the way
    /// (fewer than two).
    template <typename T>
    static void release(std::vector<T>& v) {
        std::vector<T>().swap(v);
    }

    std::vector<std::uint32_t> found_slots(const HeldWay& w) {
        std::vector<std::uint32_t> c;
        c.reserve(w.ref_count + 1);
        for (std::size_t i = w.first_ref; i < w.first_ref + w.ref_count; ++i) {
            if (m_locations[m_slot[i]].valid()) c.push_back(m_slot[i]);
            else ++m_missing;
        }
        if (w.area && !c.empty()) c.push_back(c.front());
        if (c.size() < 2) c.clear();
        return c;
    }

    std::vector<osmium::Location> locations(const std::vector<std::uint32_t>& slots) const {
        std::vector<osmium::Location> c(slots.size());
        for (std::size_t i = 0; i < slots.size(); ++i) c[i] = m_locations[slots[i]];
        return c;
    }

    bool touches_clip(const std::vector<std::uint32_t>& slots) const {
        if (!m_clip) return true;
        return std::any_of(slots.begin(), slots.end(), [&](std::uint32_t k) {
            const double x = m_locations[k].lon(), y = m_locations[k].lat();
            return x >= m_clip->min_x && x <= m_clip->max_x && y >= m_clip->min_y && y <= m_clip->max_y;
        });
    }

    /// The working-CRS coordinates of every node the kept ways use, each node transformed once,
    /// in one batch per core (PROJ per point is most of the work otherwise).
    void transform_nodes(const std::vector<std::vector<std::uint32_t>>& ways) {
        std::vector<char> wanted(m_locations.size(), 0);
        for (const auto& w : ways)
            for (std::uint32_t k : w) wanted[k] = 1;
        std::vector<std::uint32_t> slots;
        for (std::uint32_t k = 0; k < wanted.size(); ++k)
            if (wanted[k]) slots.push_back(k);
        std::vector<XY> pts(slots.size());
        for (std::size_t i = 0; i < slots.size(); ++i) pts[i] = {m_locations[slots[i]].lon(), m_locations[slots[i]].lat()};
        const std::size_t half = pts.size() / 2;
        if (half > 50000) { // the other core takes the second half, with a transformer of its own
            auto other = std::async(std::launch::async, [&] {
                Transformer(std::string("EPSG:4326"), m_target_crs).transform(std::span<XY>(pts).subspan(half));
            });
            m_to_target.transform(std::span<XY>(pts).first(half));
            other.get();
        } else {
            m_to_target.transform(pts);
        }
        m_xy.assign(m_locations.size(), XY{});
        for (std::size_t i = 0; i < slots.size(); ++i) m_xy[slots[i]] = pts[i];
    }

    LineString to_target(const std::vector<std::uint32_t>& slots) const {
        LineString pts(slots.size());
        for (std::size_t i = 0; i < slots.size(); ++i) pts[i] = m_xy[slots[i]];
        return pts;
    }

    LineString ring_to_target(const OGRLinearRing& r) const {
        LineString pts(static_cast<std::size_t>(r.getNumPoints()));
        for (int i = 0; i < r.getNumPoints(); ++i) pts[static_cast<std::size_t>(i)] = {r.getX(i), r.getY(i)};
        m_to_target.transform(pts);
        return pts;
    }

    /// A multipolygon relation's polygons, assembled as GDAL's OSM driver does it (closed
    /// members are rings, the others joined into rings, then organised into polygons), with
    /// the same OGR functions so that the rings start at the same vertex.
    void relation_areas(const HeldRelation& rel, std::vector<std::pair<Polygon, Way>>& areas,
                        std::set<std::int64_t>& replaced, OsmRoads& out) {
        std::vector<std::vector<osmium::Location>> coords;
        const std::size_t missing = m_missing; // (counted once, with the ways themselves)
        for (const Member& m : rel.members) {
            const HeldWay* w = held(m.way);
            if (!w) return; // a member outside the file: GDAL ignores the relation
            coords.push_back(locations(found_slots(*w)));
            m_missing = missing;
            if (coords.back().empty()) return;
        }
        Way tags;
        tags.id = rel.id;
        tags.tags = rel.tags;
        OGRMultiLineString open;
        std::vector<OGRGeometry*> polygons;
        bool seen_tags = rel.own_tags, touches = false;
        for (std::size_t i = 0; i < rel.members.size(); ++i) {
            const HeldWay& w = *held(rel.members[i].way);
            const auto& c = coords[i];
            touches = touches || std::any_of(c.begin(), c.end(), [&](const osmium::Location& l) {
                          return !m_clip || (l.lon() >= m_clip->min_x && l.lon() <= m_clip->max_x &&
                                             l.lat() >= m_clip->min_y && l.lat() <= m_clip->max_y);
                      });
            if (!seen_tags && rel.members[i].outer && w.has_tags) {
                tags.tags = w.tags;
                seen_tags = true;
            }
            auto* line = c.front() == c.back() ? new OGRLinearRing() : new OGRLineString();
            line->setNumPoints(static_cast<int>(c.size()), false);
            for (std::size_t k = 0; k < c.size(); ++k) line->setPoint(static_cast<int>(k), c[k].lon(), c[k].lat());
            if (c.front() == c.back()) {
                auto* p = new OGRPolygon();
                p->addRingDirectly(static_cast<OGRLinearRing*>(line));
                polygons.push_back(p);
                if (rel.members[i].outer) replaced.insert(w.id);
            } else {
                open.addGeometryDirectly(line);
            }
        }
        if (open.getNumGeometries() > 0) {
            OGRGeometry* joined = OGRGeometry::FromHandle(
                OGRBuildPolygonFromEdges(OGRGeometry::ToHandle(&open), TRUE, FALSE, 0, nullptr));
            if (joined && wkbFlatten(joined->getGeometryType()) == wkbPolygon)
                for (const OGRLinearRing* r : *joined->toPolygon())
                    if (r && r->getNumPoints() >= 4 && r->getX(0) == r->getX(r->getNumPoints() - 1) &&
                        r->getY(0) == r->getY(r->getNumPoints() - 1)) {
                        auto* p = new OGRPolygon();
                        p->addRingDirectly(r->clone());
                        polygons.push_back(p);
                    }
            delete joined;
        }
        if (polygons.empty() || !walkable_area_class(tags.tags.highway)) {
            for (OGRGeometry* g : polygons) delete g;
            return;
        }
        int valid = FALSE;
        const char* options[] = {"METHOD=DEFAULT", nullptr};
        std::unique_ptr<OGRGeometry> g(
            OGRGeometryFactory::organizePolygons(polygons.data(), static_cast<int>(polygons.size()), &valid, options));
        if (!touches) {
            ++out.ways_outside_clip;
            return;
        }
        auto add = [&](const OGRPolygon& p) {
            if (p.IsEmpty()) return;
            Polygon poly;
            poly.outer = ring_to_target(*p.getExteriorRing());
            for (int i = 0; i < p.getNumInteriorRings(); ++i) poly.holes.push_back(ring_to_target(*p.getInteriorRing(i)));
            areas.push_back({std::move(poly), tags});
        };
        if (!g) return;
        if (wkbFlatten(g->getGeometryType()) == wkbPolygon) add(*g->toPolygon());
        else if (wkbFlatten(g->getGeometryType()) == wkbMultiPolygon)
            for (const OGRPolygon* p : *g->toMultiPolygon()) add(*p);
    }

    OsmRoads assemble() {
        OsmRoads out;
        out.nodes_in_file = m_nodes_in_file;
        out.data_extent_lonlat = m_extent_lonlat;
        // lines first, in file order (GDAL's lines layer)
        std::vector<HeldWay*> lines;
        std::vector<std::vector<std::uint32_t>> kept; // lines', then standalone areas' node slots
        for (HeldWay& w : m_ways) {
            if (!w.highway || w.area) continue;
            auto c = found_slots(w);
            if (c.empty()) continue;
            if (!touches_clip(c)) {
                ++out.ways_outside_clip;
                continue;
            }
            lines.push_back(&w);
            kept.push_back(std::move(c));
        }
        // then the walkable areas: relations in file order, then the closed ways that are no
        // relation's outer ring, by id (GDAL's multipolygons layer)
        std::vector<std::pair<Polygon, Way>> areas;
        std::set<std::int64_t> replaced;
        for (const HeldRelation& r : m_relations) relation_areas(r, areas, replaced, out);
        std::vector<const HeldWay*> standalone, standalone_kept;
        for (const HeldWay& w : m_ways)
            if (w.highway && w.area && walkable_area_class(w.tags.highway) && !replaced.count(w.id)) standalone.push_back(&w);
        std::sort(standalone.begin(), standalone.end(), [](const HeldWay* a, const HeldWay* b) { return a->id < b->id; });
        for (const HeldWay* w : standalone) {
            auto c = found_slots(*w);
            if (c.empty()) continue;
            if (!touches_clip(c)) {
                ++out.ways_outside_clip;
                continue;
            }
            standalone_kept.push_back(w);
            kept.push_back(std::move(c));
        }
        // what the ways are made of from here on: the references and ids can go (a country's
        // would otherwise be held beside the ways made of them)
        release(m_refs);
        release(m_slot);
        release(m_node_ids);
        transform_nodes(kept);
        release(m_locations);
        out.ways.reserve(lines.size());
        for (std::size_t i = 0; i < lines.size(); ++i) {
            Way way;
            way.id = lines[i]->id;
            way.points = to_target(kept[i]);
            way.tags = std::move(lines[i]->tags);
            out.ways.push_back(std::move(way));
        }
        for (std::size_t i = 0; i < standalone_kept.size(); ++i) {
            Way tags;
            tags.id = standalone_kept[i]->id;
            tags.tags = standalone_kept[i]->tags;
            Polygon poly;
            poly.outer = to_target(kept[lines.size() + i]);
            areas.push_back({std::move(poly), std::move(tags)});
        }
        add_walkable_areas(areas, out.ways);
        out.missing_nodes = m_missing;
        if (!out.data_extent_lonlat.empty()) {
            // the extent's outline in the working CRS (densified: a lon/lat box is curved there)
            LineString edge;
            const Envelope& e = out.data_extent_lonlat;
            for (int i = 0; i <= 32; ++i) {
                const double f = i / 32.0;
                edge.push_back({e.min_x + f * (e.max_x - e.min_x), e.min_y});
                edge.push_back({e.min_x + f * (e.max_x - e.min_x), e.max_y});
                edge.push_back({e.min_x, e.min_y + f * (e.max_y - e.min_y)});
                edge.push_back({e.max_x, e.min_y + f * (e.max_y - e.min_y)});
            }
            m_to_target.transform(edge);
            for (const XY& p : edge) out.data_extent.expand(p);
        }
        return out;
    }

    /// Decoding threads, one per core of the machine this was written for (osmium's default
    /// leaves two cores to other work, i.e. one thread here)
    osmium::thread::Pool m_pool{2};
    std::string m_path, m_format;
    std::unordered_set<std::string> m_area_keys;
    Transformer m_to_target;
    std::optional<Envelope> m_clip; ///< degrees
    std::vector<HeldWay> m_ways;
    std::vector<std::int64_t> m_refs;
    std::vector<HeldRelation> m_relations;
    std::unordered_map<std::int64_t, std::size_t> m_way_index;
    std::vector<std::int64_t> m_node_ids;      ///< sorted, unique
    std::vector<osmium::Location> m_locations; ///< beside m_node_ids
    std::vector<std::uint32_t> m_slot;         ///< per reference in m_refs: its node in m_node_ids
    std::vector<XY> m_xy;                      ///< beside m_node_ids, working CRS (nodes of kept ways)
    std::string m_target_crs;
    std::size_t m_nodes_in_file = 0, m_missing = 0;
    std::vector<std::pair<std::int64_t, osmium::Location>> m_all_nodes; ///< every node of the file, until matched
    bool m_nodes_sorted = true;
    std::int32_t m_min_x = std::numeric_limits<std::int32_t>::max(), m_min_y = std::numeric_limits<std::int32_t>::max();
    std::int32_t m_max_x = std::numeric_limits<std::int32_t>::min(), m_max_y = std::numeric_limits<std::int32_t>::min();
    Envelope m_extent_lonlat;
};

} // namespace

ExtentCoverage extent_coverage(const Envelope& extent, const std::vector<Envelope>& boxes) {
    ExtentCoverage c;
    for (const Envelope& b : boxes) {
        if (extent.empty() || b.min_x > extent.max_x || b.max_x < extent.min_x || b.min_y > extent.max_y ||
            b.max_y < extent.min_y)
            ++c.outside;
        else if (b.min_x < extent.min_x || b.max_x > extent.max_x || b.min_y < extent.min_y || b.max_y > extent.max_y)
            ++c.partly;
    }
    return c;
}

Envelope lonlat_box_around(const Envelope& box, const std::string& crs) {
    const Transformer to_lonlat(crs, "EPSG:4326");
    LineString edge;
    for (int i = 0; i <= 64; ++i) {
        const double f = i / 64.0;
        edge.push_back({box.min_x + f * box.width(), box.min_y});
        edge.push_back({box.min_x + f * box.width(), box.max_y});
        edge.push_back({box.min_x, box.min_y + f * box.height()});
        edge.push_back({box.max_x, box.min_y + f * box.height()});
    }
    to_lonlat.transform(edge);
    Envelope e;
    for (const XY& p : edge) e.expand(p);
    // a box's edges between the samples bulge by far less than this (about 10 m)
    return e.grown(1e-4);
}

OsmRoads read_osm_roads(const std::string& path, const std::string& target_crs, const OsmRoadsOptions& options) {
    if (!std::ifstream(path)) throw IoError(path + ": road network file not found");
    OsmRoads out;
    try {
        out = Reading(path, options, target_crs).run();
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        throw IoError(path + ": not a readable OpenStreetMap PBF/XML file: " + e.what());
    }
    // with a clip, an empty result is the caller's to explain (the file may not cover the area)
    if (out.ways.empty() && (!options.clip || out.nodes_in_file == 0)) throw IoError(path + ": no highway ways in the file");
    return out;
}

} // namespace apreptis::geo
