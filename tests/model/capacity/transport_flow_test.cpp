// The transportation solver against an independent exact solver: LEMON's network simplex
// (Debian liblemon-dev) on the same integer problem, which is what the allocation used before.
// Optimal flows may differ where costs tie; the optimum (served amount, total cost) may not.
#include "model/optim/transport_flow.hpp"

#include <numeric>
#include <random>

#include <gtest/gtest.h>
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

using namespace apreptis::model;

namespace {

constexpr long long unserved_cost = 1'000'000'000'000LL;

struct Optimum {
    long long unserved = 0, cost = 0;
};

Optimum by_network_simplex(const TransportProblem& p) {
    lemon::SmartDigraph g;
    const auto sink = g.addNode();
    std::vector<lemon::SmartDigraph::Node> supplier(p.capacity.size());
    for (auto& s : supplier) s = g.addNode();
    lemon::SmartDigraph::ArcMap<long long> cap(g), cost(g);
    lemon::SmartDigraph::NodeMap<long long> supply(g, 0);
    std::vector<lemon::SmartDigraph::Arc> unserved;
    long long total = 0;
    for (std::size_t c = 0; c < p.demand.size(); ++c) {
        if (p.first[c] == p.first[c + 1]) continue;
        const auto n = g.addNode();
        supply[n] = p.demand[c];
        total += p.demand[c];
        for (std::uint32_t k = p.first[c]; k < p.first[c + 1]; ++k) {
            const auto a = g.addArc(n, supplier[p.arcs[k].supplier]);
            cap[a] = p.demand[c];
            cost[a] = p.arcs[k].cost;
        }
        const auto a = g.addArc(n, sink);
        cap[a] = p.demand[c];
        cost[a] = unserved_cost;
        unserved.push_back(a);
    }
    for (std::size_t j = 0; j < supplier.size(); ++j) {
        const auto a = g.addArc(supplier[j], sink);
        cap[a] = p.capacity[j];
        cost[a] = 0;
    }
    supply[sink] = -total;
    lemon::NetworkSimplex<lemon::SmartDigraph, long long, long long> ns(g);
    ns.upperMap(cap).costMap(cost).supplyMap(supply);
    EXPECT_EQ(ns.run(), decltype(ns)::OPTIMAL);
    Optimum o;
    for (const auto& a : unserved) o.unserved += ns.flow(a);
    o.cost = ns.totalCost<long long>() - o.unserved * unserved_cost;
    return o;
}

/// Clients on a square with suppliers at random points; a client reaches the suppliers within
/// `reach` (cost = distance, rounded), sorted as the solver requires. Costs tie often (coarse).
TransportProblem random_problem(std::mt19937& rng, std::size_t clients, std::size_t suppliers, double reach,
                                long long capacity_scale, int cost_resolution) {
    std::uniform_real_distribution<double> at(0, 100);
    std::uniform_int_distribution<long long> demand(0, 9), cap(0, capacity_scale);
    std::vector<std::pair<double, double>> s(suppliers);
    for (auto& p : s) p = {at(rng), at(rng)};
    TransportProblem p;
    p.unserved_cost = unserved_cost;
    p.first.push_back(0);
    for (std::size_t c = 0; c < clients; ++c) {
        const double x = at(rng), y = at(rng);
        p.demand.push_back(demand(rng));
        std::vector<TransportArc> arcs;
        for (std::uint32_t j = 0; j < suppliers; ++j) {
            const double d = std::hypot(s[j].first - x, s[j].second - y);
            if (d <= reach) arcs.push_back({j, static_cast<long long>(d / cost_resolution) * cost_resolution});
        }
        std::sort(arcs.begin(), arcs.end(), [](const TransportArc& a, const TransportArc& b) {
            return a.cost < b.cost || (a.cost == b.cost && a.supplier < b.supplier);
        });
        p.arcs.insert(p.arcs.end(), arcs.begin(), arcs.end());
        p.first.push_back(static_cast<std::uint32_t>(p.arcs.size()));
    }
    for (std::size_t j = 0; j < suppliers; ++j) p.capacity.push_back(cap(rng));
    return p;
}

void expect_feasible(const TransportProblem& p, const TransportSolution& s) {
    std::vector<long long> load(p.capacity.size(), 0);
    std::vector<long long> sent = s.unserved;
    for (std::size_t i = 0; i < s.flows.size(); ++i) {
        const auto [c, j, f] = s.flows[i];
        EXPECT_GT(f, 0);
        if (i > 0) EXPECT_LT(std::make_pair(s.flows[i - 1].client, s.flows[i - 1].supplier), std::make_pair(c, j));
        bool arc = false;
        for (std::uint32_t k = p.first[c]; k < p.first[c + 1]; ++k) arc = arc || p.arcs[k].supplier == j;
        EXPECT_TRUE(arc) << "client " << c << " sent to supplier " << j << " without an arc";
        load[j] += f;
        sent[c] += f;
    }
    for (std::size_t c = 0; c < p.demand.size(); ++c) EXPECT_EQ(sent[c], p.demand[c]) << "client " << c;
    for (std::size_t j = 0; j < load.size(); ++j) EXPECT_LE(load[j], p.capacity[j]) << "supplier " << j;
}

} // namespace

