#include "model/plan/target.hpp"

#include <array>
#include <cctype>
#include <regex>
#include <utility>

namespace apreptis::model {

const char* to_string(TargetKind k) {
    switch (k) {
    case TargetKind::none: return "none";
    case TargetKind::exact: return "exact";
    case TargetKind::approximate: return "approximate";
    case TargetKind::at_least: return "at_least";
    case TargetKind::at_most: return "at_most";
    case TargetKind::range: return "range";
    case TargetKind::frequency: return "frequency";
    case TargetKind::not_numeric: return "not_numeric";
    }
    return "?";
}

namespace {

/// Lower-case ASCII, no-break spaces and thin spaces as spaces, runs of spaces as one, trimmed,
/// without a final full stop. Lithuanian letters are left as they are (multibyte UTF-8).
std::string normalise(const std::string& in) {
    std::string s;
    for (std::size_t i = 0; i < in.size(); ++i) {
        const auto c = static_cast<unsigned char>(in[i]);
        if (c == 0xC2 && i + 1 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0xA0) { s += ' '; ++i; continue; }
        if (c == 0xE2 && i + 2 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0x80 &&
            (static_cast<unsigned char>(in[i + 2]) == 0xAF || static_cast<unsigned char>(in[i + 2]) == 0x89)) {
            s += ' '; i += 2; continue; // narrow no-break space, thin space
        }
        s += c < 0x80 ? static_cast<char>(std::tolower(c)) : static_cast<char>(c);
    }
    std::string out;
    for (char c : s) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '.')) out.pop_back();
    return out;
}

bool starts_with(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0; }

void strip(std::string& s, std::size_t n) {
    s.erase(0, n);
    while (!s.empty() && s.front() == ' ') s.erase(0, 1);
}

/// A number at the start of s ("2 560", "99,1", "12.5", "one"); consumes it.
std::optional<double> take_number(std::string& s) {
    static const std::regex number(R"(^(\d{1,3}(?: \d{3})+|\d+)(?:[.,](\d+))?)");
    std::smatch m;
    if (std::regex_search(s, m, number)) {
        std::string digits;
        for (char c : m[1].str())
            if (c != ' ') digits += c;
        if (m[2].matched) digits += "." + m[2].str();
        const double v = std::stod(digits);
        strip(s, static_cast<std::size_t>(m.length(0)));
        return v;
    }
    static const std::array<std::pair<const char*, double>, 8> words{{{"one ", 1}, {"once", 1}, {"two ", 2}, {"twice", 2},
        {"vieną ", 1}, {"vienas ", 1}, {"viena ", 1}, {"du ", 2}}};
    for (const auto& [w, v] : words)
        if (starts_with(s + " ", w)) {
            strip(s, std::min(s.size(), std::string(w).size()));
            return v;
        }
    return std::nullopt;
}

/// A minus sign directly before a digit ("-5", "−5"); consumes it. A dash elsewhere (a
/// range "40–50") is not a sign.
bool take_minus(std::string& s) {
    for (const char* minus : {"-", "\xE2\x88\x92"}) { // hyphen-minus, U+2212 minus sign
        const std::size_t n = std::string(minus).size();
        if (starts_with(s, minus) && s.size() > n && std::isdigit(static_cast<unsigned char>(s[n]))) {
            s.erase(0, n);
            return true;
        }
    }
    return false;
}

/// At most three words without digits: a unit ("asmenų", "proc.", "%", "val.").
bool is_unit(const std::string& rest) {
    if (rest.empty()) return true;
    int words = 1;
    for (char c : rest) {
        if (std::isdigit(static_cast<unsigned char>(c)) || c == ',' || c == ';' || c == '(') return false;
        if (c == ' ') ++words;
    }
    return words <= 3;
}

struct Period { const char* word; const char* name; double per_year; };
constexpr std::array<Period, 12> periods{{{"mėnesį", "month", 12}, {"mėnesio", "month", 12}, {"month", "month", 12},
    {"ketvirtį", "quarter", 4}, {"ketvirčio", "quarter", 4}, {"quarter", "quarter", 4}, {"savaitę", "week", 52},
    {"savaitės", "week", 52}, {"week", "week", 52}, {"metus", "year", 1}, {"metų", "year", 1}, {"year", "year", 1}}};

const Period* period_at(const std::string& s) {
    for (const auto& p : periods)
        if (starts_with(s, p.word)) return &p;
    return nullptr;
}

