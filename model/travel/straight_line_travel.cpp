#include "model/travel/straight_line_travel.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "geo/geom/geometry_ops.hpp"
#include "geo/routing/nearest.hpp"
#include "model/access.hpp"

namespace apreptis::model {

namespace {

/// Straight-line reach: a uniform grid of units with cells of the reach radius.
struct UnitGrid {
    double cell, x0 = 0, y0 = 0;
    std::int64_t nx = 0, ny = 0;
    std::vector<std::uint32_t> first, units;
    UnitGrid(const std::vector<geo::XY>& all, double radius) : cell(std::max(radius, 1.0)) {
        geo::Envelope e;
        for (const auto& u : all) e.expand(u);
        if (e.empty()) return;
        x0 = e.min_x;
        y0 = e.min_y;
        nx = static_cast<std::int64_t>(e.width() / cell) + 1;
        ny = static_cast<std::int64_t>(e.height() / cell) + 1;
        first.assign(static_cast<std::size_t>(nx * ny) + 1, 0);
        for (const auto& u : all) first[index(u) + 1]++;
        for (std::size_t i = 1; i < first.size(); ++i) first[i] += first[i - 1];
        units.resize(all.size());
        std::vector<std::uint32_t> pos(first.begin(), first.end() - 1);
        for (std::uint32_t i = 0; i < all.size(); ++i) units[pos[index(all[i])]++] = i;
    }
    std::size_t index(geo::XY p) const {
        const auto cx = std::clamp<std::int64_t>(static_cast<std::int64_t>((p.x - x0) / cell), 0, nx - 1);
        const auto cy = std::clamp<std::int64_t>(static_cast<std::int64_t>((p.y - y0) / cell), 0, ny - 1);
        return static_cast<std::size_t>(cy * nx + cx);
    }
};

class StraightLineSearch final : public SourceSearch {
public:
    StraightLineSearch(std::span<const geo::XY> points, const std::vector<geo::XY>& units, double speed_mps)
        : m_sources(points.begin(), points.end()), m_units(units), m_speed(speed_mps) {}
    std::vector<geo::Access> nearest() override { return geo::nearest_by_straight_line(m_sources, m_units, m_speed); }
    std::vector<std::vector<geo::EdgePiece>> allocation() override { return {}; }
    std::vector<geo::MultiPolygon> service_areas(const std::vector<double>& bands_s, double) override {
        std::vector<geo::MultiPolygon> out;
        for (double b : bands_s) { // the union of the sources' circles
            std::vector<geo::MultiPolygon> circles;
            for (const geo::XY& p : m_sources) circles.push_back(geo::circle(p, b * m_speed, 128));
            out.push_back(geo::dissolve(circles));
        }
        return out;
    }
    std::vector<geo::MultiPolygon> source_areas(std::size_t i, const std::vector<double>& bands_s, double) override {
        std::vector<geo::MultiPolygon> out;
        for (double b : bands_s) out.push_back(geo::circle(m_sources[i], b * m_speed, 128));
        return out;
    }

private:
    std::vector<geo::XY> m_sources;
    const std::vector<geo::XY>& m_units;
    double m_speed;
};

class StraightLineTravel final : public TravelTimes {
public:
    explicit StraightLineTravel(const std::vector<PopulationUnit>& units) {
        m_points.reserve(units.size());
        for (const auto& u : units) m_points.push_back(u.point);
    }
    DistanceMethod method() const override { return DistanceMethod::straight_line; }
    std::string describe(geo::Profile, double speed_mps) const override {
        char buf[160];
        // (a drive analysis without roads says "straight line at 50.0 km/h": an estimate, labelled)
        std::snprintf(buf, sizeof buf, "straight line at %.1f km/h: NO road network loaded", speed_mps * 3.6);
        return buf;
    }
    double speed_mps(const AccessSettings& st) const override {
        // [access] straight_line_kmh (e.g. 50 for a country-wide drive analysis), else walking
        return st.straight_line_mps ? *st.straight_line_mps : geo::walking_speed_mps(st.profile);
    }
    bool one_speed(geo::Profile) const override { return true; }
    std::string estimate_warning(const AccessSettings& st) const override {
        char speed[64] = "walking speed";
        if (st.straight_line_mps) std::snprintf(speed, sizeof speed, "%g km/h", *st.straight_line_mps * 3.6);
        return std::string("no road network: travel distances are STRAIGHT-LINE estimates at ") + speed;
    }
    std::unique_ptr<SourceSearch> search(std::span<const geo::XY> points, std::span<const std::string>,
                                         const std::optional<geo::Envelope>&, double speed_mps,
                                         std::vector<std::string>&) const override {
        return std::make_unique<StraightLineSearch>(points, m_points, speed_mps);
    }
    void reach(ReachMatrix& m, std::span<const geo::XY> points, double walk_mps, std::stop_token stop,
               std::size_t max_entries) const override {
        m.method = DistanceMethod::straight_line;
        const double radius = m.cutoff_s * walk_mps;
        const UnitGrid grid(m_points, radius);
        std::vector<ReachEntry> row;
        for (const geo::XY& p : points) {
            if (stop.stop_requested()) throw Cancelled();
            row.clear();
            if (grid.nx > 0) {
                const auto cx = static_cast<std::int64_t>(std::floor((p.x - grid.x0) / grid.cell));
                const auto cy = static_cast<std::int64_t>(std::floor((p.y - grid.y0) / grid.cell));
                for (std::int64_t y = std::max<std::int64_t>(0, cy - 1); y <= std::min(grid.ny - 1, cy + 1); ++y)
                    for (std::int64_t x = std::max<std::int64_t>(0, cx - 1); x <= std::min(grid.nx - 1, cx + 1); ++x) {
                        const auto c = static_cast<std::size_t>(y * grid.nx + x);
                        for (std::uint32_t k = grid.first[c]; k < grid.first[c + 1]; ++k) {
                            const std::uint32_t u = grid.units[k];
                            const double d = std::hypot(m_points[u].x - p.x, m_points[u].y - p.y);
                            if (d <= radius) row.push_back({u, static_cast<float>(d / walk_mps), static_cast<float>(d)});
                        }
                    }
                std::sort(row.begin(), row.end(), [](const ReachEntry& a, const ReachEntry& b) { return a.unit < b.unit; });
            }
            m.entries.insert(m.entries.end(), row.begin(), row.end());
            check_reach_entries(m.entries.size(), max_entries);
            m.first.push_back(static_cast<std::uint32_t>(m.entries.size()));
        }
        m.entries.shrink_to_fit();
    }

private:
    std::vector<geo::XY> m_points; ///< the units' points, in unit order
};

} // namespace

std::unique_ptr<const TravelTimes> straight_line_travel(const std::vector<PopulationUnit>& units) {
    return std::make_unique<StraightLineTravel>(units);
}

} // namespace apreptis::model
