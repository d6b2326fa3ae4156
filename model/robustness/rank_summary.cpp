#include "model/robustness/rank_summary.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace apreptis::model {

double nearest_rank(const std::vector<double>& sorted, double q) {
    if (sorted.empty()) return 0;
    const auto n = static_cast<double>(sorted.size());
    const auto i = static_cast<std::size_t>(std::max(1.0, std::ceil(q * n - 1e-9)));
    return sorted[std::min(sorted.size(), i) - 1];
}

namespace {

/// Ranks (1 = worst) of the areas by value; equal values share a rank.
std::vector<std::size_t> ranks(const std::vector<RankInput>& areas, bool higher_is_worse,
                               const std::vector<double>& value) {
    std::vector<std::size_t> order(areas.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (value[a] != value[b]) return higher_is_worse ? value[a] > value[b] : value[a] < value[b];
        return areas[a].code < areas[b].code;
    });
    // competition ranking: areas with equal values share the worst place they tie for (five
    // wards with no one within the threshold are all rank 1, not 1 to 5 by their codes)
    std::vector<std::size_t> rank(areas.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        rank[order[i]] = i > 0 && value[order[i]] == value[order[i - 1]] ? rank[order[i - 1]] : i + 1;
    return rank;
}

} // namespace

std::vector<RankSummary> summarise_ranks(const std::vector<RankInput>& areas, bool higher_is_worse, std::size_t k) {
    std::vector<RankSummary> out(areas.size());
    if (areas.empty()) return out;
    const std::size_t runs = areas.front().runs.size();
    std::vector<double> value(areas.size());
    for (std::size_t a = 0; a < areas.size(); ++a) value[a] = areas[a].single;
    const std::vector<std::size_t> single = ranks(areas, higher_is_worse, value);
    std::vector<std::vector<double>> rank_runs(areas.size(), std::vector<double>(runs));
    for (std::size_t r = 0; r < runs; ++r) {
        for (std::size_t a = 0; a < areas.size(); ++a) value[a] = areas[a].runs[r];
        const std::vector<std::size_t> rk = ranks(areas, higher_is_worse, value);
        for (std::size_t a = 0; a < areas.size(); ++a) rank_runs[a][r] = static_cast<double>(rk[a]);
    }
    for (std::size_t a = 0; a < areas.size(); ++a) {
        RankSummary& s = out[a];
        s.single_rank = single[a];
        std::vector<double> v = areas[a].runs;
        std::sort(v.begin(), v.end());
        s.median = nearest_rank(v, 0.5);
        s.p05 = nearest_rank(v, 0.05);
        s.p95 = nearest_rank(v, 0.95);
        std::vector<double>& rk = rank_runs[a];
        s.p_worst_k = runs ? static_cast<double>(std::count_if(rk.begin(), rk.end(), [&](double x) { return x <= static_cast<double>(k); })) /
                                 static_cast<double>(runs)
                           : 0;
        std::sort(rk.begin(), rk.end());
        s.rank_p05 = static_cast<std::size_t>(nearest_rank(rk, 0.05));
        s.rank_p95 = static_cast<std::size_t>(nearest_rank(rk, 0.95));
        s.rank_min = static_cast<std::size_t>(rk.front());
        s.rank_max = static_cast<std::size_t>(rk.back());
    }
    return out;
}

} // namespace apreptis::model
