#include "app/core/placed_providers.hpp"

#include <chrono>
#include <ctime>
#include <filesystem>
#include <map>

#include "app/core/providers_csv.hpp"
#include "geo/crs/transformer.hpp"
#include "geo/errors.hpp"
#include "geo/io/pending_file.hpp"
#include "geo/io/vector_writer.hpp"

namespace fs = std::filesystem;

namespace apreptis::app {

std::string placed_by_hand_basis(const std::string& date) { return "placed in the viewer, " + date; }

std::string today_utc() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

std::string default_placed_path(const Project& project) {
    if (!project.providers) throw Error(Location{.path = project.file, .key = "providers"}, "no [providers] table");
    return (fs::absolute(project.providers->path).lexically_normal().parent_path() / "providers_located.csv").string();
}

PlacementSave write_placements(const Project& project, const std::vector<Placement>& placements, const std::string& out,
                               bool overwrite) {
    if (placements.empty()) throw Error("no provider is placed: nothing to save");
    ProvidersCsv csv = read_providers_csv(project, "the viewer's Locate providers");
    const LayerSource& ps = *project.providers;
    PlacementSave res;
    res.out_path = out.empty() ? default_placed_path(project) : fs::absolute(out).lexically_normal().string();
    const bool replaces_input = fs::exists(res.out_path) && fs::equivalent(res.out_path, csv.path);
    if (replaces_input && !overwrite)
        throw Error(Location{.path = res.out_path}, "this is the project's providers file itself; save elsewhere, or tick "
                                   "\"overwrite the providers file\" to replace it (a backup is kept)");

    const std::size_t c_id = csv.column("provider_id", false), c_prec = csv.column("location_precision", false),
                      c_basis = csv.column("location_basis", true), c_x = csv.column(ps.x_field, true),
                      c_y = csv.column(ps.y_field, true);
    const auto& header = csv.rows[0];
    auto optional_column = [&](const std::string& name) -> long {
        for (std::size_t i = 0; i < header.size(); ++i)
            if (header[i] == name) return static_cast<long>(i);
        return -1;
    };
    // The ward the point lies in replaces a ward the data named (the loader would say they
    // disagree); a locate note about an address no longer says how the point was found.
    const long c_ward = optional_column("ward_code"), c_result = optional_column("locate_result");

    const std::string providers_crs = ps.crs.empty() ? project.working_crs : ps.crs;
    const geo::Transformer to_providers(project.working_crs, providers_crs);
    const bool degrees = !geo::is_metric_projected(providers_crs);
    std::map<std::string, const Placement*> by_id;
    for (const auto& p : placements) by_id[p.provider_id] = &p;
    std::map<std::string, bool> seen;
    for (std::size_t r = 1; r < csv.rows.size(); ++r) {
        auto& row = csv.rows[r];
        row.resize(header.size());
        const auto it = by_id.find(row[c_id]);
        if (it == by_id.end()) continue;
        const Placement& p = *it->second;
        const geo::XY xy = to_providers.transform(p.point);
        row[c_x] = format_coordinate(xy.x, degrees, ps.decimal_comma);
        row[c_y] = format_coordinate(xy.y, degrees, ps.decimal_comma);
        row[c_prec] = p.precision;
        row[c_basis] = p.basis;
        if (c_ward >= 0) row[static_cast<std::size_t>(c_ward)] = p.ward_code;
        if (c_result >= 0) row[static_cast<std::size_t>(c_result)].clear();
        seen[p.provider_id] = true;
        ++res.rows;
    }
    for (const auto& p : placements)
        if (!seen.count(p.provider_id))
            throw Error(Location{.path = csv.path}, "no provider " + p.provider_id + " in the file (it was read when the project "
                                                                      "was opened: has the file changed since?)");
    res.providers = seen.size();

    geo::PendingFile file(res.out_path);
    file.write([&](std::ostream& o) { o << csv.to_text(); });
    if (replaces_input) { // the new file is written in full before the old one is touched
        res.backup_path = backup_path_for(csv.path);
        geo::write_text_file(res.backup_path, csv.text);
    }
    file.commit();
    return res;
}

} // namespace apreptis::app
