#pragma once
// Server messages about a PostgreSQL source (libpq's "password authentication failed for user
// "x"") repeat values of the connection string. scrubbed() redacts the connection string
// (connection_string.hpp) and also blanks the user name and password values themselves.
#include <string>

namespace apreptis::geo {

/// `message` with the connection string redacted and the user and password values of
/// `source` blanked ("***"); defined in connection_string.cpp (one place for <regex>).
std::string scrubbed(const std::string& message, const std::string& source);

} // namespace apreptis::geo