/// "1 kartą per mėnesį", "kas ketvirtį", "once per month", "first tuesday of every month".
std::optional<Target> frequency(std::string s, const std::string& printed) {
    for (const char* p : {"ne rečiau kaip ", "nerečiau kaip ", "at least "})
        if (starts_with(s, p)) strip(s, std::string(p).size());
    double count = 1;
    const Period* period = nullptr;
    for (const char* every : {"kas ", "kiekvieną ", "kiekvieno ", "every "})
        if (starts_with(s, every)) period = period_at(s.substr(std::string(every).size()));
    if (!period) {
        std::string t = s;
        if (auto n = take_number(t)) {
            count = *n;
            for (const char* w : {"kartą ", "kartus ", "kartai ", "times ", "time "})
                if (starts_with(t, w)) strip(t, std::string(w).size());
            for (const char* per : {"per ", "a ", "each "})
                if (starts_with(t, per)) { period = period_at(t.substr(std::string(per).size())); break; }
        }
    }
    if (!period) {
        const auto at = s.find("of every ");
        if (at != std::string::npos && s.size() < 60) period = period_at(s.substr(at + 9));
    }
    if (!period) {
        if (s == "monthly") period = &periods[2];
        else if (s == "quarterly") period = &periods[5];
        else if (s == "weekly") period = &periods[8];
    }
    if (!period) return std::nullopt;
    Target t;
    t.kind = TargetKind::frequency;
    t.value = count * period->per_year;
    t.period = period->name;
    t.as_printed = printed;
    return t;
}

} // namespace

Target parse_target(const std::string& text) {
    Target t;
    t.as_printed = text;
    std::string s = normalise(text);
    if (s.empty()) return t;
    static const std::regex year(R"(^(19|20)\d\d m\.?,? ?)");
    std::smatch m;
    if (std::regex_search(s, m, year)) strip(s, static_cast<std::size_t>(m.length(0)));
    t.kind = TargetKind::not_numeric;
    if (s.empty() || s.size() > 80) return t;
    if (auto f = frequency(s, text)) return *f;

    TargetKind kind = TargetKind::exact;
    static const std::array<std::pair<const char*, TargetKind>, 22> prefixes{{
        {"ne mažiau nei ", TargetKind::at_least}, {"ne mažiau kaip ", TargetKind::at_least},
        {"nemažiau kaip ", TargetKind::at_least}, {"nemažiau nei ", TargetKind::at_least},
        {"ne mažesnis nei ", TargetKind::at_least}, {"bent ", TargetKind::at_least},
        {"at least ", TargetKind::at_least}, {"min. ", TargetKind::at_least}, {"≥", TargetKind::at_least},
        {">=", TargetKind::at_least}, {"ne daugiau nei ", TargetKind::at_most},
        {"ne daugiau kaip ", TargetKind::at_most}, {"iki ", TargetKind::at_most}, {"at most ", TargetKind::at_most},
        {"max. ", TargetKind::at_most}, {"≤", TargetKind::at_most}, {"<=", TargetKind::at_most},
        {"apie ", TargetKind::approximate}, {"about ", TargetKind::approximate},
        {"approximately ", TargetKind::approximate}, {"vidutiniškai ", TargetKind::approximate},
        {"~", TargetKind::approximate}}};
    for (const auto& [p, k] : prefixes)
        if (starts_with(s, p)) {
            kind = k;
            strip(s, std::string(p).size());
            break;
        }
    const bool negative = take_minus(s);
    auto value = take_number(s);
    if (!value) return t;
    if (negative) *value = -*value;
    std::optional<double> upper;
    for (const char* dash : {"–", "-", "—"})
        if (starts_with(s, dash)) {
            std::string r = s.substr(std::string(dash).size());
            while (!r.empty() && r.front() == ' ') r.erase(0, 1);
            if ((upper = take_number(r))) { s = r; break; }
        }
    if (!is_unit(s)) return t;
    t.kind = upper ? TargetKind::range : kind;
    t.value = *value;
    t.upper = upper;
    t.unit = s;
    return t;
}

std::optional<ResultFigure> read_result(const std::string& text) {
    std::string s = normalise(text);
    static const std::regex year(R"(^(19|20)\d\d m\.?,? ?)");
    std::smatch m;
    if (std::regex_search(s, m, year)) strip(s, static_cast<std::size_t>(m.length(0)));
    const bool negative = take_minus(s);
    auto v = take_number(s);
    if (!v || !is_unit(s)) return std::nullopt;
    return ResultFigure{negative ? -*v : *v, s};
}

std::optional<double> parse_result(const std::string& text) {
    if (auto r = read_result(text)) return r->value;
    return std::nullopt;
}

} // namespace apreptis::model
