#include <sstream>

#include "model/catalogue.hpp"
#include "model/errors.hpp"
#include "model/load/fields.hpp"

namespace apreptis::model {

Catalogue load_catalogue(const std::string& service_types_csv, const std::string& target_groups_csv) {
    using namespace load;
    Catalogue c;
    geo::FeatureTable g = geo::read_vector(target_groups_csv);
    int g_code = g.require_field("code"), g_kind = g.require_field("kind"), g_unit = g.require_field("unit"),
        g_lt = g.require_field("name_lt"), g_en = g.require_field("name_en"), g_age = g.require_field("age_band");
    for (const auto& f : g.features) {
        TargetGroup tg{required_text(g, f, g_code), required_text(g, f, g_kind), required_text(g, f, g_unit),
                       required_text(g, f, g_lt), required_text(g, f, g_en), text(g, f, g_age)};
        if (c.find_group(tg.code)) throw DataError(g.where(f, "code") + ": duplicate target group '" + tg.code + "'");
        c.groups.push_back(std::move(tg));
    }
    geo::FeatureTable s = geo::read_vector(service_types_csv);
    int s_code = s.require_field("code"), s_tier = s.require_field("tier"), s_set = s.require_field("setting"),
        s_unit = s.require_field("counting_unit"), s_lt = s.require_field("name_lt"), s_en = s.require_field("name_en"),
        s_groups = s.require_field("target_groups"), s_mode = s.require_field("default_mode"),
        s_thr = s.require_field("default_threshold_min");
    for (const auto& f : s.features) {
        ServiceType st;
        st.code = required_text(s, f, s_code);
        st.tier = required_text(s, f, s_tier);
        st.setting = required_text(s, f, s_set);
        st.counting_unit = required_text(s, f, s_unit);
        st.name_lt = required_text(s, f, s_lt);
        st.name_en = required_text(s, f, s_en);
        std::stringstream ss(text(s, f, s_groups));
        for (std::string item; std::getline(ss, item, ';');) {
            if (item.empty()) continue;
            if (!c.find_group(item))
                throw DataError(s.where(f, "target_groups") + ": target group '" + item + "' is not in " +
                                target_groups_csv + " (known: " + c.group_codes() + ")");
            st.target_groups.push_back(item);
        }
        st.default_mode = text(s, f, s_mode);
        st.default_threshold_min = optional_number(s, f, s_thr);
        if (c.find_service(st.code)) throw DataError(s.where(f, "code") + ": duplicate service type '" + st.code + "'");
        c.services.push_back(std::move(st));
    }
    return c;
}

} // namespace apreptis::model
