#pragma once
// What the report may print of each ward's counts of people, decided once per ward so that
// the worst-wards table, the map and the scenario table agree (a figure hidden in one place is
// not given away in another). The groups are the sums a reader can form from the pages:
// access: target = within + beyond the threshold; capacity: demand = served + no capacity +
// too far (the table prints the last two as one "not served"). model/suppression.hpp decides.
#include <string>
#include <vector>

#include "app/core/analysis.hpp"
#include "app/report/report_format.hpp"
#include "model/suppression.hpp"

namespace apreptis::app::report {

struct WardGroup {
    double total = 0;
    std::vector<double> parts;
    model::GroupSuppression decision;

    Shown total_shown() const;
    Shown part_shown(std::size_t i) const;
    /// A sum of parts printed as one figure: its value where the page gives it anyway, "<N"
    /// where the total is small, else withheld.
    Shown sum_shown(const std::vector<std::size_t>& which) const;
    double sum(const std::vector<std::size_t>& which) const;
    /// A share of the total: printed only where its count and the total are.
    Shown share_shown(const std::vector<std::size_t>& which) const;
};

/// Part indices of the groups below.
inline const std::vector<std::size_t> access_within{0}, access_beyond{1};
inline const std::vector<std::size_t> capacity_served{0}, capacity_unserved{1, 2};

/// target_population = {within_threshold, beyond}; threshold <= 0 hides nothing.
WardGroup access_group(const model::AccessRow& r, double threshold);
/// demand = {served, no_capacity, too_far}.
WardGroup capacity_group(const model::CapacityRow& r, double threshold);

/// How each ward's value of `indicator_id` (choropleth.hpp ids) may be printed, in the order
/// of study.wards: a share where its count is withheld is withheld; a count of people is
/// small or withheld as its group decides. Threshold <= 0 (unsuppressed): every value shows.
std::vector<Shown> ward_shown(const Analysis& a, const std::string& indicator_id, double threshold);

} // namespace apreptis::app::report
