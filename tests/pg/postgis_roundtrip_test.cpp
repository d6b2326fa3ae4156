// PostGIS as source and sink (docs/POSTGIS.md), against a real PostgreSQL 15 + PostGIS server
// started here from the Debian packages: a private cluster in a temporary directory, listening
// only on a unix socket there, password (SCRAM) authentication. Since CI runs as root and
// postgres refuses root, the server runs as `nobody`.
//
// Inputs are loaded into the database with ogr2ogr; the CLI reads them from PG: and writes its
// output into a schema (--out-db). The figures must equal those of a run from the files to a
// folder (compared as doubles, exactly), a failure mid-write must leave an earlier output as it
// was, and the password and user name must not appear in any output or message.
//
// Skipped only when /usr/lib/postgresql/15/bin/initdb does not exist; any other failure to
// start the server is a test failure.
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <regex>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <pwd.h>

#include "geo/io/vector_reader.hpp"
#include "test_util.hpp"

namespace fs = std::filesystem;
using apreptis::test::CliRun;

namespace {

const std::string bindir = "/usr/lib/postgresql/15/bin";
const std::string owner = "aprpg_owner_x7"; // the role's name is a credential too: it must not leak
const std::string password = "Pw-never-in-outputs-93jd";

struct Sh {
    int rc = -1;
    std::string out;
};

/// Runs a shell command, stdout and stderr together.
Sh sh(const std::string& cmd) {
    Sh r;
    FILE* p = ::popen((cmd + " 2>&1").c_str(), "r");
    if (!p) return r;
    std::array<char, 4096> buf{};
    while (std::size_t n = std::fread(buf.data(), 1, buf.size(), p)) r.out.append(buf.data(), n);
    const int st = ::pclose(p);
    r.rc = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return r;
}

std::string q(const std::string& s) { // shell single quotes
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

/// A private PostgreSQL server for one test process.
class Server {
public:
    Server() {
        char tmpl[] = "/tmp/apreptis-pg-XXXXXX"; // short: a unix socket path has ~107 bytes
        if (!::mkdtemp(tmpl)) throw std::runtime_error("mkdtemp failed");
        m_dir = tmpl;
        try {
            start();
        } catch (...) {
            stop(); // no server or directory left behind by a failed start
            throw;
        }
    }
    ~Server() { stop(); }

    void start() {
        std::string as; // root: run the server as nobody, with a directory it owns
        if (::geteuid() == 0) {
            const passwd* pw = ::getpwnam("nobody");
            if (!pw) throw std::runtime_error("no user 'nobody' to run PostgreSQL as (it refuses root)");
            if (::chown(m_dir.c_str(), pw->pw_uid, pw->pw_gid) != 0) throw std::runtime_error("chown failed");
            as = "runuser -u nobody -- ";
        }
        apreptis::test::write_file(m_dir + "/pw", password + "\n");
        if (::geteuid() == 0) sh("chown nobody " + q(m_dir + "/pw"));
        const Sh init = sh("cd / && " + as + bindir + "/initdb -N -D " + q(m_dir + "/data") + " -U " + owner +
                           " --auth-local=scram-sha-256 --auth-host=reject --pwfile=" + q(m_dir + "/pw") +
                           " -E UTF8 --no-locale");
        if (init.rc != 0) throw std::runtime_error("initdb failed:\n" + init.out);
        const Sh start = sh("cd / && " + as + bindir + "/pg_ctl -D " + q(m_dir + "/data") + " -l " +
                            q(m_dir + "/server.log") + " -w -t 60 -o " +
                            q("-c listen_addresses='' -c unix_socket_directories=" + m_dir + " -c fsync=off") +
                            " start");
        if (start.rc != 0)
            throw std::runtime_error("pg_ctl start failed:\n" + start.out + "\n" +
                                     apreptis::test::read_file(m_dir + "/server.log"));
        m_as = as;
        m_started = true;
        psql("postgres", "CREATE DATABASE regional");
        psql("regional", "CREATE EXTENSION postgis");
    }

    void stop() {
        if (m_started) sh("cd / && " + m_as + bindir + "/pg_ctl -D " + q(m_dir + "/data") + " -m immediate -w stop");
        m_started = false;
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }

    /// The GDAL/libpq connection string, with credentials.
    std::string conn(const std::string& db = "regional") const {
        return "PG:dbname=" + db + " host=" + m_dir + " user=" + owner + " password=" + password;
    }

    /// psql, tuples only, unaligned; throws on error.
    std::string psql(const std::string& db, const std::string& sql) const {
        const Sh r = sh("PGPASSWORD=" + q(password) + " " + bindir + "/psql -X -q -A -t -v ON_ERROR_STOP=1 -h " +
                        q(m_dir) + " -U " + owner + " -d " + db + " -c " + q(sql));
        if (r.rc != 0) throw std::runtime_error("psql failed: " + sql + "\n" + r.out);
        return r.out;
    }

    /// Loads a file into schema.table with ogr2ogr (names kept as they are).
    void load(const std::string& file, const std::string& schema, const std::string& table,
              const std::string& extra = {}) const {
        const Sh r = sh("ogr2ogr -f PostgreSQL " + q(conn()) + " " + q(file) + " -nln " + table + " -lco SCHEMA=" +
                        schema + " -lco LAUNDER=NO -nlt PROMOTE_TO_MULTI " + extra);
        if (r.rc != 0) throw std::runtime_error("ogr2ogr failed for " + file + ":\n" + r.out);
    }

    std::string dump(const std::string& schema) const {
        const Sh r = sh("PGPASSWORD=" + q(password) + " " + bindir + "/pg_dump -h " + q(m_dir) + " -U " + owner +
                        " -d regional --no-owner --no-privileges -n " + schema); // ownership is the server's, not our data
        if (r.rc != 0) throw std::runtime_error("pg_dump failed:\n" + r.out);
        return r.out;
    }

private:
    std::string m_dir;
    std::string m_as;
    bool m_started = false;
};

/// The server of this test process (gtest_discover_tests runs each test in its own process).
/// A failed start throws, and the next call tries again.
Server& server() {
    static Server s;
    return s;
}

#define REQUIRE_SERVER()                                                                                   \
    do {                                                                                                   \
        if (!fs::exists(bindir + "/initdb"))                                                               \
            GTEST_SKIP() << bindir << "/initdb not installed (apt-get install postgresql-15 postgresql-15-postgis-3)"; \
        try {                                                                                              \
            server();                                                                                      \
        } catch (const std::exception& e) {                                                                \
            FAIL() << "PostgreSQL is installed but could not be started: " << e.what();                    \
        }                                                                                                  \
    } while (0)

// --- CSV, for comparing the file output with the database ---------------------------------

using Table = std::vector<std::vector<std::string>>; // header first

Table parse_csv(const std::string& text) { return apreptis::test::parse_csv(text); }

bool as_number(const std::string& s, double& v) {
    if (s.empty()) return false;
    auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

std::string quote_ident(const std::string& s) { return "\"" + s + "\""; }

/// A table of the database as CSV, the columns of `header`, in fid order.
Table db_table(const std::string& schema, const std::string& table, const std::vector<std::string>& header) {
    std::string cols;
    for (const auto& h : header) cols += (cols.empty() ? "" : ", ") + quote_ident(h);
    const std::string sql = "COPY (SELECT " + cols + " FROM " + schema + "." + quote_ident(table) +
                            " ORDER BY fid) TO STDOUT WITH (FORMAT csv, HEADER)";
    return parse_csv(server().psql("regional", sql));
}

/// Every cell equal: numbers as doubles (exactly), text as text.
void expect_same_table(const std::string& csv_file, const std::string& schema, const std::string& table) {
    SCOPED_TRACE(table);
    ASSERT_TRUE(fs::exists(csv_file)) << csv_file;
    const Table file = parse_csv(apreptis::test::read_file(csv_file));
    ASSERT_FALSE(file.empty());
    const Table db = db_table(schema, table, file[0]);
    ASSERT_EQ(db.size(), file.size()) << "rows";
    int differences = 0;
    for (std::size_t r = 1; r < file.size(); ++r) {
        ASSERT_EQ(db[r].size(), file[r].size());
        for (std::size_t c = 0; c < file[r].size(); ++c) {
            double a = 0, b = 0;
            const bool same = as_number(file[r][c], a) && as_number(db[r][c], b) ? a == b : file[r][c] == db[r][c];
            if (!same && ++differences <= 5)
                ADD_FAILURE() << table << " row " << r << " " << file[0][c] << ": file " << file[r][c] << ", database "
                              << db[r][c];
        }
    }
    EXPECT_EQ(differences, 0);
}

/// The project file with every relative path made absolute against `dir` and the given
/// [section] paths replaced by PostGIS sources.
std::string pg_project(const std::string& original, const std::string& dir,
                       const std::map<std::string, std::pair<std::string, std::string>>& replace /* old path -> conn, layer */) {
    std::string text = apreptis::test::read_file(original);
    for (const auto& [file, source] : replace) {
        const std::string from = "path = \"" + file + "\"";
        const auto at = text.find(from);
        if (at == std::string::npos) throw std::runtime_error(original + " has no " + from);
        text.replace(at, from.size(), "path = \"" + source.first + "\"\nlayer = \"" + source.second + "\"");
    }
    static const std::regex rel(R"re("((?:\.\./)?[A-Za-z0-9_./-]+\.(?:csv|geojson|pbf|ini))")re");
    return std::regex_replace(text, rel, "\"" + dir + "/$1\"");
}

void expect_no_credentials(const std::string& text, const std::string& what) {
    EXPECT_EQ(text.find(password), std::string::npos) << "the password appears in " << what;
    EXPECT_EQ(text.find(owner), std::string::npos) << "the user name appears in " << what;
}

std::set<std::string> db_tables(const std::string& schema) {
    std::set<std::string> out;
    std::string list = server().psql("regional", "SELECT tablename FROM pg_tables WHERE schemaname = '" + schema + "'");
    for (std::size_t b = 0; b < list.size();) {
        std::size_t e = list.find('\n', b);
        if (e == std::string::npos) e = list.size();
        if (e > b) out.insert(list.substr(b, e - b));
        b = e + 1;
    }
    return out;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

/// The file run and the database run write the same layers, every table with a CSV in the
/// folder holds the same figures, and run_record holds run.json.
void expect_same_outputs(const std::string& file_out, const std::string& schema,
                         const std::vector<std::string>& must_have) {
    std::set<std::string> expected{"run_record"};
    for (const auto& l : apreptis::geo::list_layers(file_out + "/coverage.gpkg")) expected.insert(l);
    EXPECT_EQ(db_tables(schema), expected) << "the schema holds exactly the GeoPackage's layers and run_record";
    for (const auto& t : must_have) EXPECT_TRUE(expected.count(t)) << t;
    int compared = 0;
    for (const auto& e : fs::directory_iterator(file_out)) {
        const std::string t = e.path().stem().string();
        // providers.csv lists every provider; the providers layer the located ones
        if (e.path().extension() != ".csv" || t == "providers") continue;
        EXPECT_TRUE(expected.count(t)) << e.path() << " has no table";
        if (!expected.count(t)) continue;
        expect_same_table(e.path().string(), schema, t);
        ++compared;
    }
    EXPECT_GE(compared, static_cast<int>(must_have.size()));
    std::cout << "[ compared ] " << schema << ": " << compared << " tables against the folder's CSVs\n";

    const std::string record = server().psql("regional", "SELECT run_json FROM " + schema + ".run_record");
    expect_no_credentials(record, "run_record");
    expect_no_credentials(server().dump(schema), "the schema (pg_dump)");
    const auto db_json = nlohmann::json::parse(record);
    const auto file_json = nlohmann::json::parse(apreptis::test::read_file(file_out + "/run.json"));
    EXPECT_EQ(db_json["counts"], file_json["counts"]);
}

} // namespace

TEST(PostGIS, kaunas_from_database_to_database_equals_files) {
    REQUIRE_SERVER();
    Server& s = server();
    apreptis::test::ScratchDir tmp;
    const std::string data = apreptis::test::source_dir() + "/datasets/kaunas";
    s.psql("regional", "CREATE SCHEMA kaunas");
    s.load(data + "/wards.geojson", "kaunas", "wards");
    s.load(data + "/providers.csv", "kaunas", "providers");
    // providers through a query: any SQL the layer key holds is run on the database
    const std::string toml = apreptis::test::write_file(
        tmp / "kaunas_pg.toml",
        pg_project(data + "/kaunas.toml", data,
                   {{"wards.geojson", {s.conn(), "kaunas.wards"}},
                    {"providers.csv", {s.conn(), "SELECT * FROM kaunas.providers ORDER BY ogc_fid"}}}));

    const CliRun files = apreptis::test::run_cli("analyze " + q(data + "/kaunas.toml") + " --quiet --out " + q(tmp / "files"));
    ASSERT_EQ(files.rc, 0) << files.output;
    const auto t0 = std::chrono::steady_clock::now();
    const CliRun db = apreptis::test::run_cli("analyze " + q(toml) + " --quiet --out-db " + q(s.conn()) +
                                              " --out " + q(tmp / "both"));
    std::cout << "[ timing ] Kaunas PG -> PG (and folder): " << seconds_since(t0) << " s\n";
    ASSERT_EQ(db.rc, 0) << db.output;
    expect_no_credentials(db.output, "the CLI's output");
    EXPECT_NE(db.output.find("Wrote schema apreptis of PG:"), std::string::npos) << db.output;

    expect_same_outputs(tmp / "files", "apreptis",
                        {"coverage", "wards", "plan_audit", "access", "unit_access"});
    // the folder written beside the schema is the file run's, figure for figure
    EXPECT_EQ(apreptis::test::read_file(tmp / "both/coverage.csv"), apreptis::test::read_file(tmp / "files/coverage.csv"));

    // geometries: in the working CRS, the wards' areas as the file run computed them
    const std::string srid = s.psql("regional", "SELECT DISTINCT ST_SRID(geom) FROM apreptis.wards");
    EXPECT_EQ(srid, "3346\n");
    const double area = std::stod(s.psql("regional", "SELECT sum(ST_Area(geom)) / 1e6 - sum(area_km2) FROM apreptis.wards"));
    EXPECT_NEAR(area, 0.0, 1e-6);
    // the reader reads the output back (QGIS-style: fid key, geom column)
    apreptis::geo::ReadOptions o;
    o.layer = "apreptis.providers";
    const auto providers = apreptis::geo::read_vector(s.conn(), o);
    EXPECT_GT(providers.features.size(), 0u);
    expect_no_credentials(providers.path, "a read source's path");
}

TEST(PostGIS, liechtenstein_access_times_from_database_equal_files) {
    REQUIRE_SERVER();
    Server& s = server();
    apreptis::test::ScratchDir tmp;
    const std::string data = apreptis::test::source_dir() + "/datasets/liechtenstein";
    s.psql("regional", "CREATE SCHEMA li");
    s.load(data + "/gemeinden.geojson", "li", "gemeinden");
    s.load(data + "/providers.csv", "li", "providers");
    s.load(data + "/buildings.csv", "li", "buildings");
    const std::string toml = apreptis::test::write_file(
        tmp / "li_pg.toml", pg_project(data + "/liechtenstein.toml", data,
                                       {{"gemeinden.geojson", {s.conn(), "li.gemeinden"}},
                                        {"providers.csv", {s.conn(), "li.providers"}},
                                        {"buildings.csv", {s.conn(), "li.buildings"}}}));

    const CliRun files = apreptis::test::run_cli("analyze " + q(data + "/liechtenstein.toml") + " --quiet --out " + q(tmp / "files"));
    ASSERT_EQ(files.rc, 0) << files.output;
    const auto t0 = std::chrono::steady_clock::now();
    const CliRun db = apreptis::test::run_cli("analyze " + q(toml) + " --quiet --out-db " + q(s.conn()) + " --out-schema li_out");
    std::cout << "[ timing ] Liechtenstein PG -> PG: " << seconds_since(t0) << " s\n";
    ASSERT_EQ(db.rc, 0) << db.output;
    expect_no_credentials(db.output, "the CLI's output");
    expect_same_outputs(tmp / "files", "li_out",
                        {"coverage", "wards", "access", "unit_access", "accessibility", "allocation"});
    EXPECT_EQ(s.psql("regional", "SELECT DISTINCT ST_SRID(geom) FROM li_out.units"), "32632\n");

    // [roads] from the database: a table of lines (an OSM PBF is a file, format = "osm" refuses PG:)
    s.load(data + "/liechtenstein-2013-08-03.osm.pbf", "li", "roads",
           "lines -where \"highway IS NOT NULL\" --config OSM_CONFIG_FILE " +
               q(apreptis::test::source_dir() + "/datasets/osm/osmconf_roads.ini"));
    std::string roads_toml = apreptis::test::read_file(toml);
    const std::string osm_roads = "path = \"" + data + "/liechtenstein-2013-08-03.osm.pbf\"\nformat = \"osm\"";
    ASSERT_NE(roads_toml.find(osm_roads), std::string::npos);
    apreptis::test::write_file(tmp / "li_osm_pg.toml", std::string(roads_toml).replace(
        roads_toml.find(osm_roads), osm_roads.size(), "path = \"" + s.conn() + "\"\nlayer = \"li.roads\"\nformat = \"osm\""));
    const CliRun osm_pg = apreptis::test::run_cli("analyze " + q(tmp / "li_osm_pg.toml") + " --quiet --out " + q(tmp / "x"));
    EXPECT_EQ(osm_pg.rc, 2) << osm_pg.output;
    EXPECT_NE(osm_pg.output.find("format = \"lines\""), std::string::npos) << osm_pg.output;
    expect_no_credentials(osm_pg.output, "the error message");
    roads_toml.replace(roads_toml.find(osm_roads), osm_roads.size(),
                       "path = \"" + s.conn() + "\"\nlayer = \"li.roads\"\nformat = \"lines\"\nhighway_field = \"highway\"\n"
                       "oneway_field = \"oneway\"\nfoot_field = \"foot\"\naccess_field = \"access\"\nmaxspeed_field = \"maxspeed\"");
    apreptis::test::write_file(tmp / "li_roads_pg.toml", roads_toml);
    const CliRun roads = apreptis::test::run_cli("analyze " + q(tmp / "li_roads_pg.toml") + " --quiet --out-db " +
                                                 q(s.conn()) + " --out-schema li_roads --out " + q(tmp / "roads"));
    ASSERT_EQ(roads.rc, 0) << roads.output;
    expect_no_credentials(roads.output, "the CLI's output");
    const auto roads_json = nlohmann::json::parse(apreptis::test::read_file(tmp / "roads/run.json"));
    EXPECT_EQ(roads_json["distances"]["distance_method"], "network");
    expect_no_credentials(roads_json.dump(), "run.json");
    expect_same_outputs(tmp / "roads", "li_roads", {"coverage", "access", "unit_access", "roads"});
}

TEST(PostGIS, a_failed_write_leaves_the_earlier_output_and_foreign_schemas_are_refused) {
    REQUIRE_SERVER();
    Server& s = server();
    apreptis::test::ScratchDir tmp;
    const std::string project = apreptis::test::source_dir() + "/datasets/kaunas/kaunas.toml";
    const CliRun first = apreptis::test::run_cli("analyze " + q(project) + " --quiet --out-db " + q(s.conn()));
    ASSERT_EQ(first.rc, 0) << first.output;
    auto snapshot = [&](bool with_record) {
        std::string out;
        for (const auto& t : db_tables("apreptis"))
            if (with_record || t != "run_record")
                out += t + ":" + s.psql("regional", "SELECT count(*) || ' ' || md5(string_agg(x::text, '|' ORDER BY "
                                                    "x.fid)) FROM apreptis." + t + " x");
        return out;
    };
    const std::string before = snapshot(true);
    ASSERT_NE(before.find("coverage:"), std::string::npos);

    // a failure in the middle: the server refuses the fourth table, after wards, coverage and
    // providers were created and filled in the same transaction
    s.psql("regional", R"(CREATE FUNCTION fail_on_audit() RETURNS event_trigger LANGUAGE plpgsql AS $$
        DECLARE r record;
        BEGIN
          FOR r IN SELECT * FROM pg_event_trigger_ddl_commands() LOOP
            IF r.object_identity = 'apreptis.plan_audit' THEN RAISE EXCEPTION 'injected failure (test)'; END IF;
          END LOOP;
        END $$;
        CREATE EVENT TRIGGER fail_audit ON ddl_command_end WHEN TAG IN ('CREATE TABLE') EXECUTE FUNCTION fail_on_audit();)");
    const CliRun failed =
        apreptis::test::run_cli("analyze " + q(project) + " --quiet --out-db " + q(s.conn()) + " --out " + q(tmp / "f"));
    EXPECT_EQ(failed.rc, 2) << failed.output;
    EXPECT_NE(failed.output.find("injected failure"), std::string::npos) << failed.output;
    EXPECT_NE(failed.output.find("was written; the schema was left as it was"), std::string::npos) << failed.output;
    expect_no_credentials(failed.output, "the error message");
    EXPECT_EQ(snapshot(true), before) << "the earlier output changed";
    s.psql("regional", "DROP EVENT TRIGGER fail_audit");

    // a schema with someone else's table: refused before the work, nothing touched
    s.psql("regional", "CREATE SCHEMA planning; CREATE TABLE planning.budget (x int); INSERT INTO planning.budget VALUES (7)");
    const CliRun foreign = apreptis::test::run_cli("analyze " + q(project) + " --quiet --out-db " + q(s.conn()) + " --out-schema planning");
    EXPECT_EQ(foreign.rc, 2) << foreign.output;
    EXPECT_NE(foreign.output.find("budget"), std::string::npos) << foreign.output;
    expect_no_credentials(foreign.output, "the error message");
    EXPECT_EQ(db_tables("planning"), std::set<std::string>{"budget"});

    // a wrong password: the message names neither it nor the user
    std::string wrong = s.conn();
    wrong.replace(wrong.find(password), password.size(), "Wrong-pw-xyz-123");
    const CliRun denied = apreptis::test::run_cli("analyze " + q(project) + " --quiet --out-db " + q(wrong));
    EXPECT_EQ(denied.rc, 2) << denied.output;
    EXPECT_EQ(denied.output.find("Wrong-pw-xyz-123"), std::string::npos) << denied.output;
    expect_no_credentials(denied.output, "the connection error");

    // and the earlier output is replaced by a later run
    const CliRun again = apreptis::test::run_cli("analyze " + q(project) + " --quiet --out-db " + q(s.conn()));
    ASSERT_EQ(again.rc, 0) << again.output;
    EXPECT_EQ(snapshot(false), [&] {
        std::string b = before; // the same figures again; only run_record is new
        const auto at = b.find("run_record:");
        return b.erase(at, b.find('\n', at) + 1 - at);
    }());
    EXPECT_EQ(s.psql("regional", "SELECT count(*) FROM apreptis.run_record"), "1\n");
    (void)tmp;
}