TEST(TransportFlow, equals_network_simplex_on_random_problems) {
    std::mt19937 rng(20261130);
    std::size_t moved = 0;
    for (int trial = 0; trial < 80; ++trial) {
        const std::size_t clients = 50 + static_cast<std::size_t>(trial) * 25, suppliers = 2 + trial % 40;
        // from scarce to ample capacity; coarse costs make many ties
        const long long capacity_scale = 20 + (trial % 7) * 60;
        const auto p = random_problem(rng, clients, suppliers, 15 + trial % 5 * 10, capacity_scale, trial % 3 == 0 ? 5 : 1);
        const auto s = solve_transport(p);
        const auto o = by_network_simplex(p);
        SCOPED_TRACE("trial " + std::to_string(trial));
        expect_feasible(p, s);
        long long unserved_with_arcs = 0;
        for (std::size_t c = 0; c < p.demand.size(); ++c)
            if (p.first[c] != p.first[c + 1]) unserved_with_arcs += s.unserved[c];
        EXPECT_EQ(unserved_with_arcs, o.unserved);
        EXPECT_EQ(s.total_cost, o.cost);
        moved += s.augmentations;
    }
    EXPECT_GT(moved, 1000u); // the instances do make the solver move flow
}

TEST(TransportFlow, nothing_moves_when_everyone_fits_at_the_cheapest) {
    TransportProblem p;
    p.unserved_cost = unserved_cost;
    p.demand = {3, 4};
    p.first = {0, 2, 3};
    p.arcs = {{0, 10}, {1, 20}, {1, 5}};
    p.capacity = {3, 4};
    const auto s = solve_transport(p);
    EXPECT_EQ(s.augmentations, 0u);
    EXPECT_EQ(s.total_cost, 3 * 10 + 4 * 5);
}

TEST(TransportFlow, a_chain_of_moves_by_hand) {
    // client 0 (2) reaches A at 1 and B at 3; client 1 (2) reaches B at 1 and C at 10;
    // client 2 (2) reaches A at 1 only. A, B, C have 2 places each.
    // Cheapest-first puts 0 and 2 on A (4 > 2). Optimal: 2 -> A, 0 -> B, 1 -> C:
    // 2*1 + 2*3 + 2*10 = 28 (the chain A -> B -> C moves client 0, then client 1).
    TransportProblem p;
    p.unserved_cost = unserved_cost;
    p.demand = {2, 2, 2};
    p.first = {0, 2, 4, 5};
    p.arcs = {{0, 1}, {1, 3}, {1, 1}, {2, 10}, {0, 1}};
    p.capacity = {2, 2, 2};
    const auto s = solve_transport(p);
    EXPECT_EQ(s.total_cost, 28);
    EXPECT_EQ(s.unserved, (std::vector<long long>{0, 0, 0}));
    ASSERT_EQ(s.flows.size(), 3u);
    EXPECT_EQ(s.flows[1].client, 1u);
    EXPECT_EQ(s.flows[1].supplier, 2u); // client 1 on C
    EXPECT_EQ(s.flows[1].amount, 2);
    // without C, 2 of the 6 cannot be placed; the 4 served cost least with client 1 on B
    p.capacity = {2, 2, 0};
    const auto t = solve_transport(p);
    EXPECT_EQ(std::accumulate(t.unserved.begin(), t.unserved.end(), 0LL), 2);
    EXPECT_EQ(t.total_cost, 2 * 1 + 2 * 1); // A keeps client 2 (or 0) at 1, B takes client 1 at 1
}
