#include "model/load/fields.hpp"

#include <cmath>

#include "geo/io/vector_writer.hpp"
#include "model/errors.hpp"

namespace apreptis::model::load {

namespace {
const std::string& name_of(const geo::FeatureTable& t, int field) { return t.fields[static_cast<std::size_t>(field)]; }
} // namespace

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
    if (s.empty()) throw DataError(t.at(f, name_of(t, field)), "expected a value, found nothing");
    return s;
}

std::optional<double> optional_number(const geo::FeatureTable& t, const geo::FeatureRecord& f, int field,
                                      bool non_negative, double max) {
    const std::string s = text(t, f, field);
    if (s.empty() || s == "-") return std::nullopt;
    const std::string& name = name_of(t, field);
    if (t.kinds[static_cast<std::size_t>(field)] == geo::FieldKind::boolean)
        throw DataError(t.at(f, name), "expected a number, found a true/false value");
    double v = 0;
    if (!geo::parse_number(s, t.decimal_comma, v)) {
        std::string hint;
        if (!t.decimal_comma && s.find(',') != std::string::npos)
            hint = " (a decimal comma? declare decimal = \",\" for this source, or use a decimal point)";
        throw DataError(t.at(f, name), "expected a number, found '" + s + "'" + hint);
    }
    if (non_negative && v < 0) throw DataError(t.at(f, name), "expected a number >= 0, found " + s);
    if (std::abs(v) > max)
        throw DataError(t.at(f, name), "expected a number of at most " + std::to_string(static_cast<long long>(max)) +
                                           " in size, found " + s);
    return v;
}

std::optional<long long> optional_count(const geo::FeatureTable& t, const geo::FeatureRecord& f, int field,
                                        long long max) {
    const auto v = optional_number(t, f, field, true, static_cast<double>(max));
    if (!v) return std::nullopt;
    if (std::floor(*v) != *v)
        throw DataError(t.at(f, name_of(t, field)), "expected a whole number, found " + text(t, f, field));
    return static_cast<long long>(*v);
}

const ServiceType& catalogue_service(const geo::FeatureTable& t, const geo::FeatureRecord& f, int field,
                                     const Catalogue& catalogue) {
    const std::string code = required_text(t, f, field);
    const ServiceType* type = catalogue.find_service(code);
    if (!type)
        throw DataError(t.at(f, name_of(t, field)),
                        "'" + code + "' is not in the service catalogue (known: " + catalogue.service_codes() + ")");
    return *type;
}

std::string catalogue_group(const geo::FeatureTable& t, const geo::FeatureRecord& f, int field,
                            const Catalogue& catalogue) {
    const std::string code = required_text(t, f, field);
    if (!catalogue.find_group(code))
        throw DataError(t.at(f, name_of(t, field)),
                        "'" + code + "' is not a catalogue target group (known: " + catalogue.group_codes() + ")");
    return code;
}

int optional_field(const geo::FeatureTable& t, const std::string& name) {
    return name.empty() ? -1 : t.require_field(name);
}

} // namespace apreptis::model::load
