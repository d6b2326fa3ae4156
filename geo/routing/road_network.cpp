#include "geo/routing/road_network.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>
#include <sstream>
#include <unordered_map>

#include "geo/errors.hpp"
#include "geo/routing/network_check.hpp"

namespace apreptis::geo {

double polyline_length(const LineString& l) {
    double s = 0;
    for (std::size_t i = 1; i < l.size(); ++i) s += std::hypot(l[i].x - l[i - 1].x, l[i].y - l[i - 1].y);
    return s;
}

std::string NetworkReport::summary() const {
    std::ostringstream os;
    os << ways_used << " of " << ways_read << " ways used (" << ways_outside_clip << " outside the study area";
    for (const auto& [why, n] : ways_excluded) os << "; " << n << " " << why;
    os << ")";
    if (!maxspeed_refused.empty()) {
        std::size_t n = 0;
        std::string values;
        for (const auto& [v, k] : maxspeed_refused) {
            n += k;
            values += (values.empty() ? "" : ", ") + ("'" + v + "'") + (k > 1 ? " x" + std::to_string(k) : "");
        }
        os << "; " << n << " way(s) at their class speed, their maxspeed refused (not " << min_maxspeed_kmh << "-"
           << max_maxspeed_kmh << " km/h): " << values;
    }
    if (area_outlines_used || area_crossings_used)
        os << "; walkable areas: " << area_outlines_used << " outlines, " << area_crossings_used << " crossings";
    os << "; " << nodes << " nodes, " << edges << " edges, " << arcs << " arcs, "
       << static_cast<long long>(used_length_m) << " m; " << components << " connected part(s), the largest "
       << largest_component_nodes << " nodes";
    return os.str();
}

namespace {

struct XYHash {
    std::size_t operator()(const XY& p) const noexcept {
        std::uint64_t a, b;
        std::memcpy(&a, &p.x, 8);
        std::memcpy(&b, &p.y, 8);
        // splitmix64 finaliser: coordinates on a regular grid have long runs of zero bits,
        // which libstdc++'s identity hash for integers would pile into few buckets
        std::uint64_t h = a ^ (b + 0x9E3779B97F4A7C15ull + (a << 6) + (a >> 2));
        h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ull;
        h = (h ^ (h >> 27)) * 0x94D049BB133111EBull;
        return static_cast<std::size_t>(h ^ (h >> 31));
    }
};

/// Assigns node ids to coordinates; endpoints mode merges points within the tolerance.
class NodeTable {
public:
    NodeTable(Noding mode, double tol) : m_mode(mode), m_tol(tol) {}

