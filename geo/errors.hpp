#pragma once
// One error hierarchy for the whole tool. Messages say *where* (file:layer:feature:field),
// *what* (expected vs found) and, where it helps, a hint. The CLI maps Error to exit code 2
// (bad input) and anything else to 1 (internal error).
#include <stdexcept>
#include <string>

namespace apreptis {

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace apreptis

namespace apreptis::geo {

/// A file could not be opened, read or written (GDAL's message is appended).
class IoError : public Error {
public:
    using Error::Error;
};

/// A CRS is missing, unknown, or a coordinate could not be transformed.
class CrsError : public Error {
public:
    using Error::Error;
};

/// GEOS refused an operation; carries GEOS's own message.
class GeometryError : public Error {
public:
    using Error::Error;
};

/// "path:layer:fid N:field" — the location part every data message starts with.
std::string where(const std::string& path, const std::string& layer = {}, long long fid = -1,
                  const std::string& field = {});

} // namespace apreptis::geo
