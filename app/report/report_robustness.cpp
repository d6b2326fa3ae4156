#include "app/report/report_robustness.hpp"

#include <cstdio>
#include <vector>

#include "app/report/report_format.hpp"

namespace apreptis::app::report {

const model::RobustRow* share_row(const model::RobustnessResult& r, const std::string& ward_code,
                                  const std::string& service_type, const std::string& target_group) {
    for (const model::RobustRow& row : r.rows)
        if (row.level == model::AreaLevel::ward && row.indicator == model::RobustIndicator::share_within &&
            row.area_code == ward_code && row.service_type == service_type && row.target_group == target_group)
            return &row;
    return nullptr;
}

std::string sure_text(Language L, const model::RobustRow& row) {
    return std::string(row.robustly_underserved ? pick(L, "tikra, ", "sure, ") : pick(L, "netikra, ", "not sure, ")) +
           percent(L, row.p_worst_k);
}

namespace {

/// "a, b and c" / "a, b ir c".
std::string joined(Language L, const std::vector<std::string>& parts) {
    std::string s;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) s += i + 1 == parts.size() ? pick(L, " ir ", " and ") : ", ";
        s += parts[i];
    }
    return s;
}

} // namespace

std::string robustness_sentence(Language L, const model::RobustnessResult& r, const std::string& basis) {
    const auto& st = r.settings;
    std::vector<std::string> what;
    if (!st.thresholds_min.empty()) {
        std::vector<std::string> ts;
        for (double t : st.thresholds_min) ts.push_back(number(L, t, t == static_cast<long long>(t) ? 0 : 1));
        std::string list;
        for (std::size_t i = 0; i < ts.size(); ++i)
            list += (i == 0 ? "" : i + 1 == ts.size() ? pick(L, " ar ", " or ") : ", ") + ts[i];
        what.push_back(pick(L, "laiko slenkstį (", "the threshold (") + list + "\u00a0min; " +
                       pick(L, "pagrindinis skaičiavimas: ", "the single run: ") + basis + ")");
    }
    if (st.speed_kmh)
        what.push_back(pick(L, "kelionės greitį (", "the travel speed (") + number(L, st.speed_kmh->first, 1) + "–" +
                       number(L, st.speed_kmh->second, 1) + " km/h)");
    if (st.group_relative > 0)
        what.push_back(pick(L, "įvertintą tikslinių grupių dydį seniūnijose (±", "the estimated target-group sizes per ward (±") +
                       percent(L, st.group_relative) + ")");
    if (st.move_ward_located && r.ward_located_moved > 0)
        what.push_back(
            pick(L, "vietą ", "the points of ") + number(L, static_cast<double>(r.ward_located_moved)) +
            pick(L, " teikėjų, žinomų tik seniūnijos tikslumu (atsitiktinis seniūnijos taškas)",
                 " providers located only to their ward (a random point of the ward)"));
    const std::string runs = number(L, static_cast<double>(st.runs));
    const std::string k = std::to_string(st.k_worst);
    const std::string p = percent(L, st.robust_probability);
    if (what.empty())
        return pick(L, "Kiek tikra: projekto [robustness] nieko nekeičia, todėl kiekvienas iš ",
                    "How sure: the project's [robustness] varies nothing, so each of the ") +
               runs + pick(L, " skaičiavimų sutampa su vienu; „tikra“ – seniūnija tarp ", " runs is the single run; \"sure\": the ward is among the ") + k +
               pick(L, " blogiausių (pagal dalį per slenkstį) bent ", " worst (by share within the threshold) in at least ") + p +
               pick(L, " skaičiavimų.", " of the runs.");
    return pick(L, "Kiek tikra: ", "How sure: ") + runs + pick(L, " skaičiavimų (ĮVERČIAI), kuriuose keista ", " runs (ESTIMATES) varying ") +
           joined(L, what) + pick(L, "; „tikra“ – seniūnija tarp ", "; \"sure\": the ward is among the ") + k +
           pick(L, " blogiausių (pagal dalį per slenkstį) bent ", " worst (by share within the threshold) in at least ") + p +
           pick(L, " skaičiavimų; procentas – kokioje skaičiavimų dalyje ji tarp jų.",
                " of the runs; the percentage: in how many of the runs it is.");
}

} // namespace apreptis::app::report
