#pragma once
// Population by target group. Municipal group sizes come from the plan's tables; ward
// totals from the census. A ward's group size is an *estimate* unless given per ward.
#include <optional>
#include <string>
#include <vector>

namespace apreptis::model {

struct GroupValue {
    std::string municipality;
    std::string group;
    double value = 0;
    std::string unit;
    std::string reference_date;
    bool derived = false; ///< computed from other rows (e.g. adults = working age + older)
    std::string source;
};

struct PopulationGroups {
    std::vector<GroupValue> values;
    const GroupValue* find(const std::string& municipality, const std::string& group) const;
};

/// How a target-population figure was obtained; written next to every figure.
struct TargetPopulation {
    std::optional<double> value;
    bool estimated = false;
    std::string basis;
};

} // namespace apreptis::model
