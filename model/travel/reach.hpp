#pragma once
// Who can reach whom, as every travel method returns it (model/capacity/reach_matrix.hpp
// builds it; the capacity analysis and siting read it). Sparse CSR rows of 12-byte entries.
#include <cstdint>
#include <span>
#include <vector>

#include "model/travel/distance_method.hpp"

namespace apreptis::model {

struct ReachEntry {
    std::uint32_t unit = 0;
    float time_s = 0;
    float distance_m = 0;
};

struct ReachMatrix {
    DistanceMethod method = DistanceMethod::straight_line;
    double cutoff_s = 0;
    std::vector<std::uint32_t> first; ///< CSR: point i's entries are [first[i], first[i+1])
    std::vector<ReachEntry> entries;  ///< per point, ascending unit

    std::size_t points() const { return first.empty() ? 0 : first.size() - 1; }
    std::span<const ReachEntry> row(std::size_t point) const {
        return {entries.data() + first[point], entries.data() + first[point + 1]};
    }
    std::size_t memory_bytes() const {
        return entries.capacity() * sizeof(ReachEntry) + first.capacity() * sizeof(std::uint32_t);
    }
};

/// The matrix's offsets are 32-bit: refused in words before they would wrap (a country's
/// units against thousands of candidate sites at a long threshold can get there).
void check_reach_entries(std::size_t entries, std::size_t limit);

} // namespace apreptis::model
