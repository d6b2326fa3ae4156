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
#include "model/capacity/siting_bound.hpp"
#include "model/capacity/siting_mip.hpp"
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
    std::vector<AllocationResult> prefix; // the greedy states, reused for the gains if no swap changes the sites
    AllocationResult final_state;         // the state with all the sites
    bool swapped = false;
    {
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
        // a number of allocations (work, not time: the answer does not depend on the machine)
        AllocationResult best = state;
        std::size_t swap_solves = 0;
        for (std::size_t i = 0; i < chosen.size(); ++i) {
            if (stop.stop_requested()) throw Cancelled();
            if (swap_solves + 1 + st.swap_candidates > st.swap_max_solves) {
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
            swap_solves += 1 + tries;
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
    r.method = "greedy + swap improvement";
    // small instances: the MIP, started from the greedy + swap sites, so never worse; its
    // sites are taken only when their exact allocation serves more
    std::optional<double> mip_bound;
    std::size_t with_demand = 0;
    for (double v : d.per_unit) with_demand += v > 0;
    if (st.objective == SitingObjective::coverage && candidates.size() <= st.exact_max_candidates &&
        with_demand <= st.exact_max_units) {
        const ExactSiting ex = exact_sites(d, supply, provider_reach, cand, st, chosen, final_state);
        if (ex.solved) {
            r.mip_nodes = ex.nodes;
            mip_bound = ex.bound;
            r.method = ex.proven ? "greedy + swap improvement, then MIP (GLPK, solved to optimality)"
                                 : "greedy + swap improvement, then MIP (GLPK, stopped at " +
                                       std::to_string(st.exact_max_nodes) + " nodes)";
            if (!ex.chosen.empty() && ex.chosen.size() <= st.k && ex.chosen != chosen) {
                AllocationResult mip_state = ev.solve(ex.chosen);
                if (ev.better(mip_state, final_state)) {
                    chosen = ex.chosen;
                    final_state = std::move(mip_state);
                    swapped = true; // the greedy prefixes no longer hold
                }
            }
        }
        lap("mip");
    }
    // marginal gains in the order chosen, and where each site's demand lives: the state after
    // each prefix of the sites, from the greedy or the swaps where they hold it, else solved
    // (independent solves, on both cores)
    std::vector<AllocationResult> after(chosen.size());
    std::vector<std::function<void()>> jobs;
    for (std::size_t i = 0; i < chosen.size(); ++i) {
        if (!swapped && i < prefix.size()) after[i] = std::move(prefix[i]);
        else if (i + 1 == chosen.size()) after[i] = std::move(final_state);
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
        const SitingBound b = coverage_bound(routing, d, supply, provider_reach, cand, st, r.served_after);
        double bound = b.value;
        r.bound_basis = b.basis;
        if (mip_bound && *mip_bound < bound) {
            bound = *mip_bound;
            r.bound_basis = "branch and bound of the MIP (GLPK)";
        }
        // proven optimal when the bound meets the answer (to the allocation's precision)
        const double tol = 1e-6 * std::max(1.0, r.served_after);
        r.optimal = bound <= r.served_after + tol;
        r.upper_bound = r.optimal ? r.served_after : bound;
        r.gap = *r.upper_bound > 0 ? (*r.upper_bound - r.served_after) / *r.upper_bound : 0.0;
    } else {
        r.bound_basis = "no bound for the p-median objective";
    }
    lap("bound");
    r.allocations_solved = ev.solved();
    return r;
}

} // namespace apreptis::model
