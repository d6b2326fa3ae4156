#include "model/catalogue.hpp"

namespace apreptis::model {

const ServiceType* Catalogue::find_service(const std::string& code) const {
    for (const auto& s : services)
        if (s.code == code) return &s;
    return nullptr;
}

const TargetGroup* Catalogue::find_group(const std::string& code) const {
    for (const auto& g : groups)
        if (g.code == code) return &g;
    return nullptr;
}

std::string Catalogue::service_codes() const {
    std::string s;
    for (const auto& x : services) s += (s.empty() ? "" : ", ") + x.code;
    return s;
}

std::string Catalogue::group_codes() const {
    std::string s;
    for (const auto& x : groups) s += (s.empty() ? "" : ", ") + x.code;
    return s;
}

} // namespace apreptis::model
