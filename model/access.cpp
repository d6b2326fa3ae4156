#include "model/access.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <atomic>
#include <functional>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>

#include "geo/errors.hpp"

#include "geo/geom/geometry_ops.hpp"
#include "geo/geom/raster_area.hpp"
#include "geo/routing/allocation.hpp"
#include "geo/routing/catchment.hpp"
#include "geo/routing/nearest.hpp"
#include "model/parallel.hpp"
#include "model/travel/travel_times.hpp"

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

} // namespace

namespace {

/// What every service type of one analysis shares.
struct Context {
    const StudyArea& s;
    const RoutingIndex& routing;
    const AccessSettings& st;
    double walk;
    std::vector<std::vector<std::size_t>> units_of_ward;
    std::stop_token stop;
};

void check(const Context& c) {
    if (c.stop.stop_requested()) throw Cancelled();
}

/// The type's located providers and their target groups, in study order.
struct TypeInputs {
    std::vector<std::size_t> providers;
    std::vector<std::string> groups;
};

bool same_inputs(const ServiceAccess& prev, const StudyArea& prev_study, const TypeInputs& t, const StudyArea& s) {
    if (prev.providers.size() != t.providers.size() || prev.target_groups != t.groups) return false;
    for (std::size_t i = 0; i < t.providers.size(); ++i) {
        const Provider& a = prev_study.providers[prev.providers[i]];
        const Provider& b = s.providers[t.providers[i]];
        if (a.id != b.id || !a.point || !b.point || !(*a.point == *b.point)) return false;
    }
    return true;
}

/// Maps provider indices of the previous study to this one, by id.
class Remap {
public:
    /// One lookup by id per provider here, so that remapping every unit is an array read.
    Remap(const StudyArea& prev, const StudyArea& now) {
        std::unordered_map<std::string, std::size_t> index;
        for (std::size_t i = 0; i < now.providers.size(); ++i) index.emplace(now.providers[i].id, i);
        m_now.resize(prev.providers.size(), none);
        for (std::size_t i = 0; i < prev.providers.size(); ++i)
            if (auto it = index.find(prev.providers[i].id); it != index.end()) m_now[i] = it->second;
    }
    std::size_t operator()(std::size_t prev_index) const {
        const std::size_t i = m_now.at(prev_index);
        if (i == none) throw std::out_of_range("Remap: a provider of the previous analysis is gone");
        return i;
    }

private:
    static constexpr std::size_t none = static_cast<std::size_t>(-1);
    std::vector<std::size_t> m_now;
};

ServiceAccess reuse(const ServiceAccess& prev, const Remap& remap, bool times_only) {
    ServiceAccess sa;
    if (times_only) { // the times, not the rows, catchments, allocations nor orders
        sa.service_type = prev.service_type;
        sa.threshold_min = prev.threshold_min;
        sa.providers = prev.providers;
        sa.target_groups = prev.target_groups;
        sa.per_unit = prev.per_unit;
        sa.warnings = prev.warnings;
    } else {
        sa = prev;
    }
    for (auto& p : sa.providers) p = remap(p);
    for (auto& u : sa.per_unit)
        if (u.provider != geo::invalid_index) u.provider = static_cast<std::uint32_t>(remap(u.provider));
    for (auto& c : sa.catchments)
        if (c.provider != geo::invalid_index) c.provider = remap(c.provider);
    for (auto& z : sa.allocations) z.provider = remap(z.provider);
    return sa;
}

/// The bands in seconds.
std::vector<double> band_seconds(const Context& c) {
    std::vector<double> secs;
    for (double b : c.st.catchment_bands_min) secs.push_back(b * 60.0);
    return secs;
}

/// Catchments of one provider, per band: where the method reaches it from (with a network, the
/// streets it is reached from drawn once into one raster for all bands; else circles).
std::vector<Catchment> provider_catchments(const Context& c, SourceSearch& search, std::size_t i, const std::string& type,
                                           std::size_t provider) {
    std::vector<Catchment> out;
    auto areas = search.source_areas(i, band_seconds(c), c.st.catchment_buffer_m);
    for (std::size_t b = 0; b < areas.size(); ++b)
        out.push_back({provider, type, c.st.catchment_bands_min[b], std::move(areas[b])});
    return out;
}

/// A service type's areas, per band: where its nearest provider is within the band (with a
/// network, from the times the multi-source search left: the union of the providers'
/// catchments, without a search per provider; else the union of their circles).
std::vector<Catchment> service_catchments(const Context& c, SourceSearch& search, const std::string& type) {
    std::vector<Catchment> out;
    auto areas = search.service_areas(band_seconds(c), c.st.catchment_buffer_m);
    for (std::size_t b = 0; b < areas.size(); ++b)
        out.push_back({geo::invalid_index, type, c.st.catchment_bands_min[b], std::move(areas[b])});
    return out;
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

/// One service type from scratch, reusing the catchments of providers that did not move.
ServiceAccess compute_service(const Context& c, const std::string& type, const TypeInputs& t,
                              const ServiceAccess* prev, const StudyArea* prev_study, std::size_t& catchments_done) {
    const StudyArea& s = c.s;
    ServiceAccess sa;
    sa.service_type = type;
    sa.threshold_min = service_threshold_min(s, c.st, type);
    sa.providers = t.providers;
    sa.target_groups = t.groups;
    // catchments of the previous analysis by provider id, kept when the provider stayed put
    std::map<std::string, std::vector<Catchment>> old_catchments;
    if (prev)
        for (const Catchment& k : prev->catchments) {
            if (k.provider == geo::invalid_index) continue; // a service's area: drawn again
            const Provider& p = prev_study->providers[k.provider];
            old_catchments[p.id].push_back(k);
        }
    auto reusable = [&](std::size_t i) -> const std::vector<Catchment>* {
        const Provider& p = s.providers[t.providers[i]];
        auto it = old_catchments.find(p.id);
        if (it == old_catchments.end()) return nullptr;
        const Provider& q = prev_study->providers[it->second.front().provider];
        return q.point && p.point && *q.point == *p.point ? &it->second : nullptr;
    };
    const bool per_provider = c.st.catchments == CatchmentScope::provider;
    auto add_catchments = [&](std::size_t i, SourceSearch& search) {
        if (!per_provider) return;
        check(c);
        if (const auto* old = reusable(i)) {
            for (Catchment k : *old) {
                k.provider = t.providers[i];
                sa.catchments.push_back(std::move(k));
            }
            return;
        }
        auto ks = provider_catchments(c, search, i, type, t.providers[i]);
        sa.catchments.insert(sa.catchments.end(), std::make_move_iterator(ks.begin()), std::make_move_iterator(ks.end()));
        ++catchments_done;
    };

    std::vector<geo::XY> points;
    std::vector<std::string> who;
    for (std::size_t p : t.providers) {
        points.push_back(*s.providers[p].point);
        who.push_back(type + ": provider " + s.providers[p].id + " " + s.providers[p].name);
    }
    // the nearest provider of every unit, then what the same search gives (the allocation of
    // the streets, the service's areas); per-provider catchments may search again: last
    auto search = c.routing.travel().search(points, who, c.st.road_clip, c.walk, sa.warnings);
    const std::vector<geo::Access> res = search->nearest();
    if (!c.st.times_only) {
        auto alloc = search->allocation();
        for (std::size_t i = 0; i < alloc.size(); ++i) sa.allocations.push_back({t.providers[i], type, std::move(alloc[i])});
    }
    check(c);
    if (c.st.catchments == CatchmentScope::service) sa.catchments = service_catchments(c, *search, type);
    for (std::size_t i = 0; i < t.providers.size(); ++i) add_catchments(i, *search);
    sa.per_unit.resize(res.size());
    for (std::size_t i = 0; i < res.size(); ++i)
        if (res[i].reachable())
            sa.per_unit[i] = {res[i].time_s, res[i].distance_m, static_cast<std::uint32_t>(t.providers[res[i].source])};
    check(c);
    if (!c.st.times_only) summarise_rows(c, sa, prev);
    return sa;
}

} // namespace

const char* to_string(CatchmentScope s) {
    switch (s) {
    case CatchmentScope::provider: return "provider";
    case CatchmentScope::service: return "service";
    case CatchmentScope::none: return "none";
    }
    return "?";
}

double service_threshold_min(const StudyArea& s, const AccessSettings& st, const std::string& type) {
    if (auto it = st.threshold_min.find(type); it != st.threshold_min.end()) return it->second;
    if (const ServiceType* t = s.catalogue.find_service(type); t && t->default_threshold_min)
        return *t->default_threshold_min;
    return 30.0;
}

AccessAnalysis analyse_access(const StudyArea& s, const RoutingIndex& routing, const AccessSettings& st,
                              const PreviousAccess* previous, std::stop_token stop) {
    const geo::RoadNetwork* network = routing.has_network() ? &routing.network() : nullptr;
    const std::vector<PopulationUnit>& units = routing.units();
    AccessAnalysis a;
    const double walk = routing.travel().speed_mps(st);
    a.method = routing.travel().method();
    a.catchments = st.catchments;
    a.method_label = routing.travel().describe(st.profile, walk);

    // Which service types have located providers (in study order); who is left out and why.
    std::map<std::string, TypeInputs> types;
    std::map<std::string, std::set<std::string>> groups_of;
    for (const ServiceLine& l : s.lines) {
        groups_of[l.service_type].insert(l.target_group);
        if (!s.providers[l.provider].point) continue;
        auto& v = types[l.service_type].providers;
        if (std::find(v.begin(), v.end(), l.provider) == v.end()) v.push_back(l.provider);
    }
    for (auto& [type, t] : types) {
        std::sort(t.providers.begin(), t.providers.end());
        t.groups.assign(groups_of[type].begin(), groups_of[type].end());
    }
    for (std::size_t i = 0; i < s.providers.size(); ++i)
        if (!s.providers[i].point)
            a.left_out.push_back({i, std::string("no coordinates (located to ") + to_string(s.providers[i].precision) + ")"});

    // People were snapped once when the inputs were loaded; every service type reuses that.
    if (network) {
        for (std::size_t u = 0; u < units.size(); ++u) {
            const auto& sp = routing.unit_snaps()[u];
            if (!sp.snapped) {
                a.units_not_snapped++;
                a.population_not_snapped += units[u].population;
            } else if (sp.component != network->largest_component) {
                a.units_off_main_network++;
                a.population_off_main_network += units[u].population;
            } else if (sp.passed_detached) {
                a.units_snapped_past_detached++;
                a.population_snapped_past_detached += units[u].population;
                a.max_leg_past_detached_m = std::max(a.max_leg_past_detached_m, sp.distance_m);
            }
        }
        if (a.units_not_snapped)
            a.warnings.push_back(std::to_string(a.units_not_snapped) + " population units (" +
                                 std::to_string(static_cast<long long>(std::round(a.population_not_snapped))) +
                                 " residents) are farther than " + std::to_string(static_cast<int>(routing.max_snap_distance_m())) +
                                 " m from any usable road: counted as unreachable");
        if (a.units_off_main_network)
            a.warnings.push_back(std::to_string(a.units_off_main_network) + " population units (" +
                                 std::to_string(static_cast<long long>(std::round(a.population_off_main_network))) +
                                 " residents) are on parts of the network not connected to the main one");
        if (a.units_snapped_past_detached)
            a.warnings.push_back(std::to_string(a.units_snapped_past_detached) + " population units (" +
                                 std::to_string(static_cast<long long>(std::round(a.population_snapped_past_detached))) +
                                 " residents) are attached to the main network (up to " +
                                 std::to_string(static_cast<long long>(std::round(a.max_leg_past_detached_m))) +
                                 " m away, walked): the road nearest to them is on a part not connected to it");
    }
    Context c{s, routing, st, walk, std::vector<std::vector<std::size_t>>(s.wards.size()), stop};
    for (std::size_t u = 0; u < units.size(); ++u) c.units_of_ward[units[u].ward].push_back(u);

    std::optional<Remap> remap;
    if (previous) remap.emplace(previous->study, s);
    // Reuse what did not change; search the rest, one service type per worker (each has its
    // own TravelQuery; the network, units and snaps are shared read-only).
    a.services.resize(types.size());
    std::vector<std::function<void()>> jobs;
    std::vector<std::size_t> catchments_done(types.size(), 0);
    std::size_t slot = 0;
    for (const auto& [type, t] : types) {
        const ServiceAccess* prev = nullptr;
        if (previous)
            for (const ServiceAccess& p : previous->access.services)
                if (p.service_type == type) prev = &p;
        if (prev && same_inputs(*prev, previous->study, t, s)) {
            a.services[slot++] = reuse(*prev, *remap, st.times_only);
            continue;
        }
        jobs.push_back([&, slot, prev, type = type, t = &t] {
            a.services[slot] = compute_service(c, type, *t, prev, previous ? &previous->study : nullptr,
                                               catchments_done[slot]);
        });
        ++slot;
        ++a.services_recomputed;
    }
    run_in_parallel(jobs);
    for (std::size_t n : catchments_done) a.catchments_recomputed += n;
    return a;
}

} // namespace apreptis::model
