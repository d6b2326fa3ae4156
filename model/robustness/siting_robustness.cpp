#include "model/robustness/siting_robustness.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <numeric>

#include "model/capacity/capacity_allocation.hpp"
#include "model/coverage.hpp"
#include "model/errors.hpp"
#include "model/parallel.hpp"
#include "model/robustness/rank_summary.hpp"

namespace apreptis::model {

SitingRobustness analyse_siting_robustness(const StudyArea& s, const RoutingIndex& routing, const Demand& demand,
                                           const Supply& supply, const SitingResult& suggested,
                                           const SitingSettings& siting, const RobustnessSettings& st,
                                           double nominal_kmh, bool several_speeds) {
    const auto t0 = std::chrono::steady_clock::now();
    if (st.runs < 1) throw DataError("[robustness] runs must be at least 1");
    if (st.speed_kmh && several_speeds)
        throw DataError("[robustness] speed_kmh: a driving network's times are not at one speed (each road has its "
                        "own); vary the speed with a walking profile or without a network");
    SitingRobustness res;
    res.settings = st;
    const std::size_t k = suggested.sites.size();
    if (k == 0) return res;
    const auto& units = routing.units();

    // One reach per supply point, out to the farthest any run can go: the longest threshold at
    // the fastest speed (a run's times are the base times / its speed factor).
    double max_threshold_s = siting.threshold_s;
    for (double t : st.thresholds_min) max_threshold_s = std::max(max_threshold_s, t * 60);
    const double max_factor = st.speed_kmh ? std::max(1.0, st.speed_kmh->second / nominal_kmh) : 1.0;
    const double cutoff = max_threshold_s * max_factor;
    std::vector<geo::XY> points;
    for (std::size_t p : supply.providers) points.push_back(*s.providers[p].point);
    for (const SuggestedSite& site : suggested.sites) points.push_back(site.location);
    const ReachMatrix reach = build_reach_matrix(routing, points, cutoff, siting.walk_mps);
    const std::size_t np = supply.providers.size();

    // Estimated group sizes per ward (as the robustness runs: counts from a source are not varied).
    std::vector<char> estimated(s.wards.size(), 0);
    for (std::size_t w = 0; w < s.wards.size(); ++w) {
        bool est = false;
        ward_group_share(s, s.wards[w], demand.target_group, est);
        estimated[w] = est;
    }

    // gain[run][site], rank[run][site] (site: the suggestion's index)
    std::vector<std::vector<double>> gain(st.runs, std::vector<double>(k, 0));
    std::vector<std::vector<std::size_t>> rank(st.runs, std::vector<std::size_t>(k, 0));
    std::vector<std::function<void()>> jobs;
    for (std::size_t run = 0; run < st.runs; ++run)
        jobs.push_back([&, run] {
            const GlobalDraw g = draw_global(st, run, nominal_kmh);
            // times / speed factor <= threshold  <=>  times <= threshold x speed factor
            const double threshold_s =
                (g.threshold_min ? *g.threshold_min * 60 : siting.threshold_s) * g.speed_factor;
            std::vector<double> d = demand.per_unit;
            if (st.group_relative > 0) {
                std::vector<double> factor(s.wards.size(), 1.0);
                for (std::size_t w = 0; w < s.wards.size(); ++w)
                    if (estimated[w]) factor[w] = draw_group_factor(st, run, s.wards[w].code, demand.target_group);
                for (std::size_t u = 0; u < units.size(); ++u) d[u] *= factor[units[u].ward];
            }
            auto served = [&](const std::vector<std::size_t>& sites) {
                ReachMatrix m;
                m.method = reach.method;
                m.cutoff_s = reach.cutoff_s;
                m.first.push_back(0);
                std::vector<double> cap;
                std::vector<std::string> keys;
                auto add = [&](std::size_t point, double capacity, std::string key) {
                    const auto row = reach.row(point);
                    m.entries.insert(m.entries.end(), row.begin(), row.end());
                    m.first.push_back(static_cast<std::uint32_t>(m.entries.size()));
                    cap.push_back(capacity);
                    keys.push_back(std::move(key));
                };
                for (std::size_t i = 0; i < np; ++i) // fixed order; each provider's places drawn by its id
                    add(i, draw_places(st, run, s.providers[supply.providers[i]].id, supply.capacity[i]),
                        "P" + std::to_string(i));
                for (std::size_t j : sites) add(np + j, siting.places, "S" + std::to_string(j));
                const AllocationResult a = allocate_capacity(d, cap, m, threshold_s, keys);
                return std::accumulate(a.served.begin(), a.served.end(), 0.0);
            };
            // greedy over the k sites: each step the one that adds the most (ties: the earlier suggestion)
            std::vector<std::size_t> chosen;
            std::vector<char> taken(k, 0);
            double before = served({});
            for (std::size_t step = 0; step < k; ++step) {
                std::size_t best = k;
                double best_served = 0;
                for (std::size_t j = 0; j < k; ++j) {
                    if (taken[j]) continue;
                    chosen.push_back(j);
                    const double v = served(chosen);
                    chosen.pop_back();
                    if (best == k || v > best_served + 1e-9 * std::max(1.0, demand.total)) {
                        best = j;
                        best_served = v;
                    }
                }
                taken[best] = 1;
                chosen.push_back(best);
                gain[run][best] = best_served - before;
                rank[run][best] = step + 1;
                before = best_served;
            }
        });
    run_in_parallel(jobs);

    for (std::size_t j = 0; j < k; ++j) {
        const SuggestedSite& site = suggested.sites[j];
        SiteRobustness r;
        r.rank = site.rank;
        r.location = site.location;
        r.gain = site.marginal_gain;
        std::vector<double> gains(st.runs);
        std::size_t same = 0;
        r.rank_min = k;
        for (std::size_t run = 0; run < st.runs; ++run) {
            gains[run] = gain[run][j];
            same += rank[run][j] == static_cast<std::size_t>(site.rank);
            r.rank_min = std::min(r.rank_min, rank[run][j]);
            r.rank_max = std::max(r.rank_max, rank[run][j]);
        }
        std::sort(gains.begin(), gains.end());
        r.median = nearest_rank(gains, 0.5);
        r.p05 = nearest_rank(gains, 0.05);
        r.p95 = nearest_rank(gains, 0.95);
        r.p_same_rank = static_cast<double>(same) / static_cast<double>(st.runs);
        res.sites.push_back(r);
    }

    char buf[200];
    if (!st.thresholds_min.empty()) res.varied.push_back(describe_threshold_variation(st));
    if (st.speed_kmh) {
        std::snprintf(buf, sizeof buf, "travel speed: %.1f to %.1f km/h (the suggestion: %.1f km/h); reach scaled",
                      st.speed_kmh->first, st.speed_kmh->second, nominal_kmh);
        res.varied.push_back(buf);
    }
    if (st.group_relative > 0) {
        std::snprintf(buf, sizeof buf, "estimated target-group sizes per ward: +/- %.0f %% (uniform); demand scaled",
                      st.group_relative * 100);
        res.varied.push_back(buf);
    }
    if (st.capacity_places > 0) {
        std::snprintf(buf, sizeof buf, "places of the %zu existing providers: +/- %g each (uniform, at least 0)", np,
                      st.capacity_places);
        res.varied.push_back(buf);
    }
    if (st.move_ward_located)
        res.not_varied.push_back("providers located only to their ward: not in the capacity supply (only located "
                                 "providers are), so not moved");
    res.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return res;
}

} // namespace apreptis::model
