#include "geo/routing/walkable_areas.hpp"

#include <algorithm>

namespace apreptis::geo {

namespace {

/// Proper crossing of segments ab and cd (touching at an end does not count).
bool crosses(XY a, XY b, XY c, XY d) {
    auto orient = [](XY p, XY q, XY r) {
        const double v = (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
        return (v > 0) - (v < 0);
    };
    const int o1 = orient(a, b, c), o2 = orient(a, b, d), o3 = orient(c, d, a), o4 = orient(c, d, b);
    return o1 * o2 < 0 && o3 * o4 < 0;
}

bool inside_ring(const Ring& r, XY p) {
    bool in = false;
    for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++)
        if ((r[i].y > p.y) != (r[j].y > p.y) && p.x < (r[j].x - r[i].x) * (p.y - r[i].y) / (r[j].y - r[i].y) + r[i].x)
            in = !in;
    return in;
}

/// The straight line from a to b stays inside the polygon (its rings are never crossed and
/// its middle is inside the outer ring and outside every hole).
bool walkable_straight(const Polygon& poly, XY a, XY b) {
    auto ring_crossed = [&](const Ring& r) {
        for (std::size_t i = 1; i < r.size(); ++i)
            if (crosses(a, b, r[i - 1], r[i])) return true;
        return false;
    };
    if (ring_crossed(poly.outer)) return false;
    for (const Ring& h : poly.holes)
        if (ring_crossed(h)) return false;
    const XY mid{(a.x + b.x) / 2, (a.y + b.y) / 2};
    if (!inside_ring(poly.outer, mid)) return false;
    for (const Ring& h : poly.holes)
        if (inside_ring(h, mid)) return false;
    return true;
}

} // namespace

/// Walkable areas (OSM highway=pedestrian squares and the like, mapped as polygons): their
/// outlines are walkable, and so is the straight line between any two of their entrances
/// (vertices shared with a mapped way) that stays inside. Without this the squares vanish
/// from the network and everyone walks around them.
void add_walkable_areas(const std::vector<std::pair<Polygon, Way>>& areas, std::vector<Way>& ways) {
    if (areas.empty()) return; // (a country's roads have millions of vertices to look up)
    // every vertex of the mapped ways, sorted for lookup (a hash set of them took seconds)
    std::vector<XY> line_vertices;
    for (const Way& w : ways) line_vertices.insert(line_vertices.end(), w.points.begin(), w.points.end());
    const auto by_xy = [](const XY& a, const XY& b) { return a.x < b.x || (a.x == b.x && a.y < b.y); };
    std::sort(line_vertices.begin(), line_vertices.end(), by_xy);
    const auto on_a_way = [&](const XY& p) { return std::binary_search(line_vertices.begin(), line_vertices.end(), p, by_xy); };
    for (const auto& area : areas) {
        const Polygon& poly = area.first;
        const Way& tags = area.second; // (a lambda below uses it: clang refuses captured bindings)
        std::vector<XY> entrances;
        auto outline = [&](const Ring& r) {
            Way w = tags;
            w.points = r;
            w.origin = WayOrigin::area_outline;
            for (const XY& p : r)
                if (on_a_way(p) && std::find(entrances.begin(), entrances.end(), p) == entrances.end())
                    entrances.push_back(p);
            ways.push_back(std::move(w));
        };
        outline(poly.outer);
        for (const Ring& h : poly.holes) outline(h);
        for (std::size_t i = 0; i < entrances.size(); ++i)
            for (std::size_t j = i + 1; j < entrances.size(); ++j)
                if (walkable_straight(poly, entrances[i], entrances[j])) {
                    Way w = tags;
                    w.points = {entrances[i], entrances[j]};
                    w.origin = WayOrigin::area_crossing;
                    ways.push_back(std::move(w));
                }
    }
}


} // namespace apreptis::geo
