#pragma once
// Finding a municipality by the name a planner types (`apreptis init --municipality`).
//
// Names are compared folded: lower case, Lithuanian letters without their marks (ą->a, č->c,
// ė->e, ...), dots dropped, spaces collapsed, and the long official forms shortened as the
// ward layer writes them ("miesto savivaldybė" -> "m. sav.", "rajono savivaldybė" -> "r. sav.",
// "savivaldybė" -> "sav."). A name that folds to exactly one municipality is accepted; so is
// the bare genitive stem when only one municipality has it ("Palangos", but not "Kauno":
// Kauno m. sav. and Kauno r. sav.). Anything else is refused with the nearest names: a
// misspelt or nominative name ("Palanga") is never guessed into a municipality.
#include <string>
#include <vector>

namespace apreptis::app {

/// The folded form used for every comparison ("Šakių r. sav." -> "sakiu r sav").
std::string fold_municipality_name(const std::string& name);

struct MunicipalityMatch {
    std::string name;                     ///< the official name; empty when none was found
    std::vector<std::string> suggestions; ///< when none: the nearest names, nearest first (up to 3)
    bool ambiguous = false;               ///< the stem names several (suggestions lists them)
};

/// Looks `typed` up among `names` (the official names of the ward layer).
MunicipalityMatch match_municipality(const std::string& typed, const std::vector<std::string>& names);

/// Edit distance counting a swap of two neighbouring letters as one edit ("Palangso" is one
/// edit from "Palangos"), on bytes of folded (ASCII) names.
std::size_t name_distance(const std::string& a, const std::string& b);

} // namespace apreptis::app
