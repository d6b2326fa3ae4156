#pragma once
// Writes layers into one schema of a PostgreSQL/PostGIS database, all or nothing: every table
// is dropped, created and filled inside ONE transaction, so a failure (or a killed process)
// leaves the schema exactly as it was. docs/POSTGIS.md describes the result.
//
// A schema is written only when it is new, empty, or holds an earlier output of this writer:
// its marker table lists the tables it wrote, and any other table in the schema makes the
// write refuse (like an output folder that holds foreign files).
#include <string>
#include <vector>

#include "geo/io/vector_writer.hpp"

namespace apreptis::geo {

struct PgDestination {
    std::string connection;                 ///< "PG:dbname=... host=..." (libpq keywords)
    std::string schema = "apreptis";        ///< a plain lower-case identifier
    std::string marker_table = "run_record";///< must be one of the layers written
};

/// Column the writer adds to the marker table: the comma-separated names of every table it wrote.
inline constexpr const char* pg_marker_tables_column = "tables";

/// True for a schema name the writer accepts: [a-z_][a-z0-9_]*, at most 63 characters.
bool is_valid_pg_schema_name(const std::string& name);

/// Connects and checks that the schema may be written (see above), without changing anything.
/// Throws IoError; messages never show the connection string's credentials.
void check_postgis_destination(const PgDestination& destination);

/// Replaces the schema's earlier output by `layers` in one transaction. Geometries are stored
/// in `crs` (which needs an EPSG code PostGIS knows). Each table gets a primary key `fid` and,
/// for spatial layers, a geometry column `geom` with a GiST index; reals are stored exactly.
/// Throws IoError (the schema unchanged).
void write_postgis(const PgDestination& destination, const std::string& crs, const std::vector<OutLayer>& layers);

} // namespace apreptis::geo
