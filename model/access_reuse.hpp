#pragma once
// What a what-if takes from the previous analysis: a service type whose located providers are
// unchanged (same ids at the same points) is copied, its provider indices remapped by id.
#include <cstddef>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/access.hpp"

namespace apreptis::model::detail {

/// The type's located providers and their target groups, in study order.
struct TypeInputs {
    std::vector<std::size_t> providers;
    std::vector<std::string> groups;
};

/// True when `prev` was computed from the same providers (ids and points) and groups as `t`.
bool same_inputs(const ServiceAccess& prev, const StudyArea& prev_study, const TypeInputs& t, const StudyArea& s);

/// Maps provider indices of the previous study to this one, by id.
class Remap {
public:
    /// One lookup by id per provider here, so that remapping every unit is an array read.
    Remap(const StudyArea& prev, const StudyArea& now) {
        std::unordered_map<std::string, std::size_t> index;
        for (std::size_t i = 0; i < now.providers.size(); ++i) index.emplace(now.providers[i].id, i);
        m_now.resize(prev.providers.size(), none);
        for (std::size_t i = 0; i < prev.providers.size(); ++i)
            if (auto it = index.find(prev.providers[i].id); it != index.end()) m_now[i] = it->second;
    }
    std::size_t operator()(std::size_t prev_index) const {
        const std::size_t i = m_now.at(prev_index);
        if (i == none) throw std::out_of_range("Remap: a provider of the previous analysis is gone");
        return i;
    }

private:
    static constexpr std::size_t none = static_cast<std::size_t>(-1);
    std::vector<std::size_t> m_now;
};

/// `prev` with its provider indices remapped to this study; with `times_only`, the times only.
ServiceAccess reuse(const ServiceAccess& prev, const Remap& remap, bool times_only);

} // namespace apreptis::model::detail
