#include <set>

#include "model/errors.hpp"
#include "model/load/fields.hpp"
#include "model/load/loaders.hpp"

namespace apreptis::model::load {

namespace {

std::vector<std::string> split_ids(const std::string& text) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : text + ";") {
        if (c == ';') {
            while (!cur.empty() && cur.back() == ' ') cur.pop_back();
            if (!cur.empty()) out.push_back(cur);
            cur.clear();
        } else if (!(c == ' ' && cur.empty())) {
            cur += c;
        }
    }
    return out;
}

} // namespace

std::vector<PlanLine> plan_lines_from(const geo::FeatureTable& t, const Catalogue& catalogue) {
    const int id = t.require_field("id"), mun = t.require_field("municipality"), line = t.require_field("line"),
              code = t.require_field("measure_code");
    const int doc = t.field_index("document"), year = t.field_index("year"), goal = t.field_index("goal"),
              task = t.field_index("task"), measure = t.field_index("measure"),
              implementer = t.field_index("implementer"), ind = t.field_index("indicator"),
              unit = t.field_index("unit"), target = t.field_index("target"), achieved = t.field_index("achieved"),
              part = t.field_index("funds_part"), planned = t.field_index("planned_eur"),
              used = t.field_index("used_eur"), part_of = t.field_index("part_of"), ward = t.field_index("ward_code"),
              st = t.field_index("service_type"), tap = t.field_index("target_as_printed"),
              aap = t.field_index("achieved_as_printed"), src = t.field_index("source");
    std::vector<PlanLine> out;
    std::set<std::string> ids;
    for (const auto& f : t.features) {
        PlanLine l;
        l.where = t.at(f);
        l.id = required_text(t, f, id);
        if (!ids.insert(l.id).second) throw DataError(t.at(f, "id"), "duplicate line id '" + l.id + "'");
        l.municipality = required_text(t, f, mun);
        l.document = text(t, f, doc);
        if (auto y = optional_count(t, f, year, 2100)) {
            if (*y < 1990) throw DataError(t.at(f, "year"), "expected a year from 1990 to 2100, found " + text(t, f, year));
            l.year = static_cast<int>(*y);
        }
        l.goal = text(t, f, goal);
        l.task = text(t, f, task);
        l.measure_code = required_text(t, f, code);
        l.measure = text(t, f, measure);
        l.implementer = text(t, f, implementer);
        const std::string kind = required_text(t, f, line);
        if (kind == "indicator") l.kind = PlanLineKind::indicator;
        else if (kind == "funds") l.kind = PlanLineKind::funds;
        else throw DataError(t.at(f, "line"), "expected 'indicator' or 'funds', found '" + kind + "'");
        l.indicator = text(t, f, ind);
        l.unit = text(t, f, unit);
        l.target = text(t, f, target);
        l.achieved = text(t, f, achieved);
        l.funds_part = text(t, f, part);
        l.planned_eur = optional_number(t, f, planned);
        l.used_eur = optional_number(t, f, used);
        if (l.kind == PlanLineKind::funds && l.funds_part.empty())
            throw DataError(t.at(f, "funds_part"), "a funds line needs its source or 'total', found nothing");
        if (l.kind == PlanLineKind::indicator && (l.planned_eur || l.used_eur))
            throw DataError(t.at(f, planned >= 0 && l.planned_eur ? "planned_eur" : "used_eur"),
                            "an indicator line carries no EUR amounts (put them on a funds line)");
        l.part_of = split_ids(text(t, f, part_of));
        l.ward_code = text(t, f, ward);
        if (!text(t, f, st).empty()) l.service_type = catalogue_service(t, f, st, catalogue).code;
        l.target_as_printed = text(t, f, tap);
        l.achieved_as_printed = text(t, f, aap);
        l.source = text(t, f, src);
        out.push_back(std::move(l));
    }
    if (out.empty()) throw DataError(Location{t.path, t.layer, -1, -1, {}}, "the plan has no lines");
    return out;
}

} // namespace apreptis::model::load