    NodeId get_or_add(XY p, std::vector<XY>& node_xy) {
        if (m_mode == Noding::shared_vertices) {
            auto [it, fresh] = m_exact.try_emplace(p, static_cast<NodeId>(node_xy.size()));
            if (fresh) node_xy.push_back(p);
            return it->second;
        }
        const auto cx = static_cast<std::int64_t>(std::floor(p.x / m_tol));
        const auto cy = static_cast<std::int64_t>(std::floor(p.y / m_tol));
        for (std::int64_t dx = -1; dx <= 1; ++dx)
            for (std::int64_t dy = -1; dy <= 1; ++dy) {
                auto it = m_cells.find(key(cx + dx, cy + dy));
                if (it == m_cells.end()) continue;
                for (NodeId n : it->second)
                    if (std::hypot(node_xy[n].x - p.x, node_xy[n].y - p.y) <= m_tol) return n;
            }
        NodeId n = static_cast<NodeId>(node_xy.size());
        node_xy.push_back(p);
        m_cells[key(cx, cy)].push_back(n);
        return n;
    }

private:
    static std::uint64_t key(std::int64_t x, std::int64_t y) {
        return (static_cast<std::uint64_t>(x) << 32) ^ static_cast<std::uint32_t>(y);
    }
    Noding m_mode;
    double m_tol;
    std::unordered_map<XY, NodeId, XYHash> m_exact;
    std::unordered_map<std::uint64_t, std::vector<NodeId>> m_cells;
};

struct Arc {
    NodeId tail, head;
    float time_s, length_m;
    std::uint32_t edge;
};

Csr make_csr(std::size_t n, std::vector<Arc>& arcs) {
    Csr c;
    c.first_out.assign(n + 1, 0);
    for (const Arc& a : arcs) c.first_out[a.tail + 1]++;
    std::partial_sum(c.first_out.begin(), c.first_out.end(), c.first_out.begin());
    const std::size_t m = arcs.size();
    c.arcs.resize(m);
    std::vector<std::uint32_t> pos(c.first_out.begin(), c.first_out.end() - 1);
    for (const Arc& a : arcs) c.arcs[pos[a.tail]++] = {a.head, a.time_s, a.length_m, a.edge};
    return c;
}

/// Position along a Hilbert curve over a 2^16 x 2^16 grid (the classic xy -> d mapping).
std::uint64_t hilbert_index(std::uint32_t x, std::uint32_t y) {
    std::uint64_t d = 0;
    for (std::uint32_t s = 1u << 15; s > 0; s >>= 1) {
        const std::uint32_t rx = (x & s) ? 1 : 0, ry = (y & s) ? 1 : 0;
        d += static_cast<std::uint64_t>(s) * s * ((3 * rx) ^ ry);
        if (ry == 0) { // rotate the quadrant
            if (rx == 1) {
                x = s - 1 - (x & (s - 1)) + (x & ~(s - 1));
                y = s - 1 - (y & (s - 1)) + (y & ~(s - 1));
            }
            std::swap(x, y);
        }
    }
    return d;
}

/// Nodes numbered along a Hilbert curve, so that nodes near each other on the ground are near
/// each other in memory: a search then reads its nodes' state and arcs from a few cache
/// lines instead of from all over the arrays (OSM ways come in id order, scattered). Ties
/// keep the order of first use, so the numbering is deterministic.
void renumber_along_hilbert_curve(RoadNetwork& net, std::vector<Arc>& arcs) {
    const std::size_t n = net.node_xy.size();
    if (n < 2) return;
    Envelope box;
    for (const XY& p : net.node_xy) box.expand(p);
    const double span = std::max({box.width(), box.height(), 1e-9});
    std::vector<std::pair<std::uint64_t, NodeId>> order(n);
    for (NodeId v = 0; v < n; ++v) {
        const auto gx = static_cast<std::uint32_t>(std::min(65535.0, (net.node_xy[v].x - box.min_x) / span * 65535.0));
        const auto gy = static_cast<std::uint32_t>(std::min(65535.0, (net.node_xy[v].y - box.min_y) / span * 65535.0));
        order[v] = {hilbert_index(gx, gy), v};
    }
    std::sort(order.begin(), order.end());
    std::vector<NodeId> new_id(n);
    std::vector<XY> xy(n);
    for (NodeId k = 0; k < n; ++k) {
        new_id[order[k].second] = k;
        xy[k] = net.node_xy[order[k].second];
    }
    net.node_xy = std::move(xy);
    for (RoadEdge& e : net.edges) {
        e.from = new_id[e.from];
        e.to = new_id[e.to];
    }
    for (Arc& a : arcs) {
        a.tail = new_id[a.tail];
        a.head = new_id[a.head];
    }
}

std::uint32_t find(std::vector<std::uint32_t>& parent, std::uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
}

bool inside(const Envelope& e, XY p) { return p.x >= e.min_x && p.x <= e.max_x && p.y >= e.min_y && p.y <= e.max_y; }

} // namespace

RoadNetwork build_network(const std::vector<Way>& ways, const BuildOptions& opt, NetworkReport& rep,
                          const std::string& source) {
    RoadNetwork net;
    net.profile = opt.profile;
    rep = NetworkReport{};
    rep.ways_read = ways.size();

    struct Usable {
        const Way* way;
        WayRule rule;
    };
    std::vector<Usable> usable;
    for (const Way& w : ways) {
        if (w.points.size() < 2) continue;
        // Coordinates beyond any projected CRS would overflow the node grid: refuse them here.
        for (const XY& p : w.points)
            if (!std::isfinite(p.x) || !std::isfinite(p.y) || std::abs(p.x) > 1e9 || std::abs(p.y) > 1e9)
                throw Error(source + ": way " + std::to_string(w.id) + " has a vertex at (" + std::to_string(p.x) +
                            ", " + std::to_string(p.y) + "), outside any projected CRS; the file is damaged or "
                            "its CRS is wrong");
        if (opt.clip && std::none_of(w.points.begin(), w.points.end(), [&](XY p) { return inside(*opt.clip, p); })) {
            rep.ways_outside_clip++;
            continue;
        }
        if (w.origin != WayOrigin::area_crossing) // crossings are ours, not mapped ways
            rep.length_by_class_m[w.tags.highway.empty() ? "(none)" : w.tags.highway] += polyline_length(w.points);
        if (w.origin != WayOrigin::line && !uses_walkable_areas(opt.profile)) {
            rep.ways_excluded[std::string("walkable area (not used by ") + to_string(opt.profile) + ")"]++;
            continue;
        }
        WayRule r = rule_for(opt.profile, w.tags);
        if (!r.usable) {
            rep.ways_excluded[r.excluded_because]++;
            continue;
        }
        if (!r.maxspeed_refused.empty()) rep.maxspeed_refused[r.maxspeed_refused]++;
        usable.push_back({&w, r});
    }
    if (usable.empty())
        throw Error(source + ": no way is usable for the " + to_string(opt.profile) + " profile (" +
                    std::to_string(rep.ways_read) + " ways read, " + std::to_string(rep.ways_outside_clip) +
                    " outside the study area)");

    // Which vertices are nodes: way ends, and (OSM) vertices used more than once. One sort
    // of all vertices gives every distinct coordinate an id and its use count.
    std::size_t vertices = 0;
    for (const Usable& u : usable) vertices += u.way->points.size();
    // Nodes, shape points, edges and arcs are numbered with 32 bits; each is at most twice the
    // vertices (a street piece's end is stored in both pieces; two arcs per piece).
    check_fits_index32(vertices, source + ": street vertices of the usable ways",
                       "the graph's 32-bit indices number at most half as many; clip the roads to the study area",
                       max_index32 / 2);
    std::vector<std::uint32_t> vertex_id; // per vertex of the usable ways, in order
    std::vector<std::uint32_t> uses;      // per distinct coordinate
    std::vector<NodeId> node_of;          // per distinct coordinate, assigned on first use
    if (opt.noding == Noding::shared_vertices) {
        struct V {
            XY p;
            std::uint32_t i;
        };
        std::vector<V> all;
        all.reserve(vertices);
        for (const Usable& u : usable)
            for (const XY& p : u.way->points) all.push_back({p, static_cast<std::uint32_t>(all.size())});
        std::sort(all.begin(), all.end(), [](const V& a, const V& b) {
            return a.p.x < b.p.x || (a.p.x == b.p.x && a.p.y < b.p.y);
        });
        vertex_id.resize(vertices);
        for (std::size_t k = 0; k < all.size(); ++k) {
            if (k == 0 || !(all[k].p == all[k - 1].p)) uses.push_back(0);
            vertex_id[all[k].i] = static_cast<std::uint32_t>(uses.size() - 1);
            uses.back()++;
        }
        node_of.assign(uses.size(), invalid_node);
    }
    NodeTable nodes(opt.noding, opt.snap_tolerance_m);
    net.edge_points.reserve(vertices + usable.size());
    std::size_t vertex_base = 0;
    auto node_for = [&](std::size_t vertex, XY p) {
        if (opt.noding != Noding::shared_vertices) return nodes.get_or_add(p, net.node_xy);
        NodeId& n = node_of[vertex_id[vertex]];
        if (n == invalid_node) {
            n = static_cast<NodeId>(net.node_xy.size());
            net.node_xy.push_back(p);
        }
        return n;
    };
    std::vector<Arc> arcs;
    for (const Usable& u : usable) {
        const LineString& pts = u.way->points;
        rep.ways_used++;
        if (u.way->origin == WayOrigin::area_outline) rep.area_outlines_used++;
        if (u.way->origin == WayOrigin::area_crossing) rep.area_crossings_used++;
        std::size_t start = 0;
        for (std::size_t i = 1; i < pts.size(); ++i) {
            bool is_node = i + 1 == pts.size() ||
                           (opt.noding == Noding::shared_vertices && uses[vertex_id[vertex_base + i]] > 1);
            if (!is_node) continue;
            RoadEdge e;
            e.from = node_for(vertex_base + start, pts[start]);
            e.to = node_for(vertex_base + i, pts[i]);
            e.first_point = static_cast<std::uint32_t>(net.edge_points.size());
            e.point_count = static_cast<std::uint32_t>(i - start + 1);
            net.edge_points.insert(net.edge_points.end(), pts.begin() + static_cast<std::ptrdiff_t>(start),
                                   pts.begin() + static_cast<std::ptrdiff_t>(i) + 1);
            // Snapped endpoints move the ends onto their node.
            net.edge_points[e.first_point] = net.node_xy[e.from];
            net.edge_points[e.first_point + e.point_count - 1] = net.node_xy[e.to];
            double len = 0;
            for (std::uint32_t k = e.first_point + 1; k < e.first_point + e.point_count; ++k)
                len += std::hypot(net.edge_points[k].x - net.edge_points[k - 1].x,
                                  net.edge_points[k].y - net.edge_points[k - 1].y);
            start = i;
            if (e.from == e.to && len == 0) {
                net.edge_points.resize(e.first_point);
                continue;
            }
            e.length_m = static_cast<float>(len);
            const float t = static_cast<float>(len / u.rule.speed_mps);
            if (u.rule.forward) e.forward_s = t;
            if (u.rule.backward) e.backward_s = t;
            const auto id = static_cast<std::uint32_t>(net.edges.size());
            if (u.rule.forward) arcs.push_back({e.from, e.to, t, e.length_m, id});
            if (u.rule.backward) arcs.push_back({e.to, e.from, t, e.length_m, id});
            rep.used_length_m += len;
            net.edges.push_back(e);
        }
        vertex_base += pts.size();
    }

    const std::size_t n = net.node_xy.size();
    renumber_along_hilbert_curve(net, arcs);
    net.forward = make_csr(n, arcs);
    for (Arc& a : arcs) std::swap(a.tail, a.head);
    net.backward = make_csr(n, arcs);

    std::vector<std::uint32_t> parent(n);
    std::iota(parent.begin(), parent.end(), 0u);
    for (const RoadEdge& e : net.edges) parent[find(parent, e.from)] = find(parent, e.to);
    std::unordered_map<std::uint32_t, std::uint32_t> root_to_comp;
    net.component.resize(n);
    for (std::uint32_t v = 0; v < n; ++v) {
        auto [it, fresh] = root_to_comp.try_emplace(find(parent, v), static_cast<std::uint32_t>(root_to_comp.size()));
        if (fresh) net.component_size.push_back(0);
        net.component[v] = it->second;
        net.component_size[it->second]++;
    }
    net.largest_component = static_cast<std::uint32_t>(
        std::max_element(net.component_size.begin(), net.component_size.end()) - net.component_size.begin());

    rep.nodes = n;
    rep.edges = net.edges.size();
    rep.arcs = arcs.size();
    rep.components = net.component_size.size();
    rep.largest_component_nodes = net.component_size[net.largest_component];
    check_road_network(net, source); // once, here: the searches trust it
    return net;
}

} // namespace apreptis::geo
