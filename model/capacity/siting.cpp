#include "model/capacity/siting.hpp"

#include <algorithm>
#include <atomic>
#include <functional>
#include <chrono>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

#include "model/errors.hpp"
#include "model/optim/lp_problem.hpp"
#include "model/optim/max_flow.hpp"
#include "model/parallel.hpp"

namespace apreptis::model {

const char* to_string(SitingObjective o) { return o == SitingObjective::coverage ? "coverage" : "p_median"; }

namespace {

double sum(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

/// The existing providers plus a set of chosen candidates, as one allocation problem.
class Evaluator {
public:
    Evaluator(const Demand& d, const Supply& supply, const ReachMatrix& providers, const ReachMatrix& candidates,
              const SitingSettings& st)
        : m_d(d), m_supply(supply), m_providers(providers), m_candidates(candidates), m_st(st) {
        if (st.objective != SitingObjective::coverage) return;
        // the candidate reach transposed (unit -> candidates, ascending): the coverage score
        // then reads only the units left unserved, a fraction of all entries
        m_first.assign(d.per_unit.size() + 1, 0);
        for (const ReachEntry& e : candidates.entries)
            if (e.time_s <= st.threshold_s) ++m_first[e.unit + 1];
        for (std::size_t u = 1; u < m_first.size(); ++u) m_first[u] += m_first[u - 1];
        m_reaching.resize(m_first.back());
        std::vector<std::uint32_t> pos(m_first.begin(), m_first.end() - 1);
        for (std::size_t c = 0; c < candidates.points(); ++c)
            for (const ReachEntry& e : candidates.row(c))
                if (e.time_s <= st.threshold_s) m_reaching[pos[e.unit]++] = static_cast<std::uint32_t>(c);
    }

    AllocationResult solve(const std::vector<std::size_t>& chosen) const {
        ReachMatrix m = m_providers;
        std::vector<double> cap = m_supply.capacity;
        std::vector<std::string> keys;
        for (std::size_t i = 0; i < cap.size(); ++i) keys.push_back("P" + std::to_string(i)); // fixed order
        for (std::size_t c : chosen) {
            const auto row = m_candidates.row(c);
            m.entries.insert(m.entries.end(), row.begin(), row.end());
            m.first.push_back(static_cast<std::uint32_t>(m.entries.size()));
            cap.push_back(m_st.places);
            keys.push_back("S" + std::to_string(c));
        }
        m_solved.fetch_add(1);
        return allocate_capacity(m_d.per_unit, cap, m, m_st.threshold_s, keys);
    }

    /// Better by the objective: more served; then (p-median, or equal service) less time.
    bool better(const AllocationResult& a, const AllocationResult& b) const {
        const double sa = sum(a.served), sb = sum(b.served);
        const double tol = 1e-9 * std::max(1.0, m_d.total);
        if (sa > sb + tol) return true;
        if (sa < sb - tol) return false;
        return a.total_time_s < b.total_time_s - 1e-6;
    }

    /// Per unit, the demand the state leaves unserved (no capacity or too far).
    static std::vector<double> unserved(const AllocationResult& a) {
        std::vector<double> u(a.no_capacity.size());
        for (std::size_t i = 0; i < u.size(); ++i) u[i] = a.no_capacity[i] + a.too_far[i];
        return u;
    }

    /// p-median greedy score of a candidate given the state's unserved demand per unit: time
    /// saved for the demand it could take, the unserved counting as a full threshold.
    double p_median_score(std::size_t c, const std::vector<double>& unserved) const {
        double s = 0, taken = 0;
        for (const ReachEntry& e : m_candidates.row(c)) {
            if (e.time_s > m_st.threshold_s || taken >= m_st.places) continue;
            const double take = std::min(unserved[e.unit], m_st.places - taken);
            s += take * (m_st.threshold_s * 2 - e.time_s); // serving someone beats any time saved
            taken += take;
        }
        return s;
    }

    /// Greedy scores of all candidates not taken (-1 for taken ones). Coverage: the unserved
    /// demand within reach, capped at the places; p-median: p_median_score.
    std::vector<double> scores(const AllocationResult& a, const std::vector<char>& taken) const {
        const std::vector<double> open = unserved(a);
        if (m_st.objective == SitingObjective::coverage) {
            // the unserved demand within reach of each candidate, capped at its places (the
            // sums run in ascending unit, as along a row)
            std::vector<double> sum(taken.size(), 0);
            for (std::size_t u = 0; u < open.size(); ++u)
                if (open[u] > 0)
                    for (std::uint32_t k = m_first[u]; k < m_first[u + 1]; ++k) sum[m_reaching[k]] += open[u];
            for (std::size_t c = 0; c < taken.size(); ++c) sum[c] = taken[c] ? -1 : std::min(sum[c], m_st.places);
            return sum;
        }
        std::vector<double> out(taken.size(), -1);
        const std::size_t parts = 8;
        std::vector<std::function<void()>> jobs;
        for (std::size_t k = 0; k < parts; ++k)
            jobs.push_back([&, k] {
                for (std::size_t c = taken.size() * k / parts; c < taken.size() * (k + 1) / parts; ++c)
                    if (!taken[c]) out[c] = p_median_score(c, open);
            });
        run_in_parallel(jobs);
        return out;
    }

    std::size_t solved() const { return m_solved; }

private:
    const Demand& m_d;
    const Supply& m_supply;
    const ReachMatrix& m_providers;
    const ReachMatrix& m_candidates;
    const SitingSettings& m_st;
    std::vector<std::uint32_t> m_first, m_reaching; // CSR: unit u is reached by m_reaching[m_first[u] ..]
    mutable std::atomic<std::size_t> m_solved{0};
};

std::size_t best_candidate(const Evaluator& ev, const AllocationResult& state, const std::vector<char>& taken) {
    const std::vector<double> score = ev.scores(state, taken);
    std::size_t best = taken.size();
    double best_score = -1;
    for (std::size_t c = 0; c < taken.size(); ++c)
        if (!taken[c] && score[c] > best_score) { // strict: ties go to the lower index
            best_score = score[c];
            best = c;
        }
    return best;
}

/// An upper bound on the demand any k sites can serve: the LP relaxation of capacitated
/// maximal covering over demand cells. With x_c in [0, 1] and at most k x places, that LP is a
/// maximum flow: demand cells -> existing providers (their places) or candidates (places each)
/// -> one arc "new sites" of k x places -> sink; so it is solved as one (exactly, in integers
/// rounded up, so still a bound) instead of by simplex. A cell reaches a supplier when any of
/// its units does, so the flow relaxes the unit problem too.
std::pair<double, std::string> coverage_bound(const RoutingIndex& routing, const Demand& d, const Supply& supply,
                                              const ReachMatrix& providers, const ReachMatrix& candidates,
                                              const SitingSettings& st) {
    const auto& units = routing.units();
    constexpr double scale = 1000; // thousandths of a person
    auto up = [&](double v) { return static_cast<long long>(std::ceil(v * scale)); };
    double cell = std::max(25.0, st.threshold_s * st.walk_mps / 8);
    for (int attempt = 0; attempt < 10; ++attempt, cell *= 2) {
        std::unordered_map<std::int64_t, std::uint32_t> group_of_cell;
        std::vector<std::uint32_t> group(units.size(), UINT32_MAX);
        std::vector<double> group_demand;
        for (std::size_t u = 0; u < units.size(); ++u) {
            if (d.per_unit[u] <= 0) continue;
            const auto cx = static_cast<std::int64_t>(std::floor(units[u].point.x / cell));
            const auto cy = static_cast<std::int64_t>(std::floor(units[u].point.y / cell));
            auto [it, fresh] = group_of_cell.try_emplace((cx << 32) ^ (cy & 0xffffffff),
                                                         static_cast<std::uint32_t>(group_demand.size()));
            if (fresh) group_demand.push_back(0);
            group[u] = it->second;
            group_demand[it->second] += d.per_unit[u];
        }
        // (group, supplier) pairs: any unit of the group within the threshold
        std::vector<std::vector<std::uint32_t>> reach_groups;
        std::size_t arcs = 0;
        std::vector<std::uint32_t> seen(group_demand.size(), UINT32_MAX);
        auto groups_of = [&](std::span<const ReachEntry> row, std::uint32_t supplier) {
            std::vector<std::uint32_t> gs;
            for (const ReachEntry& e : row)
                if (e.time_s <= st.threshold_s && group[e.unit] != UINT32_MAX && seen[group[e.unit]] != supplier) {
                    seen[group[e.unit]] = supplier;
                    gs.push_back(group[e.unit]);
                }
            arcs += gs.size();
            return gs;
        };
        for (std::size_t j = 0; j < providers.points(); ++j)
            reach_groups.push_back(groups_of(providers.row(j), static_cast<std::uint32_t>(j)));
        for (std::size_t c = 0; c < candidates.points(); ++c)
            reach_groups.push_back(groups_of(candidates.row(c), static_cast<std::uint32_t>(providers.points() + c)));
        if (arcs > st.bound_arcs && attempt < 9) continue; // coarser cells: a looser but quicker bound
        MaxFlow flow;
        const int source = flow.add_node(), sink = flow.add_node(), new_sites = flow.add_node();
        flow.add_arc(new_sites, sink, up(st.places * static_cast<double>(st.k)));
        std::vector<int> group_node(group_demand.size());
        for (std::size_t g = 0; g < group_demand.size(); ++g) {
            group_node[g] = flow.add_node();
            flow.add_arc(source, group_node[g], up(group_demand[g]));
        }
        const std::size_t p = providers.points();
        for (std::size_t j = 0; j < reach_groups.size(); ++j) {
            if (reach_groups[j].empty()) continue;
            const int node = flow.add_node();
            for (std::uint32_t g : reach_groups[j]) flow.add_arc(group_node[g], node, up(group_demand[g]));
            if (j < p) flow.add_arc(node, sink, up(supply.capacity[j]));
            else flow.add_arc(node, new_sites, up(st.places));
        }
        const double bound = static_cast<double>(flow.solve(source, sink)) / scale;
        char basis[200];
        std::snprintf(basis, sizeof basis, "LP relaxation (solved as a max flow) over %.0f m demand cells, %zu cells",
                      cell, group_demand.size());
        return {bound, basis};
    }
    return {d.total, "total demand (no bound solved)"};
}

/// Small instances: the exact optimum as a mixed-integer program over units.
std::vector<std::size_t> exact_sites(const Demand& d, const Supply& supply, const ReachMatrix& providers,
                                     const ReachMatrix& candidates, const SitingSettings& st, bool& proven) {
    LpProblem lp(LpProblem::Sense::maximise);
    std::map<std::uint32_t, std::vector<std::pair<int, double>>> by_unit;
    auto arcs = [&](std::span<const ReachEntry> row) {
        std::vector<std::pair<int, double>> supplier;
        for (const ReachEntry& e : row) {
            if (e.time_s > st.threshold_s || d.per_unit[e.unit] <= 0) continue;
            const int col = lp.add_column(0, INFINITY, 1.0);
            by_unit[e.unit].push_back({col, 1});
            supplier.push_back({col, 1});
        }
        return supplier;
    };
    for (std::size_t j = 0; j < providers.points(); ++j) {
        auto s = arcs(providers.row(j));
        if (!s.empty()) lp.add_row(s, -INFINITY, supply.capacity[j]);
    }
    std::vector<int> x(candidates.points());
    std::vector<std::pair<int, double>> k_row;
    for (std::size_t c = 0; c < candidates.points(); ++c) {
        auto s = arcs(candidates.row(c));
        x[c] = lp.add_column(0, 1, 0, true);
        s.push_back({x[c], -st.places});
        lp.add_row(s, -INFINITY, 0);
        k_row.push_back({x[c], 1});
    }
    for (const auto& [u, cols] : by_unit) lp.add_row(cols, -INFINITY, d.per_unit[u]);
    lp.add_row(k_row, -INFINITY, static_cast<double>(st.k));
    lp.solve(30);
    proven = lp.proven_optimal();
    std::vector<std::size_t> chosen;
    for (std::size_t c = 0; c < candidates.points(); ++c)
        if (lp.value(x[c]) > 0.5) chosen.push_back(c);
    return chosen;
}

} // namespace

std::vector<geo::XY> candidate_grid(const RoutingIndex& routing, const Demand& d, double cell_m) {
    if (!(cell_m > 0) || !std::isfinite(cell_m)) throw DataError("candidate grid: the cell size must be > 0 metres");
    std::set<std::pair<std::int64_t, std::int64_t>> cells;
    const auto& units = routing.units();
    for (std::size_t u = 0; u < units.size(); ++u)
        if (d.per_unit[u] > 0)
            cells.insert({static_cast<std::int64_t>(std::floor(units[u].point.x / cell_m)),
                          static_cast<std::int64_t>(std::floor(units[u].point.y / cell_m))});
    std::vector<geo::XY> out;
    for (const auto& [x, y] : cells) out.push_back({(static_cast<double>(x) + 0.5) * cell_m, (static_cast<double>(y) + 0.5) * cell_m});
    return out;
}

SitingResult suggest_sites(const StudyArea& study, const RoutingIndex& routing, const Demand& d, const Supply& supply,
                           const ReachMatrix& provider_reach, std::span<const geo::XY> candidates,
                           const SitingSettings& st, std::stop_token stop) {
    if (candidates.empty()) throw DataError("site suggestion: there are no candidate sites");
    if (st.k == 0) throw DataError("site suggestion: k must be at least 1");
    if (st.k > candidates.size())
        throw DataError("site suggestion: k = " + std::to_string(st.k) + " is more than the " +
                        std::to_string(candidates.size()) + " candidate sites");
    if (!(st.places > 0) || !std::isfinite(st.places))
        throw DataError("site suggestion: places per new site must be a number > 0");
    using Clock = std::chrono::steady_clock;
    auto t0 = Clock::now();
    SitingResult r;
    auto lap = [&](const char* what) { // where the time goes, for run.json and docs/PERFORMANCE.md
        r.seconds.push_back({what, std::chrono::duration<double>(Clock::now() - t0).count()});
        t0 = Clock::now();
    };
    r.objective = st.objective;
    r.candidates = candidates.size();
    r.demand = d.total;
    const ReachMatrix cand = build_reach_matrix(routing, candidates, st.threshold_s, st.walk_mps, stop);
    r.distances = cand.method;
    lap("candidate reach");
    Evaluator ev(d, supply, provider_reach, cand, st);
    const AllocationResult base = ev.solve({});
    r.served_before = sum(base.served);
    r.time_before_s = base.total_time_s;

    std::vector<std::size_t> chosen;
    std::vector<char> taken(candidates.size(), 0);
    bool exact = false, proven = false;
    std::size_t with_demand = 0;
    for (double v : d.per_unit) with_demand += v > 0;
    if (st.objective == SitingObjective::coverage && candidates.size() <= st.exact_max_candidates &&
        with_demand <= st.exact_max_units) {
        chosen = exact_sites(d, supply, provider_reach, cand, st, proven);
        exact = chosen.size() <= st.k && !chosen.empty();
    }
    std::vector<AllocationResult> prefix; // the greedy states, reused for the gains if no swap changes the sites
    AllocationResult final_state;         // greedy + swap: the state with all the sites
    bool swapped = false;
    if (!exact) {
        chosen.clear();
        AllocationResult state = base;
        for (std::size_t step = 0; step < st.k; ++step) {
            if (stop.stop_requested()) throw Cancelled();
            const std::size_t c = best_candidate(ev, state, taken);
            if (c == candidates.size()) break;
            chosen.push_back(c);
            taken[c] = 1;
            state = ev.solve(chosen);
            prefix.push_back(state);
        }
        lap("greedy");
        // swap improvement: each chosen site against the best unchosen ones, exactly, within
        // a time budget
        AllocationResult best = state;
        const auto swap_start = Clock::now();
        for (std::size_t i = 0; i < chosen.size(); ++i) {
            if (stop.stop_requested()) throw Cancelled();
            if (std::chrono::duration<double>(Clock::now() - swap_start).count() > st.swap_budget_s) {
                r.swaps_complete = false;
                break;
            }
            std::vector<std::size_t> without = chosen;
            without.erase(without.begin() + static_cast<std::ptrdiff_t>(i));
            const AllocationResult reduced = ev.solve(without);
            const std::vector<double> score = ev.scores(reduced, taken);
            std::vector<std::pair<double, std::size_t>> ranked;
            for (std::size_t c = 0; c < candidates.size(); ++c)
                if (!taken[c]) ranked.push_back({-score[c], c});
            const std::size_t tries = std::min(st.swap_candidates, ranked.size());
            std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(tries), ranked.end());
            // the trials are independent solves: both cores; then taken in rank order, each
            // against the best so far, as one after the other would
            std::vector<std::vector<std::size_t>> trial(tries, without);
            std::vector<AllocationResult> result(tries);
            std::vector<std::function<void()>> jobs;
            for (std::size_t t = 0; t < tries; ++t) {
                trial[t].insert(trial[t].begin() + static_cast<std::ptrdiff_t>(i), ranked[t].second);
                jobs.push_back([&, t] { result[t] = ev.solve(trial[t]); });
            }
            run_in_parallel(jobs);
            for (std::size_t t = 0; t < tries; ++t)
                if (ev.better(result[t], best)) {
                    swapped = true;
                    taken[chosen[i]] = 0;
                    taken[ranked[t].second] = 1;
                    chosen = trial[t];
                    best = std::move(result[t]);
                }
        }
        final_state = std::move(best);
    }
    lap("swap");
    r.method = exact ? (proven ? "exact (MIP, GLPK)" : "MIP (GLPK), best found within the time limit")
                     : "greedy + swap improvement";
    // marginal gains in the order chosen, and where each site's demand lives: the state after
    // each prefix of the sites, from the greedy or the swaps where they hold it, else solved
    // (independent solves, on both cores)
    std::vector<AllocationResult> after(chosen.size());
    std::vector<std::function<void()>> jobs;
    for (std::size_t i = 0; i < chosen.size(); ++i) {
        if (!exact && !swapped && i < prefix.size()) after[i] = std::move(prefix[i]);
        else if (!exact && i + 1 == chosen.size()) after[i] = std::move(final_state);
        else
            jobs.push_back([&, i] {
                after[i] = ev.solve(std::vector<std::size_t>(chosen.begin(), chosen.begin() + static_cast<std::ptrdiff_t>(i + 1)));
            });
    }
    run_in_parallel(jobs);
    double served_prev = r.served_before;
    const AllocationResult& last = after.empty() ? base : after.back();
    for (std::size_t i = 0; i < chosen.size(); ++i) {
        SuggestedSite site;
        site.rank = static_cast<int>(i + 1);
        site.candidate = chosen[i];
        site.location = candidates[chosen[i]];
        site.cumulative_served = sum(after[i].served);
        site.marginal_gain = site.cumulative_served - served_prev;
        served_prev = site.cumulative_served;
        r.sites.push_back(site);
    }
    // wards helped, from the final allocation (the rows after the existing providers)
    const std::size_t p = supply.capacity.size();
    const auto& units = routing.units();
    for (std::size_t i = 0; i < r.sites.size(); ++i) {
        std::map<std::string, double> by_ward;
        for (const auto& [u, f] : last.flows[p + i]) by_ward[study.wards[units[u].ward].code] += f;
        for (const auto& [w, f] : by_ward) r.sites[i].wards_helped.push_back({w, f});
        std::sort(r.sites[i].wards_helped.begin(), r.sites[i].wards_helped.end(),
                  [](const auto& a, const auto& b) { return a.second > b.second; });
    }
    lap("gains");
    r.served_after = sum(last.served);
    r.time_after_s = last.total_time_s;
    if (st.objective == SitingObjective::coverage) {
        auto [bound, basis] = coverage_bound(routing, d, supply, provider_reach, cand, st);
        r.upper_bound = std::max(bound, r.served_after); // never below what was found (LP tolerance)
        r.bound_basis = basis;
        r.gap = *r.upper_bound > 0 ? (*r.upper_bound - r.served_after) / *r.upper_bound : 0.0;
    } else {
        r.bound_basis = "no bound for the p-median objective";
    }
    lap("bound");
    r.allocations_solved = ev.solved();
    return r;
}

} // namespace apreptis::model
