#pragma once
// Numbers and words as the report prints them: Lithuanian (decimal comma, a space between
// thousands) or English (decimal point, commas), and suppressed counts as "<5".
#include <optional>
#include <string>

#include "app/core/i18n.hpp"

namespace apreptis::app::report {

/// The Lithuanian or the English text.
inline const char* pick(Language lang, const char* lt, const char* en) { return lang == Language::lt ? lt : en; }

/// 10229787 -> "10 229 787" (lt) / "10,229,787" (en); `decimals` digits after the separator.
std::string number(Language lang, double v, int decimals = 0);
std::string percent(Language lang, double ratio_0_1, int decimals = 0);
/// "—" for nothing.
std::string number_or_dash(Language lang, const std::optional<double>& v, int decimals = 0);

/// A count of people as published: "<5" when below the threshold (and > 0), else the count
/// rounded to a whole person.
std::string count_text(Language lang, double v, double threshold, bool suppressed);

} // namespace apreptis::app::report
