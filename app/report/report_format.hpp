#pragma once
// Numbers and words as the report prints them: Lithuanian (decimal comma, a space between
// thousands) or English (decimal point, commas), and counts of people as published: "<5" for
// a small count, "×" for a figure withheld so that a small count cannot be worked out.
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

/// How a figure is published (model/suppression.hpp decides, app/report/published_counts.hpp
/// applies it to the report's figures).
enum class Shown { value, small, withheld };

/// The mark of a withheld figure; the page explains it (withheld_note).
inline constexpr const char* withheld_mark = "×";

/// "<5" for threshold 5 ("<1 200" / "<1,200" as the report's numbers print).
std::string small_text(Language lang, double threshold);

/// A count of people as published: the count rounded to a whole person, "<N" (small) or
/// "×" (withheld).
std::string count_text(Language lang, double v, double threshold, Shown shown);

/// What the page says of "<N" and "×" (the basis section, below a table that has them).
std::string withheld_note(Language lang, double threshold);

} // namespace apreptis::app::report
