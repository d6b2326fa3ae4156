#pragma once
// The hand-checkable road fixture of the routing tests: an n x n grid of residential streets,
// `step` metres apart, one way per row and column (noded where they cross).
#include <vector>

#include "geo/routing/road_network.hpp"

namespace apreptis::test {

inline std::vector<geo::Way> street_grid(int n = 5, double step = 100) {
    std::vector<geo::Way> ways;
    for (int i = 0; i < n; ++i) {
        geo::Way row, col;
        for (int j = 0; j < n; ++j) {
            row.points.push_back({j * step, i * step});
            col.points.push_back({i * step, j * step});
        }
        row.tags.highway = col.tags.highway = "residential";
        ways.push_back(row);
        ways.push_back(col);
    }
    return ways;
}

} // namespace apreptis::test
