#include "model/provider_placement.hpp"

namespace apreptis::model {

std::vector<std::string> place_providers(StudyArea& study) {
    int outside = 0, disagree = 0, unknown_ward = 0, no_location = 0;
    std::string outside_list, disagree_list, unknown_list;
    for (Provider& p : study.providers) {
        if (p.point) {
            auto hit = study.ward_at(*p.point);
            if (!hit) {
                ++outside;
                outside_list += "\n  " + p.id + " " + p.name;
                p.ward_code.clear();
                continue;
            }
            const Ward& w = study.wards[*hit];
            if (!p.ward_code.empty() && p.ward_code != w.code) {
                ++disagree;
                disagree_list += "\n  " + p.id + " " + p.name + ": data say ward " + p.ward_code + ", point is in " + w.code;
            }
            p.ward_code = w.code;
            p.municipality = w.municipality;
        } else if (!p.ward_code.empty()) {
            const Ward* w = study.find_ward(p.ward_code);
            if (!w) {
                ++unknown_ward;
                unknown_list += "\n  " + p.id + " " + p.name + ": ward " + p.ward_code;
                p.ward_code.clear();
                p.precision = p.municipality.empty() ? LocationPrecision::unknown : LocationPrecision::municipality;
            } else if (p.municipality.empty()) {
                p.municipality = w->municipality;
            }
        } else {
            ++no_location;
        }
    }
    std::vector<std::string> warnings;
    if (outside)
        warnings.push_back(std::to_string(outside) +
                           " provider(s) have a point outside every ward; they count for their municipality "
                           "only, not for any ward:" + outside_list);
    if (disagree)
        warnings.push_back(std::to_string(disagree) +
                           " provider(s) name a ward that disagrees with their point; the point wins:" + disagree_list);
    if (unknown_ward)
        warnings.push_back(std::to_string(unknown_ward) +
                           " provider(s) name a ward code that is not in the ward layer; ward dropped:" + unknown_list);
    if (no_location)
        warnings.push_back(std::to_string(no_location) + " of " + std::to_string(study.providers.size()) +
                           " providers have neither a point nor a ward; they count at municipality level only "
                           "(see providers.csv, location_precision)");
    return warnings;
}

} // namespace apreptis::model
