#pragma once
// What a plan's target says, read from its text. Plans print targets as plain numbers
// ("25"), bounds ("ne mažiau nei 30", "≥ 30", "iki 18"), approximations ("apie 150"), ranges
// ("40–50") and frequencies ("1 kartą per mėnesį", "kas ketvirtį", "once per month"); the
// rest ("pagal poreikį", whole sentences) is not a number and is kept as text, never guessed.
#include <optional>
#include <string>

namespace apreptis::model {

enum class TargetKind {
    none,        ///< no target printed (a result-only line)
    exact,       ///< "25": met when achieved >= 25
    approximate, ///< "apie 150": met when achieved >= 150
    at_least,    ///< "ne mažiau nei 30", "≥ 30", "at least one"
    at_most,     ///< "ne daugiau kaip 18", "≤ 18", "iki 18": met when achieved <= 18
    range,       ///< "40–50": met when achieved >= 40
    frequency,   ///< "1 kartą per mėnesį": a count per period, per year in `value`
    not_numeric  ///< text that states no number ("pagal poreikį", a sentence)
};
const char* to_string(TargetKind k);

struct Target {
    TargetKind kind = TargetKind::none;
    double value = 0;          ///< the figure achievement is compared with (lower bound of a range)
    std::optional<double> upper; ///< upper bound of a range
    std::string period;        ///< "month", "quarter", "week", "year" for frequencies
    std::string unit;          ///< the words after the figure ("asmenų", "sociokultūrinė veikla"), lower case; "" if none
    std::string as_printed;
    bool numeric() const { return kind != TargetKind::none && kind != TargetKind::not_numeric; }
};

/// Reads a target. Numbers may use a decimal comma, spaces between thousands and a leading
/// minus ("-5", "−5": read as printed, flagged by plan progress); a leading year ("2023 m.")
/// and a trailing unit of at most three words ("asmenų", "proc.", "val.") are allowed.
/// Anything longer is a sentence and stays not_numeric.
Target parse_target(const std::string& text);

/// A result figure and the unit printed after it ("2 560 asm." -> 2560, "asm.").
struct ResultFigure {
    double value = 0;
    std::string unit; ///< lower case; "" when only the number is printed
};

/// A result figure: a plain number with at most a short unit ("45", "94 %", "2 560 asm."),
/// or nullopt when the text is a sentence or empty.
std::optional<ResultFigure> read_result(const std::string& text);

/// The value of read_result.
std::optional<double> parse_result(const std::string& text);

} // namespace apreptis::model
