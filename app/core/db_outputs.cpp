#include "app/core/db_outputs.hpp"

#include "app/core/outputs.hpp"
#include "apreptis/build_info.hpp"
#include "geo/io/pg_writer.hpp"

namespace apreptis::app {

namespace {

geo::PgDestination destination(const std::string& connection, const std::string& schema) {
    geo::PgDestination d;
    d.connection = connection;
    d.schema = schema;
    d.marker_table = "run_record";
    return d;
}

} // namespace

void check_db_output(const std::string& connection, const std::string& schema) {
    geo::check_postgis_destination(destination(connection, schema));
}

std::vector<std::string> write_db_outputs(const Analysis& a, std::vector<geo::OutLayer> layers,
                                          const std::string& connection, const std::string& schema) {
    // run.json as it is written to the folder: it names no database source (their connection
    // strings are not inputs with a digest) and holds no credentials
    geo::OutLayer record;
    record.name = "run_record";
    record.description = "The run record (run.json) of the apreptis run that wrote this schema";
    record.fields = {{"tool_version", geo::FieldType::text}, {"project", geo::FieldType::text},
                     {"run_json", geo::FieldType::text}};
    geo::OutFeature f;
    f.values = {std::string(tool_version), a.project().name, run_record_json(a)};
    record.features.push_back(std::move(f));
    layers.push_back(std::move(record));
    geo::write_postgis(destination(connection, schema), a.project().working_crs, layers);
    std::vector<std::string> names;
    for (const auto& l : layers) names.push_back(l.name);
    return names;
}

} // namespace apreptis::app
