#include "model/capacity/siting_mip.hpp"

#include <cmath>

#include "model/capacity/siting_bound.hpp"
#include "model/optim/lp_problem.hpp"

namespace apreptis::model {

ExactSiting exact_sites(const Demand& d, const Supply& supply, const ReachMatrix& providers, const ReachMatrix& candidates,
                        const SitingSettings& st, const std::vector<std::size_t>& start_sites,
                        const AllocationResult& start) {
    // over groups of units with the same suppliers in reach: the same optimum (coverage sees
    // only which suppliers reach a unit), a program many times smaller
    const DemandGroups g = same_reach_groups(d, providers, candidates, st);
    ExactSiting r;
    if (g.reach.empty()) return r; // too large for a MIP
    const std::size_t p = providers.points(), n = g.reach.size();
    // the starting solution's flow per supplier and group (suppliers = providers, then start_sites)
    std::vector<std::vector<double>> flow(n);
    for (std::size_t s = 0; s < start.flows.size(); ++s) {
        const std::size_t supplier = s < p ? s : p + start_sites[s - p];
        flow[supplier].assign(g.demand.size(), 0.0);
        for (const auto& [u, v] : start.flows[s])
            if (g.group_of_unit[u] != UINT32_MAX) flow[supplier][g.group_of_unit[u]] += v;
    }
    LpProblem lp(LpProblem::Sense::maximise);
    std::vector<double> value(1, 0.0); // per column (GLPK counts from 1)
    std::vector<std::vector<std::pair<int, double>>> by_group(g.demand.size());
    std::vector<int> x(candidates.points());
    std::vector<std::pair<int, double>> k_row;
    for (std::size_t s = 0; s < n; ++s) {
        const bool site = s >= p;
        int xs = 0;
        if (site) {
            xs = x[s - p] = lp.add_column(0, 1, 0, true);
            value.push_back(flow[s].empty() ? 0.0 : 1.0);
            k_row.push_back({xs, 1});
        }
        std::vector<std::pair<int, double>> places;
        for (std::uint32_t i : g.reach[s]) {
            const int y = lp.add_column(0, INFINITY, 1.0); // demand of group i served by s
            value.push_back(flow[s].empty() ? 0.0 : flow[s][i]);
            by_group[i].push_back({y, 1});
            places.push_back({y, 1});
            if (site) lp.add_row({{y, 1}, {xs, -g.demand[i]}}, -INFINITY, 0); // only from an open site: the strong rows
        }
        if (site) {
            places.push_back({xs, -st.places});
            lp.add_row(places, -INFINITY, 0);
        } else if (!places.empty()) {
            lp.add_row(places, -INFINITY, supply.capacity[s]);
        }
    }
    for (std::size_t i = 0; i < by_group.size(); ++i) lp.add_row(by_group[i], -INFINITY, g.demand[i]);
    lp.add_row(k_row, -INFINITY, static_cast<double>(st.k));
    if (!start_sites.empty()) lp.set_start(std::move(value));
    r.solved = lp.solve({st.exact_max_simplex_iterations, st.exact_max_nodes});
    if (!r.solved) return r;
    r.proven = lp.proven_optimal();
    r.bound = lp.best_bound();
    r.nodes = lp.mip_nodes();
    for (std::size_t c = 0; c < candidates.points(); ++c)
        if (lp.value(x[c]) > 0.5) r.chosen.push_back(c);
    return r;
}

} // namespace apreptis::model
