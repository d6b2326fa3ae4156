#pragma once
// Running the viewer under a virtual X server from a test, and reading what it leaves: its
// screenshot (PNG) and probe (JSON). Shared by the viewer GUI suites.
#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <stb_image.h>

#include "test_util.hpp"

namespace apreptis::test {

/// The viewer's own exit status, kept in a file: xvfb-run's can be its own (5 when it cannot
/// clean its temporary folder up after a program that ended at once, e.g. a bad project).
inline int run_viewer(const std::string& args) {
    std::string dir = (std::filesystem::temp_directory_path() / "apreptis_viewer_run_XXXXXX").string();
    if (!::mkdtemp(dir.data())) return -1;
    const std::string script = dir + "/run.sh", rc_file = dir + "/rc";
    test::write_file(script, std::string(APREPTIS_VIEWER) + " " + args + " > /dev/null 2>&1; echo $? > " + rc_file + "\n");
    const std::string cmd = "xvfb-run -a -s \"-screen 0 1600x1000x24\" sh " + script + " > /dev/null 2>&1";
    [[maybe_unused]] const int status = std::system(cmd.c_str()); // xvfb-run's own: not the viewer's
    const std::string rc = test::read_file(rc_file);
    std::filesystem::remove_all(dir);
    return rc.empty() ? -1 : std::stoi(rc);
}

struct Image {
    int w = 0, h = 0;
    std::vector<unsigned char> px;
    std::array<int, 3> at(int x, int y) const {
        const std::size_t i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(w) + static_cast<std::size_t>(x)) * 4;
        return {px[i], px[i + 1], px[i + 2]};
    }
};

inline Image load_png(const std::string& path) {
    Image img;
    int n = 0;
    unsigned char* data = stbi_load(path.c_str(), &img.w, &img.h, &n, 4);
    if (!data) return img;
    img.px.assign(data, data + static_cast<std::size_t>(img.w) * static_cast<std::size_t>(img.h) * 4);
    stbi_image_free(data);
    return img;
}

inline nlohmann::json load_json(const std::string& path) {
    std::ifstream f(path);
    return nlohmann::json::parse(f);
}

} // namespace apreptis::test
