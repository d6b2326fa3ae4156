// Municipal tables: population group sizes and the plan's needs table.
#include "model/errors.hpp"
#include "model/load/fields.hpp"
#include "model/load/loaders.hpp"

namespace apreptis::model {

namespace load {

PopulationGroups population_groups_from(const geo::FeatureTable& t, const Catalogue& catalogue) {
    const int mun = t.require_field("municipality"), grp = t.require_field("group"), val = t.require_field("value"),
              unit = t.require_field("unit"), date = t.require_field("reference_date");
    const int der = t.field_index("derived"), src = t.field_index("source");
    PopulationGroups out;
    for (const auto& f : t.features) {
        GroupValue g;
        g.municipality = required_text(t, f, mun);
        g.group = catalogue_group(t, f, grp, catalogue);
        auto v = optional_number(t, f, val);
        if (!v) throw DataError(t.where(f, "value") + ": expected a number, found nothing");
        g.value = *v;
        g.unit = required_text(t, f, unit);
        g.reference_date = required_text(t, f, date);
        g.derived = text(t, f, der) == "yes";
        g.source = text(t, f, src);
        if (out.find(g.municipality, g.group))
            throw DataError(t.where(f, "group") + ": duplicate group '" + g.group + "' for " + g.municipality);
        out.values.push_back(std::move(g));
    }
    return out;
}

std::vector<NeedRow> needs_from(const geo::FeatureTable& t, const Catalogue& catalogue) {
    const int mun = t.require_field("municipality"), code = t.require_field("code"),
              st = t.require_field("service_type"), tg = t.require_field("target_group"),
              assessed = t.require_field("assessed_need"), unmet = t.require_field("unmet_need");
    const int unit = t.field_index("unit"), lt = t.field_index("label_lt"), en = t.field_index("label_en"),
              note = t.field_index("unmet_note"), par = t.field_index("printed_age_group_ratio"),
              pad = t.field_index("age_group_denominator"), psr = t.field_index("printed_social_group_ratio"),
              psd = t.field_index("social_group_denominator"), scale = t.field_index("printed_scale"),
              year = t.field_index("reference_year"), src = t.field_index("source");
    std::vector<NeedRow> out;
    for (const auto& f : t.features) {
        NeedRow n;
        n.municipality = required_text(t, f, mun);
        n.code = required_text(t, f, code);
        n.service_type = catalogue_service(t, f, st, catalogue).code;
        n.target_group = catalogue_group(t, f, tg, catalogue);
        n.unit = text(t, f, unit);
        n.label_lt = text(t, f, lt);
        n.label_en = text(t, f, en);
        n.assessed_need = optional_number(t, f, assessed);
        n.unmet_need = optional_number(t, f, unmet);
        n.unmet_note = text(t, f, note);
        n.printed_age_group_ratio = text(t, f, par);
        n.printed_social_group_ratio = text(t, f, psr);
        if (par >= 0) (void)optional_number(t, f, par); // checks that the printed ratio is a number
        if (psr >= 0) (void)optional_number(t, f, psr);
        n.age_group_denominator = text(t, f, pad);
        n.social_group_denominator = text(t, f, psd);
        for (const auto* d : {&n.age_group_denominator, &n.social_group_denominator})
            if (!d->empty() && !catalogue.find_group(*d))
                throw DataError(t.where(f) + ": denominator '" + *d + "' is not a catalogue target group");
        if (scale >= 0) {
            auto s = optional_number(t, f, scale);
            if (s && *s != 100 && *s != 1000)
                throw DataError(t.where(f, "printed_scale") + ": expected 100 or 1000, found " + text(t, f, scale));
            if (s) n.printed_scale = *s;
        }
        n.reference_year = text(t, f, year);
        n.source = text(t, f, src);
        out.push_back(std::move(n));
    }
    return out;
}

} // namespace load
} // namespace apreptis::model
