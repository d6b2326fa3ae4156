#include "model/access_summary.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <set>

namespace apreptis::model {

std::optional<double> weighted_quantile(std::vector<std::pair<double, double>> vw, double q) {
    double total = 0;
    for (const auto& [v, w] : vw) total += w;
    if (total <= 0) return std::nullopt;
    std::sort(vw.begin(), vw.end());
    double acc = 0;
    for (const auto& [v, w] : vw) {
        acc += w;
        if (acc >= q * total - 1e-9 * total) return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
    }
    return std::nullopt;
}

/// Units of one area in ascending time and in ascending distance: the order does not depend
/// on the target group (only the weights do), so each area is sorted once per service type.
struct SummaryOrders {
    struct Area {
        std::vector<std::uint32_t> by_time, by_distance;
    };
    std::vector<Area> ward;
    std::map<std::string, Area> municipality;
};

namespace {

using AreaOrder = SummaryOrders::Area;

/// A unit's sort key: a non-negative float's bits, then the index (ties by index).
std::uint64_t packed_key(float v, std::uint32_t index) {
    if (v == 0.0f) v = 0.0f; // -0 would sort last
    std::uint32_t bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    return (static_cast<std::uint64_t>(bits) << 32) | index;
}

/// Unit indices ordered by a non-negative float value, ties by index: the value's bits and the
/// index packed into one 64-bit key (the bits of non-negative floats order as the values do),
/// so the sort compares integers instead of following indices (most of an edit's time).
template <class Value>
void sort_units(const std::vector<std::size_t>& ids, Value value, std::vector<std::uint32_t>& out) {
    std::vector<std::uint64_t> keys(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) keys[i] = packed_key(value(ids[i]), static_cast<std::uint32_t>(ids[i]));
    std::sort(keys.begin(), keys.end());
    out.resize(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) out[i] = static_cast<std::uint32_t>(keys[i]);
}

/// The smallest value whose cumulative weight reaches q of the total (as weighted_quantile).
template <class Value>
std::optional<double> quantile_in_order(const std::vector<std::uint32_t>& order, const std::vector<double>& weight,
                                        double total, double q, Value value) {
    if (total <= 0) return std::nullopt;
    double acc = 0;
    for (std::uint32_t u : order) {
        if (weight[u] <= 0) continue;
        acc += weight[u];
        if (acc >= q * total - 1e-9 * total) {
            const double v = value(u);
            return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
        }
    }
    return std::nullopt;
}

/// One row from the units of an area (`order`), weighted by `weight` (target-group residents).
AccessRow summarise(const AreaOrder& order, const std::vector<double>& weight, const ServiceAccess& sa,
                    const std::string& group) {
    AccessRow r;
    r.service_type = sa.service_type;
    r.target_group = group;
    r.threshold_min = sa.threshold_min;
    double sum_t = 0, sum_d = 0, reached_w = 0;
    for (std::uint32_t u : order.by_time) {
        const double w = weight[u];
        if (w <= 0) continue;
        const UnitTime& t = sa.per_unit[u];
        r.target_population += w;
        if (t.provider == geo::invalid_index) {
            r.unreachable += w;
            continue;
        }
        const double tm = t.time_s / 60.0;
        if (tm <= sa.threshold_min) r.within_threshold += w;
        sum_t += tm * w;
        sum_d += t.distance_m * w;
        reached_w += w;
    }
    // (a share: sums of float weights must not print as 100.00000000000001 %)
    if (r.target_population > 0) r.share_within = std::clamp(r.within_threshold / r.target_population, 0.0, 1.0);
    if (reached_w > 0) {
        r.mean_min = sum_t / reached_w;
        r.mean_m = sum_d / reached_w;
    }
    auto minutes = [&](std::uint32_t u) { return sa.per_unit[u].time_s / 60.0; };
    auto metres = [&](std::uint32_t u) { return static_cast<double>(sa.per_unit[u].distance_m); };
    r.median_min = quantile_in_order(order.by_time, weight, r.target_population, 0.5, minutes);
    r.p90_min = quantile_in_order(order.by_time, weight, r.target_population, 0.9, minutes);
    r.median_m = quantile_in_order(order.by_distance, weight, r.target_population, 0.5, metres);
    r.p90_m = quantile_in_order(order.by_distance, weight, r.target_population, 0.9, metres);
    return r;
}

/// True when every unit of ward w has the same time and distance (to the bit) in both.
bool same_times(const std::vector<std::size_t>& ward_units, const ServiceAccess& a, const ServiceAccess& b) {
    for (std::size_t u : ward_units) {
        const UnitTime &x = a.per_unit[u], &y = b.per_unit[u];
        if (std::memcmp(&x.time_s, &y.time_s, sizeof x.time_s) != 0 ||
            std::memcmp(&x.distance_m, &y.distance_m, sizeof x.distance_m) != 0)
            return false;
    }
    return true;
}

/// The orders of several areas (each ascending by value, then index) merged into one:
/// pairwise rounds on packed keys, O(n log k).
template <class Value>
std::vector<std::uint32_t> merged(const std::vector<const std::vector<std::uint32_t>*>& parts, Value value) {
    std::vector<std::vector<std::uint64_t>> runs;
    for (const auto* part : parts) {
        std::vector<std::uint64_t> keys(part->size());
        for (std::size_t i = 0; i < part->size(); ++i) keys[i] = packed_key(value((*part)[i]), (*part)[i]);
        runs.push_back(std::move(keys));
    }
    while (runs.size() > 1) {
        std::vector<std::vector<std::uint64_t>> next;
        for (std::size_t i = 0; i + 1 < runs.size(); i += 2) {
            std::vector<std::uint64_t> m(runs[i].size() + runs[i + 1].size());
            std::merge(runs[i].begin(), runs[i].end(), runs[i + 1].begin(), runs[i + 1].end(), m.begin());
            next.push_back(std::move(m));
        }
        if (runs.size() % 2) next.push_back(std::move(runs.back()));
        runs.swap(next);
    }
    std::vector<std::uint32_t> out(runs.empty() ? 0 : runs.front().size());
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<std::uint32_t>(runs.front()[i]);
    return out;
}

} // namespace

namespace detail {

void summarise_rows(const Context& c, ServiceAccess& sa, const ServiceAccess* prev) {
    const StudyArea& s = c.s;
    const auto& units = c.routing.units();
    auto time_of = [&](std::size_t u) { return sa.per_unit[u].time_s; };
    auto distance_of = [&](std::size_t u) { return sa.per_unit[u].distance_m; };
    // Sort each ward's units once (or take the previous order where no time changed); a
    // municipality's order is its wards' orders merged.
    auto orders = std::make_shared<SummaryOrders>();
    orders->ward.resize(s.wards.size());
    const bool can_reuse = prev && prev->orders && prev->orders->ward.size() == s.wards.size() &&
                           prev->per_unit.size() == sa.per_unit.size();
    std::map<std::string, std::vector<std::size_t>> wards_of;
    std::set<std::string> changed; // municipalities with a ward whose times changed
    for (std::size_t w = 0; w < s.wards.size(); ++w) {
        AreaOrder& o = orders->ward[w];
        wards_of[s.wards[w].municipality].push_back(w);
        if (can_reuse && same_times(c.units_of_ward[w], sa, *prev)) {
            o = prev->orders->ward[w];
            continue;
        }
        sort_units(c.units_of_ward[w], time_of, o.by_time);
        sort_units(c.units_of_ward[w], distance_of, o.by_distance);
        changed.insert(s.wards[w].municipality);
    }
    for (const auto& [mun, wards] : wards_of) {
        AreaOrder& m = orders->municipality[mun];
        const auto old = can_reuse ? prev->orders->municipality.find(mun) : orders->municipality.end();
        if (can_reuse && !changed.count(mun) && old != prev->orders->municipality.end()) {
            m = old->second;
            continue;
        }
        std::vector<const std::vector<std::uint32_t>*> by_time, by_distance;
        for (std::size_t w : wards) {
            by_time.push_back(&orders->ward[w].by_time);
            by_distance.push_back(&orders->ward[w].by_distance);
        }
        m.by_time = merged(by_time, time_of);
        m.by_distance = merged(by_distance, distance_of);
    }
    const std::map<std::string, AreaOrder>& muni_order = orders->municipality;
    const std::vector<AreaOrder>& ward_order = orders->ward;
    std::vector<double> weight(units.size());
    for (const std::string& group : sa.target_groups) {
        std::vector<char> estimated(s.wards.size(), 0);
        for (std::size_t w = 0; w < s.wards.size(); ++w) {
            bool est = false;
            const double share = ward_group_share(s, s.wards[w], group, est);
            estimated[w] = est;
            for (std::size_t u : c.units_of_ward[w]) weight[u] = units[u].population * share;
        }
        for (std::size_t w = 0; w < s.wards.size(); ++w) {
            AccessRow r = summarise(ward_order[w], weight, sa, group);
            r.level = AreaLevel::ward;
            r.area_code = s.wards[w].code;
            r.area_name = s.wards[w].name;
            r.municipality = s.wards[w].municipality;
            r.estimated = estimated[w];
            sa.rows.push_back(r);
        }
        for (const auto& [mun, order] : muni_order) {
            AccessRow r = summarise(order, weight, sa, group);
            r.level = AreaLevel::municipality;
            r.area_code = r.area_name = r.municipality = mun;
            r.estimated = group != "residents";
            sa.rows.push_back(r);
        }
    }
    sa.orders = std::move(orders);
}

} // namespace detail

} // namespace apreptis::model
