#pragma once
// One error hierarchy for the whole tool. An error about data carries where it is, as fields
// ({path, layer, fid, line, field}, like gdalcpp's gdal_error), and the message is built from
// them: "path:layer:fid N:field (CSV line L): what". Tests and the viewer read the fields;
// people read the message. The CLI maps Error to exit code 2 (bad input) and anything else to
// 1 (internal error).
#include <optional>
#include <stdexcept>
#include <string>

namespace apreptis {

/// Where in an input something is. Empty / negative members are unknown.
struct Location {
    std::string path{};
    std::string layer{};
    long long fid = -1;   ///< feature id as the source numbers it
    long long line = -1;  ///< line in a text file (CSV record start, TOML key)
    std::string field{};
    long long column = -1; ///< with line: the column of a settings file's key or table (TOML)
    /// A settings file's key, dotted ("access.threshold_min"), or the table ("access"): for
    /// tests and the viewer. Not in to_string(): the message names it in the file's own terms
    /// ("[access] threshold_min ...").
    std::string key{};
    /// What the source is, when that is not plain from its path: "basemap" (a tile URL or a
    /// GDAL_WMS description is no file). Printed before the path: "basemap https://...".
    std::string source_kind{};
    /// "[kind ]path:layer:fid N:field (line L)"; a settings file's place is "path:line:column"
    std::string to_string() const;
};

class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
    /// The message is where.to_string() + ": " + what.
    Error(Location where, const std::string& what);
    const std::optional<Location>& location() const { return m_location; }
    /// The message without its location (what was expected and found).
    const std::string& detail() const { return m_detail; }

private:
    std::optional<Location> m_location;
    std::string m_detail;
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
