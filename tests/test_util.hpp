#pragma once
// Helpers shared by the test suites: a scratch directory per test, and file writing.
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

namespace apreptis::test {

inline std::string source_dir() { return APREPTIS_SOURCE_DIR; }

/// A fresh directory under the system temp dir, removed when the object dies.
class ScratchDir {
public:
    ScratchDir() {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        std::string name = std::string(info ? info->test_suite_name() : "t") + "_" + (info ? info->name() : "x");
        m_path = std::filesystem::temp_directory_path() / ("apreptis_" + name + "_" + std::to_string(::getpid()));
        std::filesystem::remove_all(m_path);
        std::filesystem::create_directories(m_path);
    }
    ~ScratchDir() { std::filesystem::remove_all(m_path); }
    std::string operator/(const std::string& file) const { return (m_path / file).string(); }
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

inline std::string write_file(const std::string& path, const std::string& content) {
    std::ofstream f(path, std::ios::binary);
    f << content;
    return path;
}

/// Runs the apreptis CLI with a shell argument string; stdout and stderr together.
struct CliRun {
    int rc = -1;
    std::string output;
};

#ifdef APREPTIS_CLI
inline CliRun run_cli(const std::string& args, const std::string& env = {}) {
    CliRun r;
    const std::string cmd = env + (env.empty() ? "" : " ") + std::string(APREPTIS_CLI) + " " + args + " 2>&1";
    FILE* p = ::popen(cmd.c_str(), "r");
    std::array<char, 4096> buf{};
    while (std::size_t n = std::fread(buf.data(), 1, buf.size(), p)) r.output.append(buf.data(), n);
    const int status = ::pclose(p);
    r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : (WIFSIGNALED(status) ? 128 + WTERMSIG(status) : -1);
    return r;
}
#endif

/// The standard output of a shell command (pdftotext, pdfinfo ...); its stderr is discarded.
inline std::string shell_stdout(const std::string& cmd) {
    std::string out;
    FILE* p = ::popen((cmd + " 2>/dev/null").c_str(), "r");
    std::array<char, 4096> buf{};
    while (std::size_t n = std::fread(buf.data(), 1, buf.size(), p)) out.append(buf.data(), n);
    ::pclose(p);
    return out;
}

/// The rows of a comma-separated text (header first), read independently of the production
/// readers: "" inside quotes is a quote, quoted fields may hold commas and line breaks.
inline std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string cell;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') cell += '"', ++i;
            else if (c == '"') quoted = false;
            else cell += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row.push_back(cell), cell.clear();
        } else if (c == '\n') {
            row.push_back(cell), cell.clear();
            rows.push_back(row), row.clear();
        } else if (c != '\r') {
            cell += c;
        }
    }
    if (!cell.empty() || !row.empty()) row.push_back(cell), rows.push_back(row);
    return rows;
}

inline std::string read_file(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(f)), {});
}

/// Expects `f` to throw E whose message contains every needle.
template <class E, class F>
void expect_error(F&& f, std::initializer_list<std::string> needles) {
    try {
        f();
        ADD_FAILURE() << "expected an exception";
    } catch (const E& e) {
        std::string msg = e.what();
        for (const auto& n : needles) EXPECT_NE(msg.find(n), std::string::npos) << "missing '" << n << "' in: " << msg;
    }
}

} // namespace apreptis::test
