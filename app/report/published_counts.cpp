#include "app/report/published_counts.hpp"

#include "app/core/choropleth.hpp"
#include "app/core/indicators/registry.hpp"

namespace apreptis::app::report {

namespace {

Shown shown_as(model::Suppressed s) {
    return s == model::Suppressed::no ? Shown::value : s == model::Suppressed::primary ? Shown::small : Shown::withheld;
}

} // namespace

Shown WardGroup::total_shown() const { return shown_as(decision.total); }
Shown WardGroup::part_shown(std::size_t i) const { return shown_as(decision.parts[i]); }

double WardGroup::sum(const std::vector<std::size_t>& which) const {
    double s = 0;
    for (auto i : which) s += parts[i];
    return s;
}

Shown WardGroup::sum_shown(const std::vector<std::size_t>& which) const {
    if (which.size() == 1) return part_shown(which.front());
    if (decision.sum_public(which)) return Shown::value;
    // a small total: every part of it is 0 or small, and so is this sum (never "<N" for more)
    if (decision.total == model::Suppressed::primary) return Shown::small;
    return Shown::withheld;
}

Shown WardGroup::share_shown(const std::vector<std::size_t>& which) const {
    return decision.share_public(which) ? Shown::value : Shown::withheld;
}

WardGroup access_group(const model::AccessRow& r, double threshold) {
    WardGroup g{r.target_population, {r.within_threshold, r.target_population - r.within_threshold}, {}};
    g.decision = model::suppress_group(g.total, g.parts, threshold);
    return g;
}

WardGroup capacity_group(const model::CapacityRow& r, double threshold) {
    WardGroup g{r.demand, {r.served, r.no_capacity, r.too_far}, {}};
    g.decision = model::suppress_group(g.total, g.parts, threshold);
    return g;
}

std::vector<Shown> ward_shown(const Analysis& a, const std::string& id, double threshold) {
    const auto& wards = a.study().wards;
    std::vector<Shown> out(wards.size(), Shown::value);
    if (!(threshold > 0)) return out;
    auto index_of = [&](const std::string& code) -> std::optional<std::size_t> {
        for (std::size_t i = 0; i < wards.size(); ++i)
            if (wards[i].code == code) return i;
        return std::nullopt;
    };
    const auto p = indicators::parse(id); // either spelling
    if (!p.entry) return out;
    const std::string_view key = p.entry->key;
    const indicators::Family family = p.entry->family;
    if (family == indicators::Family::access && a.out().access) {
        for (const auto& sa : a.out().access->services)
            for (const auto& r : sa.rows)
                if (r.level == model::AreaLevel::ward && r.service_type == p.service && r.target_group == p.group)
                    if (auto i = index_of(r.area_code)) out[*i] = access_group(r, threshold).share_shown(access_within);
    } else if (family == indicators::Family::capacity && a.out().capacity) {
        // a ward's demand split into served / no capacity / too far: each figure shown as its part is
        for (const auto& sc : a.out().capacity->services)
            if (sc.service_type == p.service && sc.target_group == p.group)
                for (const auto& r : sc.gaps.wards)
                    if (auto i = index_of(r.area_code)) {
                        const WardGroup g = capacity_group(r, threshold);
                        if (key == "capacity.unserved_share") out[*i] = g.share_shown(capacity_unserved);
                        if (key == "capacity.no_capacity") out[*i] = g.part_shown(1);
                        if (key == "capacity.too_far") out[*i] = g.part_shown(2);
                    }
    } else if (family == indicators::Family::ward_summary && p.entry->counts_people) {
        // a count of its own (the estimated age groups): small or not
        const auto v = ward_values(a, id);
        for (std::size_t i = 0; i < v.size(); ++i)
            if (v[i] && model::is_small(*v[i], threshold)) out[i] = Shown::small;
    }
    return out;
}

} // namespace apreptis::app::report
