#pragma once
// SQLite handles, wrapped once (geo/io/gpkg_bulk.cpp writes a GeoPackage's rows through them):
// a database opened read-write, statements finalized by their owner, and every failure an
// IoError naming the output the file becomes.
#include <memory>
#include <string>

#include <sqlite3.h>

namespace apreptis::geo::detail {

struct DbClose {
    void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct StmtFinalize {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Db = std::unique_ptr<sqlite3, DbClose>;
using Stmt = std::unique_ptr<sqlite3_stmt, StmtFinalize>;

class Sqlite {
public:
    /// `shown`: the name errors give (the output the file becomes, not its temporary name).
    Sqlite(const std::string& path, const std::string& shown);
    const std::string& shown() const { return m_path; }
    /// Throws IoError: `shown`, what was being done, SQLite's message.
    [[noreturn]] void fail(const std::string& what) const;
    void exec(const std::string& sql);
    Stmt prepare(const std::string& sql);
    /// Runs a statement that returns no row, then readies it for the next bindings.
    void step_done(sqlite3_stmt* s, const std::string& what);

private:
    std::string m_path;
    Db m_db;
};

} // namespace apreptis::geo::detail
