#pragma once
// Legend labels of map classes, one wording for the council report and the viewer: classes do
// not overlap, so a value on a limit reads as in the lower class only ("0 to 3 %", "over 3 to 44 %").
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/core/i18n.hpp"

namespace apreptis::app {

/// One label per class with upper limits `limits` (ascending; a value equal to a limit is in that
/// class, as class_of says). The first class reads "lowest to limit" ("nuo … iki …") when the
/// lowest value is below its limit, else its limit alone; the others "over previous to limit"
/// ("virš … iki …"). `number` prints a value as the caller prints its figures; `unit` follows
/// each upper limit ("\u00a0%", or empty).
std::vector<std::string> class_labels(const std::vector<double>& limits, const std::optional<double>& lowest,
                                      Language lang, const std::function<std::string(double)>& number,
                                      const std::string& unit = {});

} // namespace apreptis::app
