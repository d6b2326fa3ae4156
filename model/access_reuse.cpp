#include "model/access_reuse.hpp"

namespace apreptis::model::detail {

bool same_inputs(const ServiceAccess& prev, const StudyArea& prev_study, const TypeInputs& t, const StudyArea& s) {
    if (prev.providers.size() != t.providers.size() || prev.target_groups != t.groups) return false;
    for (std::size_t i = 0; i < t.providers.size(); ++i) {
        const Provider& a = prev_study.providers[prev.providers[i]];
        const Provider& b = s.providers[t.providers[i]];
        if (a.id != b.id || !a.point || !b.point || !(*a.point == *b.point)) return false;
    }
    return true;
}

ServiceAccess reuse(const ServiceAccess& prev, const Remap& remap, bool times_only) {
    ServiceAccess sa;
    if (times_only) { // the times, not the rows, catchments, allocations nor orders
        sa.service_type = prev.service_type;
        sa.threshold_min = prev.threshold_min;
        sa.providers = prev.providers;
        sa.target_groups = prev.target_groups;
        sa.per_unit = prev.per_unit;
        sa.warnings = prev.warnings;
    } else {
        sa = prev;
    }
    for (auto& p : sa.providers) p = remap(p);
    for (auto& u : sa.per_unit)
        if (u.provider != geo::invalid_index) u.provider = static_cast<std::uint32_t>(remap(u.provider));
    for (auto& c : sa.catchments)
        if (c.provider != geo::invalid_index) c.provider = remap(c.provider);
    for (auto& z : sa.allocations) z.provider = remap(z.provider);
    return sa;
}

} // namespace apreptis::model::detail
