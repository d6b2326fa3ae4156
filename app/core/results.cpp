#include "app/core/results.hpp"

#include <chrono>

namespace apreptis::app {

model::AccessSettings access_settings(const LoadedInputs& in) {
    const AccessConfig& c = *in.project.access;
    model::AccessSettings st;
    st.profile = c.profile;
    st.max_snap_distance_m = c.max_snap_distance_m;
    st.threshold_min = c.threshold_min;
    st.catchment_bands_min = c.catchment_bands_min;
    st.catchment_buffer_m = c.catchment_buffer_m;
    st.catchments = c.catchments;
    st.road_clip = in.road_clip;
    if (c.straight_line_kmh) st.straight_line_mps = *c.straight_line_kmh / 3.6;
    return st;
}

model::CapacitySettings capacity_settings(const LoadedInputs& in) {
    const CapacityConfig& c = *in.project.capacity;
    model::CapacitySettings st;
    st.demand.need_per_1000 = c.need_per_1000;
    st.demand.origin = in.project.file;
    st.demand.places = c.places;
    st.demand.places_basis = c.places_basis;
    st.scores.zones_min = c.zones_min;
    st.scores.weights = c.weights;
    st.services = c.services;
    st.cluster_cell_m = c.cluster_cell_m;
    return st;
}

std::shared_ptr<const Results> compute(const LoadedInputs& in, const model::Scenario& scenario,
                                       const Results* previous, std::stop_token stop) {
    const auto t0 = std::chrono::steady_clock::now();
    auto r = std::make_shared<Results>();
    r->scenario = scenario;
    if (scenario.edits.empty()) {
        r->study = in.study;
        r->warnings = in.placement_warnings;
    } else {
        auto edited = std::make_shared<model::StudyArea>(*in.study);
        r->warnings = model::apply_scenario(*edited, scenario);
        r->study = std::move(edited);
    }
    const model::StudyArea& s = *r->study;
    if (in.routing) {
        std::optional<model::PreviousAccess> prev;
        if (previous && previous->access) prev.emplace(model::PreviousAccess{*previous->study, *previous->access});
        r->incremental = prev.has_value();
        r->access = model::analyse_access(s, *in.routing, access_settings(in), prev ? &*prev : nullptr, stop);
        r->warnings.insert(r->warnings.end(), r->access->warnings.begin(), r->access->warnings.end());
        for (const auto& sa : r->access->services)
            r->warnings.insert(r->warnings.end(), sa.warnings.begin(), sa.warnings.end());
        // the method says when its times are estimates (a straight line), and at what speed
        if (std::string w = in.routing->travel().estimate_warning(access_settings(in)); !w.empty())
            r->warnings.push_back(std::move(w));
        if (!r->access->left_out.empty())
            r->warnings.push_back(std::to_string(r->access->left_out.size()) +
                                  " providers are left out of the distance analysis: no coordinates (listed in "
                                  "providers.csv with their location_precision)");
    }
    if (in.routing && in.project.capacity) {
        const bool reuse = previous && previous->capacity;
        r->capacity = model::analyse_capacity(s, *in.routing, access_settings(in), capacity_settings(in),
                                              reuse ? &*previous->capacity : nullptr,
                                              reuse ? previous->study.get() : nullptr, stop);
        for (const auto& why : r->capacity->skipped) r->warnings.push_back("capacity analysis skips " + why);
    }
    r->coverage = model::compute_coverage(s);
    r->audit = model::audit_plan_ratios(s.needs, s.groups);
    r->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return r;
}

} // namespace apreptis::app
