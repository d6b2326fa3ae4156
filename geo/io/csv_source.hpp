#pragma once
// A CSV source for read_vector: the file scanned strictly (geo/io/csv_scan.hpp: every record's
// line, the separator) and, when it is not UTF-8, decoded and handed to GDAL from memory.
// Private to geo/io.
#include <string>

#include "geo/io/csv_scan.hpp"
#include "geo/io/vector_reader.hpp"

namespace apreptis::geo::detail {

/// A .csv or .tsv file name (any case).
bool is_csv(const std::string& path);

/// The encoding is UTF-8 (or not given).
bool is_utf8_name(std::string e);

/// A CSV file scanned strictly, decoded to UTF-8 and handed to GDAL from memory when it
/// was in another encoding. The /vsimem file lives as long as this object.
class CsvSource {
public:
    CsvSource(const std::string& path, const ReadOptions& opt);
    ~CsvSource();
    CsvSource(const CsvSource&) = delete;
    CsvSource& operator=(const CsvSource&) = delete;
    const std::string& open_path(const std::string& original) const { return m_mem.empty() ? original : m_mem; }
    CsvScan scan;

private:
    std::string m_mem, m_buffer;
};

} // namespace apreptis::geo::detail
