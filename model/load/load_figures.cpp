#include "model/errors.hpp"
#include "model/load/fields.hpp"
#include "model/load/loaders.hpp"

namespace apreptis::model::load {

std::vector<MunicipalFigure> municipal_figures_from(const geo::FeatureTable& t) {
    const int mun = t.require_field("municipality"), ind = t.require_field("indicator"),
              order = t.require_field("rank_order"), basis = t.require_field("basis");
    const int lt = t.field_index("label_lt"), en = t.field_index("label_en"), unit = t.field_index("unit"),
              year = t.field_index("year"), num = t.field_index("numerator"), den = t.field_index("denominator"),
              val = t.field_index("value"), src = t.field_index("source");
    std::vector<MunicipalFigure> out;
    for (const auto& f : t.features) {
        MunicipalFigure m;
        m.municipality = required_text(t, f, mun);
        m.indicator.id = required_text(t, f, ind);
        m.indicator.label_lt = text(t, f, lt);
        m.indicator.label_en = text(t, f, en);
        m.indicator.unit = text(t, f, unit);
        const std::string o = required_text(t, f, order);
        if (o == "high_first") m.indicator.order = RankOrder::high_first;
        else if (o == "low_first") m.indicator.order = RankOrder::low_first;
        else if (o == "none") m.indicator.order = RankOrder::none;
        else throw DataError(t.at(f, "rank_order"), "expected high_first, low_first or none, found '" + o + "'");
        if (auto y = optional_count(t, f, year, 2100)) m.year = static_cast<int>(*y);
        const auto n = optional_number(t, f, num, false), d = optional_number(t, f, den), v = optional_number(t, f, val, false);
        if (n && d) {
            if (*d <= 0) throw DataError(t.at(f, "denominator"), "expected a number > 0, found " + text(t, f, den));
            if (v) throw DataError(t.at(f, "value"), "give a value or a numerator and denominator, not both");
            m.value = *n / *d;
        } else if (v && !n && !d) {
            m.value = *v;
        } else {
            throw DataError(t.at(f, v ? "numerator" : "value"),
                            "expected a value, or a numerator with a denominator; found " +
                                std::string(n ? "a numerator without a denominator" : d ? "a denominator without a numerator" : "neither"));
        }
        m.basis = required_text(t, f, basis);
        m.source = text(t, f, src);
        for (const auto& o2 : out)
            if (o2.municipality == m.municipality && o2.indicator.id == m.indicator.id)
                throw DataError(t.at(f, "indicator"), "a second figure of '" + m.indicator.id + "' for " + m.municipality);
        out.push_back(std::move(m));
    }
    return out;
}

} // namespace apreptis::model::load
