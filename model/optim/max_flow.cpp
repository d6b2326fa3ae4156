#include "model/optim/max_flow.hpp"

#include <stdexcept>
#include <vector>

#include <lemon/preflow.h>
#include <lemon/smart_graph.h>

namespace apreptis::model {

struct MaxFlow::Impl {
    lemon::SmartDigraph graph;
    std::vector<std::pair<lemon::SmartDigraph::Arc, long long>> arcs;
};

MaxFlow::MaxFlow() : m_impl(std::make_unique<Impl>()) {}
MaxFlow::~MaxFlow() = default;

int MaxFlow::add_node() { return lemon::SmartDigraph::id(m_impl->graph.addNode()); }

void MaxFlow::add_arc(int from, int to, long long capacity) {
    if (capacity < 0) throw std::invalid_argument("MaxFlow: a negative capacity");
    auto& g = m_impl->graph;
    m_impl->arcs.push_back({g.addArc(g.nodeFromId(from), g.nodeFromId(to)), capacity});
}

long long MaxFlow::solve(int source, int sink) {
    auto& g = m_impl->graph;
    lemon::SmartDigraph::ArcMap<long long> cap(g);
    for (const auto& [a, c] : m_impl->arcs) cap[a] = c;
    lemon::Preflow<lemon::SmartDigraph, lemon::SmartDigraph::ArcMap<long long>> preflow(g, cap, g.nodeFromId(source),
                                                                                        g.nodeFromId(sink));
    preflow.runMinCut(); // the value is known after the first phase
    return preflow.flowValue();
}

} // namespace apreptis::model
