#pragma once
// Ranks of areas over many runs: in each run the areas are ranked worst first (equal values
// share the worst rank they tie for, so no order of the input decides), and per area the run values' and ranks'
// quantiles and how often it was among the k worst.
#include <cstddef>
#include <string>
#include <vector>

namespace apreptis::model {

struct RankInput {
    std::string code;
    double single = 0;          ///< the single run's value
    std::vector<double> runs;   ///< one per run (all inputs the same length)
};

struct RankSummary {
    std::size_t single_rank = 0;            ///< 1 = worst
    double median = 0, p05 = 0, p95 = 0;    ///< nearest-rank quantiles of the values
    std::size_t rank_p05 = 0, rank_p95 = 0, rank_min = 0, rank_max = 0;
    double p_worst_k = 0;
};

/// Nearest-rank quantile of sorted values: the smallest one with at least q of them at or below it.
double nearest_rank(const std::vector<double>& sorted, double q);

/// higher_is_worse: the largest value ranks 1 (persons beyond the threshold); else the
/// smallest (a share within it).
std::vector<RankSummary> summarise_ranks(const std::vector<RankInput>& areas, bool higher_is_worse, std::size_t k);

} // namespace apreptis::model
