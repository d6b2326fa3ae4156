#include "geo/routing/snap_index.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "geo/preconditions.hpp"

namespace apreptis::geo {

SnapIndex::SnapIndex(const RoadNetwork& net, double cell_m) : m_net(net), m_cell(cell_m) {
    require(positive_finite(cell_m), "SnapIndex: cell_m > 0 and finite");
    Envelope box;
    for (const XY& p : net.edge_points) box.expand(p);
    if (box.empty()) return;
    m_x0 = box.min_x;
    m_y0 = box.min_y;
    const double x1 = box.max_x, y1 = box.max_y;
    m_nx = static_cast<std::int64_t>((x1 - m_x0) / m_cell) + 1;
    m_ny = static_cast<std::int64_t>((y1 - m_y0) / m_cell) + 1;
    m_edge_of_point.assign(net.edge_points.size(), 0);
    for (std::uint32_t e = 0; e < net.edges.size(); ++e)
        for (std::uint32_t k = 0; k < net.edges[e].point_count; ++k) m_edge_of_point[net.edges[e].first_point + k] = e;

    auto cells_of = [&](std::uint32_t s, auto&& emit) {
        const XY a = net.edge_points[s], b = net.edge_points[s + 1];
        auto cx0 = static_cast<std::int64_t>((std::min(a.x, b.x) - m_x0) / m_cell);
        auto cx1 = static_cast<std::int64_t>((std::max(a.x, b.x) - m_x0) / m_cell);
        auto cy0 = static_cast<std::int64_t>((std::min(a.y, b.y) - m_y0) / m_cell);
        auto cy1 = static_cast<std::int64_t>((std::max(a.y, b.y) - m_y0) / m_cell);
        for (auto cx = cx0; cx <= cx1; ++cx)
            for (auto cy = cy0; cy <= cy1; ++cy) emit(static_cast<std::size_t>(cy * m_nx + cx));
    };
    m_first.assign(static_cast<std::size_t>(m_nx * m_ny) + 1, 0);
    for (const RoadEdge& e : net.edges)
        for (std::uint32_t s = e.first_point; s + 1 < e.first_point + e.point_count; ++s)
            cells_of(s, [&](std::size_t c) { m_first[c + 1]++; });
    std::partial_sum(m_first.begin(), m_first.end(), m_first.begin());
    m_items.resize(m_first.back());
    std::vector<std::uint32_t> pos(m_first.begin(), m_first.end() - 1);
    for (const RoadEdge& e : net.edges)
        for (std::uint32_t s = e.first_point; s + 1 < e.first_point + e.point_count; ++s)
            cells_of(s, [&](std::size_t c) { m_items[pos[c]++] = s; });
}

SnappedPoint SnapIndex::snap(XY p, double max_distance_m) const {
    SnappedPoint near = nearest(p, max_distance_m, invalid_index);
    if (!near.snapped || near.component == m_net.largest_component) return near;
    SnappedPoint main = nearest(p, max_distance_m, m_net.largest_component);
    if (!main.snapped) return near; // nothing of the main part in reach: reported as detached
    main.passed_detached = true;
    main.detached_m = static_cast<float>(near.distance_m);
    return main;
}

SnappedPoint SnapIndex::snap_nearest(XY p, double max_distance_m, SnapSearchStats* stats) const {
    return nearest(p, max_distance_m, invalid_index, stats);
}

SnappedPoint SnapIndex::nearest(XY p, double max_distance_m, std::uint32_t component, SnapSearchStats* stats) const {
    SnappedPoint out;
    out.point = p;
    if (m_items.empty()) return out;
    double best = max_distance_m;
    std::uint32_t best_seg = UINT32_MAX;
    double best_t = 0;
    const auto cx = static_cast<std::int64_t>(std::floor((p.x - m_x0) / m_cell));
    const auto cy = static_cast<std::int64_t>(std::floor((p.y - m_y0) / m_cell));
    const auto max_ring = static_cast<std::int64_t>(std::ceil(max_distance_m / m_cell)) + 1;
    // p's distances to the sides of its own cell
    const double west = p.x - (m_x0 + static_cast<double>(cx) * m_cell), south = p.y - (m_y0 + static_cast<double>(cy) * m_cell);
    const double to_side = std::min({west, m_cell - west, south, m_cell - south});
    auto visit = [&](std::int64_t x, std::int64_t y) {
        const auto c = static_cast<std::size_t>(y * m_nx + x);
        if (stats) stats->cells++;
        for (std::uint32_t i = m_first[c]; i < m_first[c + 1]; ++i) {
            const std::uint32_t s = m_items[i];
            if (component != invalid_index && m_net.component[m_net.edges[m_edge_of_point[s]].from] != component)
                continue;
            const XY a = m_net.edge_points[s], b = m_net.edge_points[s + 1];
            const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
            double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
            t = std::clamp(t, 0.0, 1.0);
            const double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
            // squared distance first: hypot (which decides, as before) only near the best
            if (ex * ex + ey * ey > best * best * (1 + 1e-9) + 1e-12) continue;
            const double d = std::hypot(ex, ey);
            if (d < best || (d == best && s < best_seg)) {
                best = d;
                best_seg = s;
                best_t = t;
            }
        }
    };
    for (std::int64_t r = 0; r <= max_ring; ++r) {
        // Anything in ring r lies outside the block of rings < r, at least to_side + (r-1)
        // cells away: stop once that exceeds the best.
        if (best_seg != UINT32_MAX && r > 0 && to_side + static_cast<double>(r - 1) * m_cell > best) break;
        // ring r, clamped to the grid: its rows y = cy -/+ r and its columns x = cx -/+ r
        // between them, each cell once
        const std::int64_t x0 = std::max<std::int64_t>(cx - r, 0), x1 = std::min(cx + r, m_nx - 1);
        const std::int64_t y0 = std::max<std::int64_t>(cy - r + 1, 0), y1 = std::min(cy + r - 1, m_ny - 1);
        if (x0 <= x1) {
            if (cy - r >= 0 && cy - r < m_ny)
                for (std::int64_t x = x0; x <= x1; ++x) visit(x, cy - r);
            if (r > 0 && cy + r >= 0 && cy + r < m_ny)
                for (std::int64_t x = x0; x <= x1; ++x) visit(x, cy + r);
        }
        if (y0 <= y1) {
            if (cx - r >= 0 && cx - r < m_nx)
                for (std::int64_t y = y0; y <= y1; ++y) visit(cx - r, y);
            if (r > 0 && cx + r >= 0 && cx + r < m_nx)
                for (std::int64_t y = y0; y <= y1; ++y) visit(cx + r, y);
        }
    }
    if (best_seg == UINT32_MAX) return out;
    const std::uint32_t e = m_edge_of_point[best_seg];
    const RoadEdge& edge = m_net.edges[e];
    double offset = 0;
    for (std::uint32_t k = edge.first_point; k < best_seg; ++k)
        offset += std::hypot(m_net.edge_points[k + 1].x - m_net.edge_points[k].x,
                             m_net.edge_points[k + 1].y - m_net.edge_points[k].y);
    const XY a = m_net.edge_points[best_seg], b = m_net.edge_points[best_seg + 1];
    offset += best_t * std::hypot(b.x - a.x, b.y - a.y);
    out.snapped = true;
    out.edge = e;
    out.offset_m = std::min(offset, static_cast<double>(edge.length_m));
    out.distance_m = best;
    out.on_road = {a.x + best_t * (b.x - a.x), a.y + best_t * (b.y - a.y)};
    out.component = m_net.component[edge.from];
    return out;
}

} // namespace apreptis::geo
