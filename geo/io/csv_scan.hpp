#pragma once
// A strict RFC 4180 pass over a CSV file before GDAL reads it. GDAL's CSV driver pads a short
// row with nulls and lets an unterminated quote swallow the rest of the file (141 providers
// became 5); this scan finds both and names the line. It also tells which physical line each
// record starts on (quoted fields may span lines), for messages, and which separator the
// header uses.
#include <string>
#include <vector>

namespace apreptis::geo {

struct CsvScan {
    char separator = ',';
    std::size_t columns = 0;            ///< fields in the header
    std::vector<long long> record_line; ///< 1-based physical line of each data record (header excluded)
};

/// `separator` 0: the most frequent of , ; and tab outside quotes in the header line. Throws
/// IoError naming the path and line for an unterminated quote, a stray quote inside an unquoted
/// field, and a record whose field count differs from the header's. Blank lines are skipped.
CsvScan scan_csv(const std::string& text, const std::string& path, char separator = 0);

/// The records of a CSV text that scan_csv has accepted (quotes balanced), header first: fields
/// unquoted ("" inside quotes is a quote), blank lines skipped, a leading UTF-8 BOM dropped.
std::vector<std::vector<std::string>> csv_records(const std::string& text, char separator);

/// Invalid UTF-8 at byte `offset` of `s`, or npos when `s` is valid UTF-8.
std::size_t invalid_utf8_at(const std::string& s);

/// `s` with each byte that is not part of valid UTF-8 written as the text \xHH (as Python's
/// "backslashreplace"): a POSIX path may hold any byte, JSON only UTF-8. Valid text is unchanged.
std::string utf8_escaped(const std::string& s);

} // namespace apreptis::geo
