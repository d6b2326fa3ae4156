#include "app/core/locate_run.hpp"

#include <filesystem>
#include <sstream>

#include "app/core/providers_csv.hpp"
#include "geo/crs/transformer.hpp"
#include "geo/io/osm_addresses.hpp"
#include "geo/io/vector_reader.hpp"
#include "geo/io/vector_writer.hpp"
#include "model/errors.hpp"

namespace fs = std::filesystem;

namespace apreptis::app {

namespace {

bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

bool is_osm(const std::string& path) { return ends_with(path, ".osm.pbf") || ends_with(path, ".pbf") || ends_with(path, ".osm"); }

std::string text_or(const geo::FeatureRecord& f, int i) { return i >= 0 && f.values[i] ? *f.values[i] : std::string{}; }

std::string point_label(const model::AddressPoint& p) {
    return p.street + " " + p.house + (p.town.empty() ? "" : ", " + p.town);
}

// A previous run's "; locate: ..." is replaced, never piled up.
std::string basis_before_locate(const std::string& basis) {
    if (basis.rfind("locate: ", 0) == 0) return {};
    const auto at = basis.find("; locate: ");
    return at == std::string::npos ? basis : basis.substr(0, at);
}

} // namespace

AddressOutcome match_address(const model::AddressMatcher& matcher, const std::string& address,
                             const std::string& source_name) {
    const model::ParsedAddress q = model::parse_address(address);
    const model::AddressMatch m = matcher.match(q);
    AddressOutcome out;
    out.kind = m.kind;
    const auto& pts = matcher.points();
    switch (m.kind) {
    case model::MatchKind::address_point:
        out.at = pts[*m.point].xy;
        out.detail = "address point " + pts[*m.point].source + " '" + point_label(pts[*m.point]) + "' in " + source_name +
                     (m.note.empty() ? "" : " (" + m.note + ")");
        break;
    case model::MatchKind::street: {
        std::string near;
        for (const auto& h : m.nearest_houses) near += (near.empty() ? "" : ", ") + h;
        out.detail = "street '" + model::street_key(q) + "' found in " + source_name + ", house '" + q.house +
                     "' not; nearest numbers: " + near + "; not placed";
        break;
    }
    case model::MatchKind::ambiguous: {
        out.detail = std::to_string(m.candidates.size()) + " candidates in " + source_name + ", not placed:";
        for (std::size_t k : m.candidates) out.detail += " " + pts[k].source + " '" + point_label(pts[k]) + "';";
        out.detail.pop_back();
        break;
    }
    case model::MatchKind::not_found:
        out.detail = "no address point on '" + model::street_key(q) + "'" + (q.town.empty() ? "" : " in '" + q.town + "'") +
                     " in " + source_name;
        break;
    }
    return out;
}

std::vector<model::AddressPoint> read_address_points(const std::string& source, const Project& project) {
    std::vector<model::AddressPoint> points;
    if (is_osm(source)) {
        for (auto& a : geo::read_osm_addresses(source, project.working_crs))
            points.push_back({std::move(a.street), std::move(a.housenumber), std::move(a.city), a.xy,
                              std::string("OSM ") + (a.type == 'n' ? "node " : "way ") + std::to_string(a.id) +
                                  (a.type == 'w' ? " (outline centroid)" : "")});
        return points;
    }
    if (!project.addresses)
        throw Error(Location{.path = source}, "an address layer needs an [addresses] table in " + project.file +
                    " naming its street_field and house_number_field (docs/LOCATE.md); an .osm.pbf needs none");
    const AddressesConfig& c = *project.addresses;
    if (c.street_field.empty() || c.house_number_field.empty())
        throw Error(Location{.path = project.file, .key = "addresses"}, "[addresses] needs street_field and house_number_field for " + source);
    geo::ReadOptions o;
    o.layer = c.source.layer;
    o.x_field = c.source.x_field;
    o.y_field = c.source.y_field;
    o.declared_crs = c.source.crs;
    o.target_crs = project.working_crs;
    o.encoding = c.source.encoding;
    o.separator = c.source.separator;
    o.decimal_comma = c.source.decimal_comma;
    o.geometry_required = true;
    const geo::FeatureTable t = geo::read_vector(source, o);
    const int street = t.require_field(c.street_field), house = t.require_field(c.house_number_field);
    auto optional_field = [&](const std::string& name) { return name.empty() ? -1 : t.require_field(name); };
    const int letter = optional_field(c.letter_field), building = optional_field(c.building_number_field),
              locality = optional_field(c.locality_field), municipality = optional_field(c.municipality_field);
    for (const auto& f : t.features) {
        const auto* xy = std::get_if<geo::XY>(&f.geometry);
        if (!xy)
            throw model::DataError(t.at(f), "expected an address point, found another geometry (use points, or "
                                            "the outline's centroid)");
        std::string h = text_or(f, house) + text_or(f, letter);
        if (const std::string k = text_or(f, building); !k.empty()) h += " k. " + k; // korpusas
        std::string town = text_or(f, locality);
        if (town.empty()) town = text_or(f, municipality);
        points.push_back({text_or(f, street), h, town, *xy,
                          (t.layer.empty() ? std::string("fid ") : t.layer + " fid ") + std::to_string(f.fid)});
    }
    return points;
}

LocateResult locate_providers(const LocateOptions& opt) {
    const Project project = load_project(opt.project);
    if (!project.providers) throw Error(Location{.path = opt.project, .key = "providers"}, "no [providers] table: nothing to locate");
    const LayerSource& ps = *project.providers;

    LocateResult res;
    res.source = opt.addresses.empty() && project.addresses ? project.addresses->source.path : opt.addresses;
    if (res.source.empty())
        throw Error("locate needs an address source: --addresses FILE, or [addresses] path in " + project.file);
    const fs::path in = fs::absolute(ps.path).lexically_normal();
    res.out_path = opt.in_place ? in.string()
                   : opt.out.empty() ? (in.parent_path() / "providers_located.csv").string()
                                     : fs::absolute(opt.out).lexically_normal().string();
    if (!opt.in_place && fs::exists(res.out_path) && fs::equivalent(res.out_path, in))
        throw Error(Location{.path = res.out_path}, "this is the providers file itself; write elsewhere with --out, or replace it "
                                   "with --in-place (a backup is kept)");

    // Read the providers first: a broken file stops before the address points are read.
    ProvidersCsv csv = read_providers_csv(project, "locate");
    auto& rows = csv.rows;
    const std::size_t c_id = csv.column("provider_id", false), c_prec = csv.column("location_precision", false),
                      c_addr = csv.column("address", false), c_basis = csv.column("location_basis", true),
                      c_x = csv.column(ps.x_field, true), c_y = csv.column(ps.y_field, true),
                      c_res = csv.column("locate_result", true);
    const auto& header = rows[0];

    const model::AddressMatcher matcher(read_address_points(res.source, project));
    res.points = matcher.indexed();
    const std::string providers_crs = ps.crs.empty() ? project.working_crs : ps.crs;
    const geo::Transformer to_providers(project.working_crs, providers_crs);
    const bool degrees = !geo::is_metric_projected(providers_crs);
    const std::string source_name = fs::path(res.source).filename().string();

    std::map<std::string, std::size_t> done; // provider id -> index in res.providers
    std::vector<std::optional<geo::XY>> placed;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        auto& row = rows[r];
        row.resize(header.size());
        auto [it, fresh] = done.try_emplace(row[c_id], res.providers.size());
        if (fresh) {
            LocatedProvider lp{row[c_id], row[c_addr], "", ""};
            std::optional<geo::XY> at;
            if (row[c_prec] == "address" || row[c_prec] == "building" || row[c_prec] == "placed_by_hand") {
                lp.result = "kept";
                lp.detail = "already located (" + row[c_prec] + "); not changed";
            } else if (row[c_addr].empty()) {
                lp.result = "no_address";
            } else {
                const AddressOutcome m = match_address(matcher, row[c_addr], source_name);
                lp.result = model::to_string(m.kind);
                lp.detail = m.detail;
                at = m.at;
            }
            ++res.counts[lp.result];
            res.providers.push_back(std::move(lp));
            placed.push_back(at);
        }
        const LocatedProvider& lp = res.providers[it->second];
        if (lp.result == "kept" || lp.result == "no_address") continue;
        row[c_res] = lp.result;
        if (const auto& at = placed[it->second]) {
            const geo::XY p = to_providers.transform(*at);
            row[c_x] = format_coordinate(p.x, degrees, ps.decimal_comma);
            row[c_y] = format_coordinate(p.y, degrees, ps.decimal_comma);
            row[c_prec] = "address";
            row[c_basis] = "locate: " + lp.detail;
        } else {
            const std::string before = basis_before_locate(row[c_basis]);
            row[c_basis] = (before.empty() ? "" : before + "; ") + "locate: " + lp.detail;
        }
    }

    if (opt.in_place) {
        res.backup_path = backup_path_for(in.string());
        geo::write_text_file(res.backup_path, csv.text);
    }
    geo::write_text_file(res.out_path, csv.to_text());
    return res;
}

} // namespace apreptis::app
