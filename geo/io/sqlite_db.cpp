#include "geo/io/sqlite_db.hpp"

#include "geo/errors.hpp"

namespace apreptis::geo::detail {

Sqlite::Sqlite(const std::string& path, const std::string& shown) : m_path(shown) {
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
    m_db.reset(db);
    if (rc != SQLITE_OK) fail("cannot open for the bulk rows");
}

void Sqlite::fail(const std::string& what) const {
    throw IoError(Location{.path = m_path}, what + ": " + (m_db ? sqlite3_errmsg(m_db.get()) : "out of memory"));
}

void Sqlite::exec(const std::string& sql) {
    if (sqlite3_exec(m_db.get(), sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) fail(sql);
}

Stmt Sqlite::prepare(const std::string& sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(m_db.get(), sql.c_str(), -1, &s, nullptr) != SQLITE_OK) fail(sql);
    return Stmt(s);
}

void Sqlite::step_done(sqlite3_stmt* s, const std::string& what) {
    if (sqlite3_step(s) != SQLITE_DONE) fail(what);
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
}

} // namespace apreptis::geo::detail
