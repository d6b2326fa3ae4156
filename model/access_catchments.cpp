#include "model/access_catchments.hpp"

namespace apreptis::model {

const char* to_string(CatchmentScope s) {
    switch (s) {
    case CatchmentScope::provider: return "provider";
    case CatchmentScope::service: return "service";
    case CatchmentScope::none: return "none";
    }
    return "?";
}

namespace detail {

namespace {

/// The bands in seconds.
std::vector<double> band_seconds(const Context& c) {
    std::vector<double> secs;
    for (double b : c.st.catchment_bands_min) secs.push_back(b * 60.0);
    return secs;
}

} // namespace

std::vector<Catchment> provider_catchments(const Context& c, SourceSearch& search, std::size_t i, const std::string& type,
                                           std::size_t provider) {
    std::vector<Catchment> out;
    auto areas = search.source_areas(i, band_seconds(c), c.st.catchment_buffer_m);
    for (std::size_t b = 0; b < areas.size(); ++b)
        out.push_back({provider, type, c.st.catchment_bands_min[b], std::move(areas[b])});
    return out;
}

std::vector<Catchment> service_catchments(const Context& c, SourceSearch& search, const std::string& type) {
    std::vector<Catchment> out;
    auto areas = search.service_areas(band_seconds(c), c.st.catchment_buffer_m);
    for (std::size_t b = 0; b < areas.size(); ++b)
        out.push_back({geo::invalid_index, type, c.st.catchment_bands_min[b], std::move(areas[b])});
    return out;
}

} // namespace detail

} // namespace apreptis::model
