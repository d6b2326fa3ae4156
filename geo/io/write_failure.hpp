#pragma once
// What a failed write tells the user. SQLite, GDAL and the C++ streams each say something of
// their own when the disk fills ("no such table: gpkg_geometry_columns", "sqlite3_exec(COMMIT)
// failed", "write failed"), and they name the file they were writing, which inside a staged
// directory is a hidden staging folder. This turns them into one message naming the output.
#include <string>

namespace apreptis::geo {

/// Call from the catch block of a writer whose temporary file `tmp` (for `path`) failed:
/// removes `tmp` and throws again. When the file system is full (under 1 MiB available, or the
/// error says ENOSPC / "disk is full") the error becomes "<output>: disk full while writing it
/// (N KiB free on <folder>)"; a file-size limit (EFBIG, ulimit -f) is said as such; otherwise
/// the error is kept, with staging folders replaced by the outputs they become (output_names).
[[noreturn]] void rethrow_write_failure(const std::string& path, const std::string& tmp);

} // namespace apreptis::geo
