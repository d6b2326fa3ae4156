#include <map>

#include "geo/io/vector_writer.hpp"
#include "model/errors.hpp"
#include "model/load/fields.hpp"
#include "model/load/loaders.hpp"

namespace apreptis::model {

namespace load {

void providers_from(const geo::FeatureTable& t, const Catalogue& catalogue, const ProviderFields& fields,
                    std::vector<Provider>& providers, std::vector<ServiceLine>& lines) {
    const int id = t.require_field("provider_id"), name = t.require_field("name"),
              st = t.require_field("service_type"), tg = t.require_field("target_group"),
              prec = t.require_field("location_precision");
    const int own = t.field_index("ownership"), unit = t.field_index("unit"), detail = t.field_index("service_detail"),
              places = t.field_index("places"), rec = t.field_index("recipients"),
              funded = t.field_index("municipality_funded"), wait = t.field_index("waiting_list"),
              date = t.field_index("reference_date"), serves = t.field_index("serves_municipality"),
              mun = t.field_index("municipality"), ward = t.field_index("ward_code"), addr = t.field_index("address"),
              basis = t.field_index("location_basis"), src = t.field_index("source"),
              printed = t.field_index("name_as_printed");
    std::map<std::string, std::size_t> by_id;
    for (const auto& f : t.features) {
        const std::string pid = required_text(t, f, id);
        auto precision = precision_from_string(text(t, f, prec));
        if (!precision)
            throw DataError(t.where(f, "location_precision") +
                            ": expected address, building, placed_by_hand, ward, municipality or unknown, found '" +
                            text(t, f, prec) + "'");
        Provider p;
        p.id = pid;
        p.name = required_text(t, f, name);
        p.ownership = text(t, f, own);
        p.precision = *precision;
        p.municipality = text(t, f, mun);
        p.ward_code = text(t, f, ward);
        p.address = text(t, f, addr);
        p.location_basis = text(t, f, basis);
        p.serves_municipality = text(t, f, serves);
        if (p.serves_municipality.empty()) p.serves_municipality = fields.default_municipality;
        p.fid = f.fid;
        if (const auto* xy = std::get_if<geo::XY>(&f.geometry)) p.point = *xy;
        if (has_point(p.precision) && !p.point)
            throw DataError(t.where(f, "location_precision") + ": provider " + pid + " is located to '" +
                            to_string(p.precision) + "' but has no coordinates; use ward, municipality or unknown");
        if (!has_point(p.precision) && p.point)
            throw DataError(t.where(f, "location_precision") + ": provider " + pid +
                            " has coordinates but precision '" + to_string(p.precision) +
                            "'; say how the point was obtained (address, building or placed_by_hand)");
        if (p.precision == LocationPrecision::ward && p.ward_code.empty())
            throw DataError(t.where(f, "ward_code") + ": provider " + pid +
                            " is located to a ward but names no ward_code");

        auto [it, fresh] = by_id.try_emplace(pid, providers.size());
        if (fresh) {
            providers.push_back(p);
        } else {
            // Rows with one id are one provider's service lines: everything about the provider
            // must agree, or two different providers would silently become one.
            const Provider& first = providers[it->second];
            const std::pair<const char*, bool> same[] = {
                {"name", first.name == p.name},
                {"location_precision", first.precision == p.precision},
                {"ward_code", first.ward_code == p.ward_code},
                {"coordinates", first.point == p.point},
                {"municipality", first.municipality == p.municipality},
                {"serves_municipality", first.serves_municipality == p.serves_municipality},
                {"address", first.address == p.address}};
            // (ownership is left out: the plans print it per section, with typos that differ)
            for (const auto& [field, equal] : same)
                if (!equal)
                    throw DataError(t.at(f, field), "provider id " + pid + " is used again with another " + field +
                                                        " than in its first row (fid " + std::to_string(first.fid) +
                                                        ", '" + first.name + "'); one id, one provider");
        }

        ServiceLine l;
        l.provider = it->second;
        l.fid = f.fid;
        const ServiceType* type = &catalogue_service(t, f, st, catalogue);
        l.service_type = type->code;
        l.target_group = catalogue_group(t, f, tg, catalogue);
        l.unit = text(t, f, unit);
        if (l.unit.empty()) l.unit = type->counting_unit;
        l.detail = text(t, f, detail);
        l.name_as_printed = printed >= 0 ? text(t, f, printed) : p.name;
        constexpr double max_places = 1e7; // no provider line has ten million places or recipients
        if (places >= 0) l.places = optional_number(t, f, places, true, max_places);
        if (rec >= 0) l.recipients = optional_number(t, f, rec, true, max_places);
        if (funded >= 0) l.municipality_funded = optional_number(t, f, funded, true, max_places);
        if (wait >= 0) l.waiting_list = optional_number(t, f, wait, true, max_places);
        if (l.recipients && l.municipality_funded && *l.municipality_funded > *l.recipients)
            throw DataError(t.where(f, "municipality_funded") + ": expected at most the recipients (" +
                            geo::format_number(*l.recipients) + "), found " + geo::format_number(*l.municipality_funded));
        l.reference_date = text(t, f, date);
        l.source = text(t, f, src);
        lines.push_back(std::move(l));
    }
}

} // namespace load
} // namespace apreptis::model
