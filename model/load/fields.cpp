#include "model/load/fields.hpp"

#include <charconv>
#include <cmath>

#include "model/errors.hpp"

namespace apreptis::model::load {

std::string text(const geo::FeatureTable& t, const geo::FeatureRecord& f, int field) {
    (void)t;
    if (field < 0) return {};
    const auto& v = f.values[static_cast<std::size_t>(field)];
    if (!v) return {};
    std::size_t b = v->find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    std::size_t e = v->find_last_not_of(" \t\r\n");
    return v->substr(b, e - b + 1);
}

std::string required_text(const geo::FeatureTable& t, const geo::FeatureRecord& f, int field) {
    std::string s = text(t, f, field);
    if (s.empty())
        throw DataError(t.where(f, t.fields[static_cast<std::size_t>(field)]) + ": expected a value, found nothing");
    return s;
}

std::optional<double> optional_number(const geo::FeatureTable& t, const geo::FeatureRecord& f, int field,
                                      bool non_negative) {
    std::string s = text(t, f, field);
    if (s.empty() || s == "-") return std::nullopt;
    const std::string& name = t.fields[static_cast<std::size_t>(field)];
    double v = 0;
    auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size() || !std::isfinite(v)) {
        std::string hint = s.find(',') != std::string::npos ? " (use a decimal point, not a comma)" : "";
        throw DataError(t.where(f, name) + ": expected a number, found '" + s + "'" + hint);
    }
    if (non_negative && v < 0)
        throw DataError(t.where(f, name) + ": expected a number >= 0, found " + s);
    return v;
}

int optional_field(const geo::FeatureTable& t, const std::string& name) {
    return name.empty() ? -1 : t.require_field(name);
}

} // namespace apreptis::model::load
