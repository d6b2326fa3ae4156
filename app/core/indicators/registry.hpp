#pragma once
// One registry of the indicators the map (ward choropleth), the comparison of municipalities,
// the council report and docs/INDICATORS.md show: id, LT/EN label, unit (and how a map prints
// it), whether it counts people, which way is better, whether a figure is an estimate or
// measured along a straight line, and how the ward value and the municipality value are
// obtained. A new indicator is one entry here plus its computation (a ward getter in
// registry.cpp's ward_values, a municipal figure in comparison_table.cpp); the tests'
// hand-written units (report_units_test, indicator_registry_test) then ask for its row.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/comparison.hpp"

namespace apreptis::app {
class Analysis;
}

namespace apreptis::app::indicators {

/// Which figures an entry is made of (what its ward value and its parameters are read from).
enum class Family {
    ward_summary, ///< the per-ward summary (population, density, age groups, providers placed)
    providers,    ///< providers placed per service
    coverage,     ///< {service}:{group}:{unit}: recipients or places per 1000 of the target group
    access,       ///< {service}:{group}: share within the travel threshold
    capacity,     ///< {service}:{group}: the optimal allocation and the floating-catchment scores
    plan,         ///< plan indicator lines
};

/// Where estimates come from: never, always (ward shares of a municipal figure), or as the
/// figure's own row says (an estimated target group or demand).
enum class Estimate { never, always, per_figure };

struct Definition {
    std::string_view key;          ///< unique name of the entry, e.g. "coverage.places_per_1000"
    Family family;
    /// Ward map id ({service}, {group}, {unit} filled in); empty: not on the ward map.
    std::string_view ward_id;
    /// Comparison id; empty: not compared. Where both exist and differ, each is accepted for the other.
    std::string_view municipal_id;
    /// Labels; {who} = "service — group", {service} = the service's name, {min} = the threshold.
    std::string_view ward_lt, ward_en;
    std::string_view municipal_lt, municipal_en;
    std::string_view unit;         ///< the comparison's unit ("%", "per 1000", "persons", "providers", "")
    /// The unit as printed after a ward value on a map (report labels and legend), LT / EN:
    /// "\u00a0%", "/1000", "\u00a0asm." / "\u00a0people", or empty.
    std::string_view unit_lt, unit_en;
    /// The ward value counts people of a target group: printed whole, and a small count is
    /// withheld ("<5") where small numbers are suppressed.
    bool counts_people;
    model::RankOrder better;       ///< high_first: higher is better; low_first: lower; none: neither
    Estimate estimate;
    /// A travel figure: labelled with how distance was measured (road network or straight line),
    /// which each run decides ([access] / [capacity] method), never this registry.
    bool travel;
    std::string_view ward_value;      ///< how the ward value is got (docs)
    std::string_view municipal_value; ///< how the municipality value is got (docs)
};

/// Every indicator, in the order the map lists them within a family.
const std::vector<Definition>& all();

/// The entry with this key; throws std::logic_error for an unknown key (a programming error).
const Definition& get(std::string_view key);

/// The entry a ward map id or a comparison id belongs to (either spelling), or nullptr.
const Definition* find(const std::string& id);

/// An id taken apart: its entry (nullptr when no entry knows the id) and the values of its
/// {service}, {group} and {unit} parts (empty where the id has none).
struct Parsed {
    const Definition* entry = nullptr;
    std::string service, group, unit;
};
/// Either spelling (ward map or comparison).
Parsed parse(const std::string& id);

/// The ward map id of entry `key` for this service, group and counting unit ("" where unused).
std::string ward_id(std::string_view key, const std::string& service = {}, const std::string& group = {},
                    const std::string& unit = {});

/// `text` with each "{name}" replaced by its value.
std::string fill(std::string_view text, const std::vector<std::pair<std::string, std::string>>& values);

/// An id in the ward map's spelling: "share_within:a:b" -> "access:a:b",
/// "places_per_1000:a:b:u" -> "coverage:a:b:u:places_per_1000"; unchanged when no entry knows
/// it or its entry is not on the ward map.
std::string ward_spelling(const std::string& id);
/// An id in the comparison's spelling ("access:a:b" -> "share_within:a:b"); unchanged when no
/// entry knows it or its entry is not compared.
std::string municipal_spelling(const std::string& id);

/// One value per ward (nullopt = not known), in the order of study.wards; all nullopt for an
/// id no entry knows or whose figures the run lacks. Accepts both spellings.
std::vector<std::optional<double>> ward_values(const Analysis& a, const std::string& id);

} // namespace apreptis::app::indicators

namespace apreptis::app::indicators {

/// The registry as the Markdown table docs/INDICATORS.md carries between its registry markers
/// (a test checks the two agree, and rewrites the docs with APREPTIS_UPDATE_DOCS=1).
std::string markdown_table();

} // namespace apreptis::app::indicators
