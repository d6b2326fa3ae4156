#pragma once
// A maximum flow in integers, solved with LEMON's preflow push-relabel (Debian liblemon-dev).
// One of siting's upper bounds is one: the weak LP relaxation of capacitated maximal covering is a max flow
// in which the k new sites share one arc of k x places (model/capacity/siting_bound.cpp). The LEMON
// graph is wrapped here once; nothing else sees lemon/.
#include <memory>

namespace apreptis::model {

class MaxFlow {
public:
    MaxFlow();
    ~MaxFlow();
    MaxFlow(const MaxFlow&) = delete;
    MaxFlow& operator=(const MaxFlow&) = delete;

    int add_node();
    void add_arc(int from, int to, long long capacity); ///< capacity >= 0
    /// The largest flow from `source` to `sink`.
    long long solve(int source, int sink);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace apreptis::model
