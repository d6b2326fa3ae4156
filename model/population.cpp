#include "model/population.hpp"

namespace apreptis::model {

const GroupValue* PopulationGroups::find(const std::string& municipality, const std::string& group) const {
    for (const auto& v : values)
        if (v.municipality == municipality && v.group == group) return &v;
    return nullptr;
}

} // namespace apreptis::model
