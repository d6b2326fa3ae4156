#pragma once
// The PostGIS output (docs/POSTGIS.md): every layer of coverage.gpkg as a table of one schema,
// plus run_record with the run.json text, written in one transaction (all or nothing).
#include <string>
#include <vector>

#include "app/core/analysis.hpp"
#include "geo/io/vector_writer.hpp"

namespace apreptis::app {

inline constexpr const char* default_db_schema = "apreptis";

/// Connects and checks that `schema` may be written (new, empty or an earlier output of
/// apreptis), before the work. Throws apreptis::Error; credentials never appear in messages.
void check_db_output(const std::string& connection, const std::string& schema);

/// Replaces the schema's earlier output in one transaction; on failure it is left as it was.
/// Returns the names of the tables written.
/// `layers`: output_layers(analysis), built once when the folder is written too.
std::vector<std::string> write_db_outputs(const Analysis& analysis, std::vector<geo::OutLayer> layers,
                                          const std::string& connection, const std::string& schema);

} // namespace apreptis::app
