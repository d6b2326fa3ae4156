#pragma once
// An index of address points and the match of one address against it. The result says what
// was found and never invents a point: a street without the house is listed with the nearest
// house numbers, several distinct candidates are listed and not placed (docs/LOCATE.md).
#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "geo/geometry.hpp"
#include "model/geocode/address.hpp"

namespace apreptis::model {

struct AddressPoint {
    std::string street;  ///< as the source writes them
    std::string house;
    std::string town;
    geo::XY xy;          ///< working CRS
    std::string source;  ///< what the point is, e.g. "OSM way 1234 (building centroid)"
};

enum class MatchKind { address_point, street, ambiguous, not_found };
const char* to_string(MatchKind k);

struct AddressMatch {
    MatchKind kind = MatchKind::not_found;
    std::optional<std::size_t> point;   ///< address_point: the point placed at
    std::vector<std::size_t> candidates; ///< ambiguous: one per distinct place
    std::vector<std::string> nearest_houses; ///< street: the house numbers nearest to the one asked
    std::string note;                    ///< e.g. "flat 3 dropped"
};

class AddressMatcher {
public:
    /// Points whose street or house is empty are kept out of the index.
    explicit AddressMatcher(std::vector<AddressPoint> points);

    /// Points of one address within this distance are one place (an entrance node and its
    /// building outline); farther apart they are separate candidates.
    static constexpr double same_place_m = 60.0;

    /// `exclude`: a point left out (leave-one-out checks).
    AddressMatch match(const ParsedAddress& address, std::optional<std::size_t> exclude = {}) const;

    const std::vector<AddressPoint>& points() const { return m_points; }
    std::size_t indexed() const { return m_parsed.size() - m_skipped; }

private:
    std::vector<AddressPoint> m_points;
    std::vector<ParsedAddress> m_parsed;
    std::size_t m_skipped = 0;
    std::unordered_map<std::string, std::vector<std::size_t>> m_by_last_word;
};

} // namespace apreptis::model
