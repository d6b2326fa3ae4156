#pragma once
// Reach matrices written by hand (rows = providers), for the capacity tests.
#include <random>
#include <vector>

#include "model/capacity/reach_matrix.hpp"

namespace apreptis::test {

/// rows[j] = {(unit, minutes), ...}
inline model::ReachMatrix reach_of(const std::vector<std::vector<std::pair<std::uint32_t, double>>>& rows) {
    model::ReachMatrix m;
    m.first.push_back(0);
    for (const auto& row : rows) {
        for (const auto& [u, minutes] : row)
            m.entries.push_back({u, static_cast<float>(minutes * 60.0), static_cast<float>(minutes * 75.0)});
        m.first.push_back(static_cast<std::uint32_t>(m.entries.size()));
    }
    m.cutoff_s = 1e9;
    return m;
}

struct RandomInstance {
    std::vector<double> demand, capacity;
    std::vector<std::vector<std::pair<std::uint32_t, double>>> rows;
};

inline RandomInstance random_instance(std::mt19937& rng, std::uint32_t units, std::uint32_t providers) {
    RandomInstance r;
    std::uniform_real_distribution<double> d(0.1, 10), c(0, 25), t(1, 40);
    std::bernoulli_distribution reaches(0.45);
    for (std::uint32_t u = 0; u < units; ++u) r.demand.push_back(std::round(d(rng) * 10) / 10);
    for (std::uint32_t j = 0; j < providers; ++j) {
        r.capacity.push_back(std::round(c(rng)));
        std::vector<std::pair<std::uint32_t, double>> row;
        for (std::uint32_t u = 0; u < units; ++u)
            if (reaches(rng)) row.push_back({u, std::round(t(rng))}); // whole minutes: ties happen
        r.rows.push_back(row);
    }
    return r;
}

} // namespace apreptis::test
