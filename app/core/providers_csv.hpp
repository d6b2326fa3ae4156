#pragma once
// The project's providers CSV as rows of text, for the tools that write it back with
// coordinates (apreptis locate, the viewer's "Locate providers"): every column and every
// other value is kept as it was, only the cells a tool sets change.
#include <string>
#include <vector>

#include "app/core/project.hpp"

namespace apreptis::app {

struct ProvidersCsv {
    std::string path;     ///< absolute, normalised
    std::string text;     ///< the file as read (what a backup keeps)
    char separator = ',';
    std::string eol = "\n";                      ///< the file's own line ends ("\r\n" kept)
    std::vector<std::vector<std::string>> rows;  ///< header first

    /// Index of column `name`; with `add`, appended (empty in every row) when missing, else
    /// IoError naming the file and the column.
    std::size_t column(const std::string& name, bool add);
    /// The rows as CSV text, quoted where a field needs it.
    std::string to_text() const;
};

/// Reads the project's providers file for `tool` to rewrite ("locate", "the viewer"). Throws
/// Error when the providers are not a UTF-8 CSV file with x/y fields named in the project, or
/// the file is not well-formed CSV (scan_csv's messages).
ProvidersCsv read_providers_csv(const Project& project, const std::string& tool);

/// A coordinate as the providers file writes it: 7 decimals in degrees, 2 in metres, with a
/// decimal comma when the project says so.
std::string format_coordinate(double v, bool degrees, bool decimal_comma);

/// A free backup name beside `path`: PATH.bak, else PATH.bak1, PATH.bak2, ...
std::string backup_path_for(const std::string& path);

} // namespace apreptis::app
