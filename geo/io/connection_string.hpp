#pragma once
// A source may be a file or a database connection string ("PG:dbname=... user=... password=...").
// Connection strings never reach a message, an output or run.json with their credentials.
#include <string>

namespace apreptis::geo {

/// True for a GDAL PostgreSQL connection string ("PG:...").
bool is_database_source(const std::string& source);

/// The source with user, password and any other secret replaced by "***" ("PG:dbname=x
/// host=h user=*** password=***"); files are returned unchanged.
std::string redacted(const std::string& source);

} // namespace apreptis::geo
