// apreptis version: the tool's version and the GDAL, GEOS and PROJ it runs with.
#include <iostream>

#include "app/cli/commands.hpp"
#include "apreptis/build_info.hpp"
#include "geo/versions.hpp"

namespace apreptis::cli {

const CommandLine& version_line() {
    static const CommandLine line("version", "  apreptis version\n",
                                  "      Prints the version of apreptis and of the GDAL, GEOS and PROJ it runs with.\n");
    return line;
}

int version(const std::vector<std::string>& argv) {
    const Args args = version_line().parse(argv);
    if (!args.positional.empty()) throw UsageError("version takes no arguments");
    const auto v = geo::library_versions();
    std::cout << "apreptis " << app::tool_version << " (GDAL " << v.gdal << ", GEOS " << v.geos << ", PROJ " << v.proj
              << ")\n";
    return 0;
}

} // namespace apreptis::cli
