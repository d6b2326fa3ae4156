#pragma once
// Basemap fixtures made by the tests themselves: an RGB GeoTIFF in LKS94 (left half red,
// right half blue), the same as MBTiles (GDAL's MBTiles driver writes Web Mercator tiles), a
// PNG tile, and a local XYZ tile server (tests/tools/tile_server.py on 127.0.0.1, a free port).
#include <gdal_priv.h>
#include <gdal_utils.h>
#include <ogr_spatialref.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test_util.hpp"

extern char** environ;

namespace apreptis::test {

struct RgbImage {
    std::string crs = "EPSG:3346";
    double x0 = 500000, y1 = 6101000, cell = 10; ///< top-left corner, pixel size (metres)
    int columns = 200, rows = 100;
    std::uint8_t left[3] = {220, 30, 30};   ///< columns < columns / 2
    std::uint8_t right[3] = {30, 30, 220};
};

inline void write_rgb_geotiff(const RgbImage& g, const std::string& path, const char* driver = "GTiff") {
    GDALAllRegister();
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName(driver);
    GDALDatasetUniquePtr ds(drv->Create(path.c_str(), g.columns, g.rows, 3, GDT_Byte, nullptr));
    if (!ds) throw std::runtime_error("test: cannot create " + path);
    double gt[6] = {g.x0, g.cell, 0, g.y1, 0, -g.cell};
    ds->SetGeoTransform(gt);
    OGRSpatialReference srs;
    srs.SetFromUserInput(g.crs.c_str());
    ds->SetSpatialRef(&srs);
    std::vector<std::uint8_t> buf(static_cast<std::size_t>(g.columns * g.rows));
    for (int b = 0; b < 3; ++b) {
        for (int r = 0; r < g.rows; ++r)
            for (int c = 0; c < g.columns; ++c)
                buf[static_cast<std::size_t>(r * g.columns + c)] = c < g.columns / 2 ? g.left[b] : g.right[b];
        if (ds->GetRasterBand(b + 1)->RasterIO(GF_Write, 0, 0, g.columns, g.rows, buf.data(), g.columns, g.rows,
                                               GDT_Byte, 0, 0) != CE_None)
            throw std::runtime_error("test: cannot write " + path);
    }
}

/// All of Kaunas and around it (EPSG:3346, 50 km square, 100 m pixels) in one green, (0, 200, 0),
/// that no map palette uses: a pixel of it on a map is the basemap showing through.
inline void write_green_kaunas_basemap(const std::string& path) {
    RgbImage green;
    green.x0 = 470000;
    green.y1 = 6110000;
    green.cell = 100;
    green.columns = green.rows = 500;
    green.left[0] = green.right[0] = 0;
    green.left[1] = green.right[1] = 200;
    green.left[2] = green.right[2] = 0;
    write_rgb_geotiff(green, path);
}

/// `from` (any raster) copied by GDAL's `driver` with creation options (e.g. MBTiles, PNG).
inline void translate(const std::string& from, const std::string& to, std::vector<std::string> args) {
    GDALAllRegister();
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    GDALTranslateOptions* o = GDALTranslateOptionsNew(argv.data(), nullptr);
    GDALDatasetH src = GDALOpen(from.c_str(), GA_ReadOnly);
    GDALDatasetH out = GDALTranslate(to.c_str(), src, o, nullptr);
    GDALTranslateOptionsFree(o);
    GDALClose(src);
    if (!out) throw std::runtime_error("test: cannot write " + to);
    GDALClose(out);
}

/// A 256 x 256 PNG of one colour (no georeference: a tile).
inline void write_tile_png(const std::string& path, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
    GDALAllRegister();
    GDALDatasetUniquePtr mem(GetGDALDriverManager()->GetDriverByName("MEM")->Create("", 256, 256, 3, GDT_Byte, nullptr));
    const std::uint8_t rgb[3] = {r, g, b};
    std::vector<std::uint8_t> buf(256 * 256);
    for (int k = 0; k < 3; ++k) {
        std::fill(buf.begin(), buf.end(), rgb[k]);
        if (mem->GetRasterBand(k + 1)->RasterIO(GF_Write, 0, 0, 256, 256, buf.data(), 256, 256, GDT_Byte, 0, 0) != CE_None)
            throw std::runtime_error("test: cannot fill a tile");
    }
    GDALDatasetUniquePtr png(
        GetGDALDriverManager()->GetDriverByName("PNG")->CreateCopy(path.c_str(), mem.get(), false, nullptr, nullptr, nullptr));
    if (!png) throw std::runtime_error("test: cannot write " + path);
}

/// tests/tools/tile_server.py serving `tile` on 127.0.0.1 at a free port until destroyed.
class TileServer {
public:
    TileServer(const std::string& tile, const std::string& port_file) : m_port_file(port_file) {
        const std::string script = source_dir() + "/tests/tools/tile_server.py";
        std::vector<std::string> args{"python3", script, tile, port_file};
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        if (posix_spawnp(&m_pid, "python3", nullptr, nullptr, argv.data(), environ) != 0)
            throw std::runtime_error("test: cannot start python3 tests/tools/tile_server.py");
        for (int i = 0; i < 200 && !std::filesystem::exists(port_file); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        std::ifstream f(port_file);
        if (!(f >> m_port)) throw std::runtime_error("test: the tile server did not start");
    }
    ~TileServer() {
        ::kill(m_pid, SIGTERM);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
    }
    TileServer(const TileServer&) = delete;
    TileServer& operator=(const TileServer&) = delete;
    int port() const { return m_port; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port) + "/tiles/{z}/{x}/{y}.png"; }
    /// Requests served so far (paths), in order.
    std::vector<std::string> requests() const {
        std::vector<std::string> out;
        std::ifstream f(m_port_file + ".log");
        for (std::string l; std::getline(f, l);) out.push_back(l);
        return out;
    }

private:
    std::string m_port_file;
    pid_t m_pid = 0;
    int m_port = 0;
};

/// Kaunas's 11 wards (no providers, no travel) as p.toml in `d`, with `extra` appended (a
/// [basemap] section): the project of the basemap tests.
inline std::string kaunas_wards_project(const ScratchDir& d, const std::string& extra) {
    const std::string k = source_dir() + "/datasets";
    return write_file(d / "p.toml", "[project]\nname = \"basemap\"\n[catalogue]\nservice_types = \"" + k +
                                        "/catalogue/service_types.csv\"\ntarget_groups = \"" + k +
                                        "/catalogue/target_groups.csv\"\n[wards]\npath = \"" + k +
                                        "/kaunas/wards.geojson\"\ncode_field = \"SEN_KODAS\"\nname_field = \"SEN_PAV_TR\"\n"
                                        "municipality_field = \"SAV_PAV\"\npopulation_field = \"SEN_GYV\"\n" + extra);
}

} // namespace apreptis::test
