#include "model/geocode/address_matcher.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>

namespace apreptis::model {

const char* to_string(MatchKind k) {
    switch (k) {
    case MatchKind::address_point: return "address_point";
    case MatchKind::street: return "street";
    case MatchKind::ambiguous: return "ambiguous";
    case MatchKind::not_found: return "not_found";
    }
    return "?";
}

AddressMatcher::AddressMatcher(std::vector<AddressPoint> points) : m_points(std::move(points)) {
    m_parsed.reserve(m_points.size());
    for (std::size_t i = 0; i < m_points.size(); ++i) {
        const auto& p = m_points[i];
        m_parsed.push_back(parse_address_parts(p.street, p.house, p.town));
        const auto& a = m_parsed.back();
        if (a.street.empty() || a.house.empty()) {
            ++m_skipped;
            continue;
        }
        // the last word of a street is its surname or noun, never an initial
        m_by_last_word[a.street.back().text].push_back(i);
    }
}

namespace {

double distance(geo::XY a, geo::XY b) { return std::hypot(a.x - b.x, a.y - b.y); }

// Groups points within `same_place_m` of a group's first point; returns one representative
// per group (the one nearest to its group's mean).
std::vector<std::size_t> distinct_places(const std::vector<std::size_t>& idx, const std::vector<AddressPoint>& pts,
                                         double same_place_m) {
    std::vector<std::vector<std::size_t>> groups;
    for (std::size_t i : idx) {
        bool placed = false;
        for (auto& g : groups)
            if (distance(pts[g.front()].xy, pts[i].xy) <= same_place_m) {
                g.push_back(i);
                placed = true;
                break;
            }
        if (!placed) groups.push_back({i});
    }
    std::vector<std::size_t> out;
    for (const auto& g : groups) {
        geo::XY mean{0, 0};
        for (std::size_t i : g) mean = {mean.x + pts[i].xy.x / double(g.size()), mean.y + pts[i].xy.y / double(g.size())};
        out.push_back(*std::min_element(g.begin(), g.end(), [&](std::size_t a, std::size_t b) {
            return distance(pts[a].xy, mean) < distance(pts[b].xy, mean);
        }));
    }
    return out;
}

} // namespace

AddressMatch AddressMatcher::match(const ParsedAddress& q, std::optional<std::size_t> exclude) const {
    AddressMatch r;
    if (q.street.empty()) return r;
    const auto it = m_by_last_word.find(q.street.back().text);
    if (it == m_by_last_word.end()) return r;
    std::vector<std::size_t> on_street;
    for (std::size_t i : it->second)
        if (i != exclude && same_street(q, m_parsed[i]) && same_town(q.town, m_parsed[i].town)) on_street.push_back(i);
    if (on_street.empty()) return r;

    auto with_house = [&](const std::string& house) {
        std::vector<std::size_t> out;
        for (std::size_t i : on_street)
            if (m_parsed[i].house == house) out.push_back(i);
        return out;
    };
    std::vector<std::size_t> hits;
    if (!q.house.empty()) {
        hits = with_house(q.house);
        // "12-3" is flat 3 of house 12 as the plans write it: the house is the point
        if (const auto dash = q.house.find('-'); hits.empty() && dash != std::string::npos && dash > 0) {
            hits = with_house(q.house.substr(0, dash));
            if (!hits.empty()) r.note = "flat " + q.house.substr(dash + 1) + " not in the address points: placed at house " +
                                        q.house.substr(0, dash);
        }
    }
    if (!hits.empty()) {
        const auto places = distinct_places(hits, m_points, same_place_m);
        if (places.size() == 1) {
            r.kind = MatchKind::address_point;
            r.point = places.front();
        } else {
            r.kind = MatchKind::ambiguous;
            r.candidates = places;
        }
        return r;
    }
    r.kind = MatchKind::street;
    // The nearest house numbers on the street (by number), for a person to check.
    const int wanted = house_number_value(q.house);
    std::vector<std::pair<int, std::string>> houses;
    std::set<std::string> seen;
    for (std::size_t i : on_street)
        if (seen.insert(m_points[i].house).second)
            houses.emplace_back(wanted < 0 ? 0 : std::abs(house_number_value(m_parsed[i].house) - wanted), m_points[i].house);
    std::sort(houses.begin(), houses.end());
    for (std::size_t k = 0; k < houses.size() && k < 4; ++k) r.nearest_houses.push_back(houses[k].second);
    return r;
}

} // namespace apreptis::model
