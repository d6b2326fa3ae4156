// apreptis locate: providers' addresses matched against address points (docs/LOCATE.md).
#include <iostream>

#include "app/cli/args.hpp"
#include "app/cli/commands.hpp"
#include "app/core/locate_run.hpp"

namespace apreptis::cli {

const CommandLine& locate_line() {
    static const CommandLine line = [] {
        CommandLine l("locate", "  apreptis locate <project.toml> --addresses SOURCE [--out FILE] [--in-place]\n",
                      R"(      Matches each provider's address (the providers CSV's address column) against address
      points and writes the providers file with coordinates where the exact house was found
      (location_precision = address, location_basis naming the point and its source).
      Each provider's result: address_point (placed), street (the house is not among the
      points: not placed, the nearest numbers listed), ambiguous (several places: listed,
      not placed), not_found; providers already at an address or building, or
      placed by hand in the viewer, are kept.
)");
        l.positionals("project.toml", "the project whose providers to place");
        l.option("--addresses", "SOURCE",
                 "an OpenStreetMap extract (.osm.pbf: nodes and building outlines tagged\n"
                 "addr:street + addr:housenumber), or any GDAL layer / CSV of address\n"
                 "points whose fields the project's [addresses] table names; without it,\n"
                 "[addresses] path");
        l.option("--out", "FILE",
                 "the file to write (default: providers_located.csv beside the providers\n"
                 "file); the providers file itself is never overwritten ...");
        l.flag("--in-place", "... unless this is given: then it is replaced, after a backup (.bak)");
        return l;
    }();
    return line;
}

int locate(const std::vector<std::string>& argv) {
    const Args args = locate_line().parse(argv);
    if (args.positional.size() != 1) throw UsageError("locate needs one project file");
    if (args.flag("--in-place") && args.has("--out")) throw UsageError("locate: --out and --in-place exclude each other");
    app::LocateOptions o;
    o.project = args.positional[0];
    o.addresses = args.option("--addresses");
    o.out = args.option("--out");
    o.in_place = args.flag("--in-place");
    const app::LocateResult r = app::locate_providers(o);

    std::cout << "Address points: " << r.points << " from " << r.source << "\n";
    for (const auto& p : r.providers)
        if (p.result != "no_address" && p.result != "kept")
            std::cout << "  " << p.provider_id << " '" << p.address << "': " << p.result << ": " << p.detail << "\n";
    std::cout << "Providers: " << r.providers.size();
    for (const char* k : {"address_point", "street", "ambiguous", "not_found", "kept", "no_address"}) {
        const auto it = r.counts.find(k);
        std::cout << ", " << k << " " << (it == r.counts.end() ? 0 : it->second);
    }
    std::cout << "\nWrote " << r.out_path << "\n";
    if (!r.backup_path.empty()) std::cout << "Backup of the previous file: " << r.backup_path << "\n";
    return 0;
}

} // namespace apreptis::cli
