#include "model/robustness/robustness.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <functional>
#include <map>
#include <set>

#include "model/coverage.hpp"
#include "model/errors.hpp"
#include "model/parallel.hpp"
#include "model/robustness/rank_summary.hpp"
#include "model/scenario.hpp"

namespace apreptis::model {

const char* to_string(RobustIndicator i) { return i == RobustIndicator::share_within ? "share_within" : "beyond"; }

namespace {

/// A ward or a municipality: its units (indices into the RoutingIndex's).
struct Area {
    AreaLevel level;
    std::string code, name, municipality;
    std::size_t ward = 0; ///< for a ward
    std::vector<std::size_t> units;
};

/// A ranked service type and target group of the single run.
struct Pair {
    std::size_t service; ///< index into the single run's services
    std::string group;
    std::vector<double> weight;      ///< per unit: residents x the ward's group share (as access.cpp)
    std::vector<char> estimated;     ///< per ward
};

/// A unit's sort key: a non-negative float's bits, then the index (as access.cpp).
std::uint64_t time_key(const std::vector<UnitTime>& per_unit, std::size_t u) {
    float v = per_unit[u].time_s;
    if (v == 0.0f) v = 0.0f; // -0 would sort last
    std::uint32_t bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    return (static_cast<std::uint64_t>(bits) << 32) | static_cast<std::uint32_t>(u);
}

/// Per area, its units in ascending time, ties by index: the order access.cpp sums in (so that
/// a run that varies nothing gives the single run's figures to the bit). Wards are sorted; a
/// municipality's order is its wards' merged.
std::vector<std::vector<std::uint32_t>> time_orders(const std::vector<Area>& areas, const std::vector<UnitTime>& per_unit) {
    std::vector<std::vector<std::uint64_t>> keys(areas.size());
    std::map<std::string, std::vector<std::uint64_t>*> muni;
    for (std::size_t a = 0; a < areas.size(); ++a)
        if (areas[a].level == AreaLevel::municipality) muni[areas[a].code] = &keys[a];
    for (std::size_t a = 0; a < areas.size(); ++a) {
        if (areas[a].level != AreaLevel::ward) continue;
        auto& k = keys[a];
        k.reserve(areas[a].units.size());
        for (std::size_t u : areas[a].units) k.push_back(time_key(per_unit, u));
        std::sort(k.begin(), k.end());
        std::vector<std::uint64_t>& m = *muni.at(areas[a].municipality);
        const auto mid = static_cast<std::ptrdiff_t>(m.size());
        m.insert(m.end(), k.begin(), k.end());
        std::inplace_merge(m.begin(), m.begin() + mid, m.end());
    }
    std::vector<std::vector<std::uint32_t>> out(areas.size());
    for (std::size_t a = 0; a < areas.size(); ++a) {
        out[a].resize(keys[a].size());
        for (std::size_t i = 0; i < keys[a].size(); ++i) out[a][i] = static_cast<std::uint32_t>(keys[a][i]);
    }
    return out;
}

/// A moved run's orders: a ward whose units' times are all the single run's keeps the single
/// run's order; only the others are sorted again. `changed` says which wards were.
struct RunOrders {
    std::vector<std::vector<std::uint32_t>> sorted; ///< per area; empty where the single run's order holds
    std::vector<char> changed;                      ///< per area (a municipality: any of its wards)
};

RunOrders run_orders(const std::vector<Area>& areas, const std::vector<UnitTime>& single, const std::vector<UnitTime>& now) {
    RunOrders r{std::vector<std::vector<std::uint32_t>>(areas.size()), std::vector<char>(areas.size(), 0)};
    std::map<std::string, std::size_t> muni;
    for (std::size_t a = 0; a < areas.size(); ++a)
        if (areas[a].level == AreaLevel::municipality) muni[areas[a].code] = a;
    std::vector<std::uint64_t> keys;
    for (std::size_t a = 0; a < areas.size(); ++a) {
        if (areas[a].level != AreaLevel::ward) continue;
        const auto& us = areas[a].units;
        const bool same = std::all_of(us.begin(), us.end(), [&](std::size_t u) {
            return single[u].time_s == now[u].time_s && (single[u].provider == geo::invalid_index) ==
                                                            (now[u].provider == geo::invalid_index);
        });
        if (same) continue;
        r.changed[a] = 1;
        r.changed[muni.at(areas[a].municipality)] = 1;
        keys.clear();
        for (std::size_t u : us) keys.push_back(time_key(now, u));
        std::sort(keys.begin(), keys.end());
        r.sorted[a].resize(keys.size());
        for (std::size_t i = 0; i < keys.size(); ++i) r.sorted[a][i] = static_cast<std::uint32_t>(keys[i]);
    }
    return r;
}

struct Figures {
    double target = 0, within = 0;
};

Figures evaluate(const std::vector<std::uint32_t>& order, const std::vector<double>& weight,
                 const std::vector<double>& unit_factor, const std::vector<UnitTime>& per_unit, double threshold_min,
                 double speed_factor) {
    Figures f;
    for (std::uint32_t u : order) {
        const double w = weight[u] * unit_factor[u];
        if (w <= 0) continue;
        f.target += w;
        const UnitTime& t = per_unit[u];
        if (t.provider == geo::invalid_index) continue;
        const double tm = (t.time_s / speed_factor) / 60.0;
        if (tm <= threshold_min) f.within += w;
    }
    return f;
}

/// Ward-located providers that can be moved, with the points of their ward to choose from.
struct Movable {
    std::string id;
    std::vector<geo::XY> candidates; ///< sorted by x, then y
};

std::vector<Movable> movable_providers(const StudyArea& s, const RoutingIndex& routing) {
    std::vector<Movable> out;
    std::map<std::string, std::vector<geo::XY>> points_of; // ward code -> unit points
    for (const PopulationUnit& u : routing.units()) points_of[s.wards[u.ward].code].push_back(u.point);
    for (const Provider& p : s.providers) {
        if (p.point || p.precision != LocationPrecision::ward || p.ward_code.empty()) continue;
        auto it = points_of.find(p.ward_code);
        if (it == points_of.end() || it->second.empty()) continue;
        Movable m{p.id, it->second};
        std::sort(m.candidates.begin(), m.candidates.end(),
                  [](const geo::XY& a, const geo::XY& b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
        out.push_back(std::move(m));
    }
    std::sort(out.begin(), out.end(), [](const Movable& a, const Movable& b) { return a.id < b.id; });
    return out;
}

} // namespace

RobustnessResult analyse_robustness(const StudyArea& s, const RoutingIndex& routing, const AccessSettings& access,
                                    const AccessAnalysis& single, const RobustnessSettings& st) {
    const auto t0 = std::chrono::steady_clock::now();
    RobustnessResult res;
    res.settings = st;
    if (st.runs < 1) throw DataError("[robustness] runs must be at least 1");
    if (st.k_worst < 1) throw DataError("[robustness] k_worst must be at least 1");
    if (st.speed_kmh && !routing.travel().one_speed(access.profile))
        throw DataError("[robustness] speed_kmh: a driving network's times are not at one speed (each road has its "
                        "own); vary the speed with a walking profile or without a network");
    res.nominal_kmh = routing.travel().speed_mps(access) * 3.6;
    const auto& units = routing.units();

    // The areas: wards, then municipalities (their units in ward order, as access.cpp has them).
    std::vector<Area> areas;
    std::map<std::string, std::size_t> muni_area;
    for (std::size_t w = 0; w < s.wards.size(); ++w)
        areas.push_back({AreaLevel::ward, s.wards[w].code, s.wards[w].name, s.wards[w].municipality, w, {}});
    for (const Ward& w : s.wards) muni_area.emplace(w.municipality, 0);
    for (auto& [mun, index] : muni_area) { // by name: no input order decides theirs
        index = areas.size();
        areas.push_back({AreaLevel::municipality, mun, mun, mun, 0, {}});
    }
    for (std::size_t u = 0; u < units.size(); ++u) {
        areas[units[u].ward].units.push_back(u);
        areas[muni_area[s.wards[units[u].ward].municipality]].units.push_back(u);
    }

    // The pairs ranked: every service type and target group of the single run.
    std::vector<Pair> pairs;
    for (std::size_t i = 0; i < single.services.size(); ++i)
        for (const std::string& g : single.services[i].target_groups) {
            Pair p{i, g, std::vector<double>(units.size()), std::vector<char>(s.wards.size(), 0)};
            for (std::size_t w = 0; w < s.wards.size(); ++w) {
                bool est = false;
                const double share = ward_group_share(s, s.wards[w], g, est);
                p.estimated[w] = est;
                for (std::size_t u : areas[w].units) p.weight[u] = units[u].population * share;
            }
            pairs.push_back(std::move(p));
        }

    // Per municipality, its wards by code: a moved run sums a changed municipality from them.
    std::vector<std::vector<std::size_t>> muni_wards(areas.size());
    for (std::size_t w = 0; w < s.wards.size(); ++w) muni_wards[muni_area[s.wards[w].municipality]].push_back(w);
    for (auto& v : muni_wards)
        std::sort(v.begin(), v.end(), [&](std::size_t x, std::size_t y) { return areas[x].code < areas[y].code; });

    // The single run's orders per service and area.
    std::vector<std::vector<std::vector<std::uint32_t>>> base_order(single.services.size());
    for (std::size_t i = 0; i < single.services.size(); ++i) base_order[i] = time_orders(areas, single.services[i].per_unit);

    // Ward-located providers are moved when they offer a type ranked here: a type with no
    // located provider has no single-run figure to compare with (and is not ranked).
    std::set<std::string> ranked_types;
    for (const ServiceAccess& sa : single.services) ranked_types.insert(sa.service_type);
    std::vector<Movable> movable;
    std::set<std::string> moved_types; // service types a moved provider offers
    if (st.move_ward_located)
        for (Movable& m : movable_providers(s, routing)) {
            std::set<std::string> types;
            for (const ServiceLine& l : s.lines)
                if (s.providers[l.provider].id == m.id && ranked_types.count(l.service_type)) types.insert(l.service_type);
            if (types.empty()) {
                ++res.ward_located_not_ranked;
                continue;
            }
            moved_types.insert(types.begin(), types.end());
            movable.push_back(std::move(m));
        }
    res.ward_located_moved = movable.size();
    AccessSettings run_access = access;
    run_access.catchments = CatchmentScope::none; // no run draws a map
    run_access.times_only = true;                 // nor reads the engine's rows: its times only

    // values[run][(pair * areas + area) * 2 + indicator]
    const std::size_t per_run = pairs.size() * areas.size() * 2;
    std::vector<std::vector<double>> values(st.runs, std::vector<double>(per_run, 0.0));
    const PreviousAccess previous{s, single};
    std::vector<std::function<void()>> jobs;
    for (std::size_t run = 0; run < st.runs; ++run)
        jobs.push_back([&, run] {
            const GlobalDraw g = draw_global(st, run, res.nominal_kmh);
            std::optional<StudyArea> moved;
            std::optional<AccessAnalysis> moved_access;
            if (!movable.empty()) {
                Scenario sc;
                for (const Movable& m : movable) {
                    ScenarioEdit e;
                    e.kind = ScenarioEdit::Kind::move;
                    e.provider_id = m.id;
                    e.point = m.candidates[draw_point_index(st, run, m.id, m.candidates.size())];
                    e.origin = "robustness run " + std::to_string(run + 1);
                    sc.edits.push_back(std::move(e));
                }
                moved.emplace(s);
                apply_scenario(*moved, sc);
                moved_access = analyse_access(*moved, routing, run_access, &previous);
            }
            // per service type: its times and orders in this run (the single run's unless moved)
            std::vector<const std::vector<UnitTime>*> times(single.services.size());
            std::vector<std::optional<RunOrders>> orders(single.services.size());
            for (std::size_t i = 0; i < single.services.size(); ++i) {
                times[i] = &single.services[i].per_unit;
                if (moved_access && moved_types.count(single.services[i].service_type))
                    for (const ServiceAccess& sa : moved_access->services)
                        if (sa.service_type == single.services[i].service_type) {
                            times[i] = &sa.per_unit;
                            orders[i] = run_orders(areas, single.services[i].per_unit, sa.per_unit);
                        }
            }
            std::vector<Figures> fig(areas.size());
            for (std::size_t p = 0; p < pairs.size(); ++p) {
                const Pair& pair = pairs[p];
                const ServiceAccess& base = single.services[pair.service];
                const std::vector<UnitTime>* per_unit = times[pair.service];
                const std::optional<RunOrders>& run_order = orders[pair.service];
                std::vector<double> factor(units.size(), 1.0);
                if (st.group_relative > 0)
                    for (std::size_t w = 0; w < s.wards.size(); ++w)
                        if (pair.estimated[w]) {
                            const double f = draw_group_factor(st, run, s.wards[w].code, pair.group);
                            for (std::size_t u : areas[w].units) factor[u] = f;
                        }
                const double threshold = g.threshold_min.value_or(base.threshold_min);
                for (std::size_t a = 0; a < areas.size(); ++a) { // wards first, then municipalities
                    Figures& f = fig[a];
                    if (run_order && run_order->changed[a] && areas[a].level == AreaLevel::municipality) {
                        // its wards' sums, in the order of their codes (no input order decides)
                        f = {};
                        for (std::size_t w : muni_wards[a]) {
                            f.target += fig[w].target;
                            f.within += fig[w].within;
                        }
                    } else {
                        const bool own = run_order && run_order->changed[a];
                        f = evaluate(own ? run_order->sorted[a] : base_order[pair.service][a], pair.weight, factor,
                                     *per_unit, threshold, g.speed_factor);
                    }
                    const std::size_t slot = p * areas.size() + a;
                    values[run][slot * 2] =
                        f.target > 0 ? std::clamp(f.within / f.target, 0.0, 1.0) : 0.0; // as access.cpp
                    values[run][slot * 2 + 1] = std::max(0.0, f.target - f.within);
                }
            }
        });
    run_in_parallel(jobs);

    // The single run's own figures (nothing varied), for the rows' single_run and rank.
    std::vector<double> single_values(per_run, 0.0);
    std::vector<char> single_people(pairs.size() * areas.size(), 0);
    for (std::size_t p = 0; p < pairs.size(); ++p) {
        const ServiceAccess& base = single.services[pairs[p].service];
        const std::vector<double> ones(units.size(), 1.0);
        for (std::size_t a = 0; a < areas.size(); ++a) {
            const Figures f = evaluate(base_order[pairs[p].service][a], pairs[p].weight, ones, base.per_unit,
                                       base.threshold_min, 1.0);
            const std::size_t slot = p * areas.size() + a;
            single_people[slot] = f.target > 0;
            single_values[slot * 2] = f.target > 0 ? std::clamp(f.within / f.target, 0.0, 1.0) : 0.0;
            single_values[slot * 2 + 1] = std::max(0.0, f.target - f.within);
        }
    }

    // Ranks per run, level, pair and indicator; then the summaries.
    for (std::size_t p = 0; p < pairs.size(); ++p)
        for (RobustIndicator ind : {RobustIndicator::share_within, RobustIndicator::beyond})
            for (AreaLevel level : {AreaLevel::ward, AreaLevel::municipality}) {
                std::vector<std::size_t> members; // areas of the level with people of the group in the single run
                for (std::size_t a = 0; a < areas.size(); ++a)
                    if (areas[a].level == level && single_people[p * areas.size() + a]) members.push_back(a);
                if (members.empty()) continue;
                const std::size_t i = ind == RobustIndicator::share_within ? 0 : 1;
                auto value = [&](const std::vector<double>& v, std::size_t a) { return v[(p * areas.size() + a) * 2 + i]; };
                std::vector<RankInput> in(members.size());
                for (std::size_t m = 0; m < members.size(); ++m) {
                    in[m].code = areas[members[m]].code;
                    in[m].single = value(single_values, members[m]);
                    in[m].runs.resize(st.runs);
                    for (std::size_t r = 0; r < st.runs; ++r) in[m].runs[r] = value(values[r], members[m]);
                }
                const std::vector<RankSummary> sums =
                    summarise_ranks(in, ind == RobustIndicator::beyond, st.k_worst);
                for (std::size_t m = 0; m < members.size(); ++m) {
                    const Area& a = areas[members[m]];
                    RobustRow row;
                    row.level = level;
                    row.area_code = a.code;
                    row.area_name = a.name;
                    row.municipality = a.municipality;
                    row.service_type = single.services[pairs[p].service].service_type;
                    row.target_group = pairs[p].group;
                    row.indicator = ind;
                    row.single_run = in[m].single;
                    const RankSummary& q = sums[m];
                    row.single_rank = q.single_rank;
                    row.median = q.median;
                    row.p05 = q.p05;
                    row.p95 = q.p95;
                    row.rank_p05 = q.rank_p05;
                    row.rank_p95 = q.rank_p95;
                    row.rank_min = q.rank_min;
                    row.rank_max = q.rank_max;
                    row.ranked = members.size();
                    row.p_worst_k = q.p_worst_k;
                    row.robustly_underserved = q.p_worst_k >= st.robust_probability;
                    row.estimated = level == AreaLevel::ward ? pairs[p].estimated[a.ward] != 0
                                                             : pairs[p].group != "residents";
                    res.rows.push_back(std::move(row));
                }
            }

    char buf[200];
    if (!st.thresholds_min.empty()) res.varied.push_back(describe_threshold_variation(st, " (the same for every service type)"));
    if (st.speed_kmh) {
        std::snprintf(buf, sizeof buf, "travel speed: %.1f to %.1f km/h (the single run: %.1f km/h); times scaled",
                      st.speed_kmh->first, st.speed_kmh->second, res.nominal_kmh);
        res.varied.push_back(buf);
    }
    if (st.group_relative > 0) {
        std::snprintf(buf, sizeof buf, "estimated target-group sizes per ward: +/- %.0f %% (uniform)",
                      st.group_relative * 100);
        res.varied.push_back(buf);
    }
    if (st.capacity_places > 0) {
        std::snprintf(buf, sizeof buf,
                      "places per provider: +/- %g (changes no travel figure here; suggest --how-sure uses it)",
                      st.capacity_places);
        res.varied.push_back(buf);
    }
    if (st.move_ward_located) {
        res.varied.push_back(std::to_string(movable.size()) +
                             " providers located only to their ward: a random population point of the ward per run");
        if (res.ward_located_not_ranked)
            res.varied.push_back(std::to_string(res.ward_located_not_ranked) +
                                 " more located only to their ward offer no service type with a located provider: "
                                 "not moved (no single-run figure to compare with)");
    }
    res.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return res;
}

} // namespace apreptis::model
