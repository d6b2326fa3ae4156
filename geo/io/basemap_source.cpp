#include "geo/io/basemap_source.hpp"

#include <cstdlib>
#include <memory>

#include <gdal.h>
#include <gdal_utils.h>
#include <ogr_srs_api.h>

#include "geo/detail/gdal_util.hpp"
#include "geo/errors.hpp"
#include "geo/io/redact_url.hpp"

namespace apreptis::geo {

namespace {

bool is_xyz_template(const std::string& s) {
    return s.find("{z}") != std::string::npos && s.find("{x}") != std::string::npos &&
           s.find("{y}") != std::string::npos && s.find("<GDAL_WMS>") == std::string::npos;
}

std::string xml_escaped(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else out += c;
    }
    return out;
}

std::string tile_cache_path() {
    if (const char* p = std::getenv("GDAL_DEFAULT_WMS_CACHE_PATH"); p && *p) return p;
    if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return std::string(x) + "/apreptis/tiles";
    if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.cache/apreptis/tiles";
    return "/tmp/apreptis-tiles";
}

struct DatasetCloser {
    void operator()(GDALDatasetH d) const {
        if (d) GDALClose(d);
    }
};
using Dataset = std::unique_ptr<std::remove_pointer_t<GDALDatasetH>, DatasetCloser>;

/// argv for the GDAL utility option parsers (owned strings, null-terminated list).
struct Argv {
    std::vector<std::string> args;
    std::vector<char*> ptrs;
    char** get() {
        ptrs.clear();
        for (auto& a : args) ptrs.push_back(a.data());
        ptrs.push_back(nullptr);
        return ptrs.data();
    }
};

std::string g17(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

} // namespace

std::string basemap_dataset_name(const std::string& source) {
    if (!is_xyz_template(source)) return source;
    std::string url;
    for (std::size_t i = 0; i < source.size(); ++i) {
        // GDAL's TMS service writes ${z}; the usual template writes {z}
        if (source[i] == '{' && (i == 0 || source[i - 1] != '$')) url += '$';
        url += source[i];
    }
    // Web Mercator tiles, 256 px, zoom 0..19; GDAL reads the level that fits the pixel size.
    return "<GDAL_WMS><Service name=\"TMS\"><ServerUrl>" + xml_escaped(url) +
           "</ServerUrl></Service><DataWindow><UpperLeftX>-20037508.34</UpperLeftX>"
           "<UpperLeftY>20037508.34</UpperLeftY><LowerRightX>20037508.34</LowerRightX>"
           "<LowerRightY>-20037508.34</LowerRightY><TileLevel>19</TileLevel><TileCountX>1</TileCountX>"
           "<TileCountY>1</TileCountY><YOrigin>top</YOrigin></DataWindow><Projection>EPSG:3857</Projection>"
           "<BlockSizeX>256</BlockSizeX><BlockSizeY>256</BlockSizeY><BandsCount>3</BandsCount>"
           "<UserAgent>Apreptis (social-service coverage maps)</UserAgent><Timeout>30</Timeout>"
           "<Cache><Path>" + xml_escaped(tile_cache_path()) + "</Path></Cache></GDAL_WMS>";
}

BasemapImage read_basemap(const std::string& source, const BasemapRequest& r) {
    detail::ensure_gdal_registered();
    // named without its API key or password (redact_url.hpp), as is GDAL's message quoting the URL
    const Location where{.path = source.rfind("<GDAL_WMS>", 0) == 0 ? std::string("(GDAL_WMS description)") : redact_url(source),
                         .source_kind = "basemap"};
    if (r.width <= 0 || r.height <= 0 || !(r.extent.width() > 0) || !(r.extent.height() > 0))
        throw IoError(where, "nothing to read (an empty map extent or size)");
    if (static_cast<double>(r.width) * r.height > 64e6)
        throw IoError(where, std::to_string(r.width) + " x " + std::to_string(r.height) + " pixels is over 64 megapixels");
    detail::QuietErrors quiet;
    const std::string name = basemap_dataset_name(source);
    Dataset src(GDALOpenEx(name.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR, nullptr, nullptr, nullptr));
    if (!src) throw IoError(where, "cannot be opened as a raster: " + redact_url(quiet.last_message()));
    if (GDALGetRasterCount(src.get()) < 1) throw IoError(where, "has no raster bands");
    if (!GDALGetSpatialRef(src.get())) throw IoError(where, "has no CRS; a basemap must say where it is");
    for (int b = 1; b <= GDALGetRasterCount(src.get()); ++b)
        if (GDALGetRasterDataType(GDALGetRasterBand(src.get(), b)) != GDT_Byte)
            throw IoError(where, "band " + std::to_string(b) + " is " +
                          GDALGetDataTypeName(GDALGetRasterDataType(GDALGetRasterBand(src.get(), b))) +
                          "; a basemap is an image (8-bit bands: grey, RGB or RGBA, or a palette)");

    // A palette (a paletted GeoTIFF or PNG tiles) is expanded to RGBA first, through a VRT.
    Dataset expanded;
    GDALDatasetH input = src.get();
    if (GDALGetRasterColorTable(GDALGetRasterBand(src.get(), 1))) {
        Argv a;
        a.args = {"-of", "VRT", "-expand", "rgba"};
        std::unique_ptr<GDALTranslateOptions, decltype(&GDALTranslateOptionsFree)> opts(
            GDALTranslateOptionsNew(a.get(), nullptr), &GDALTranslateOptionsFree);
        expanded.reset(GDALTranslate("", src.get(), opts.get(), nullptr));
        if (!expanded) throw IoError(where, "its palette could not be expanded: " + redact_url(quiet.last_message()));
        input = expanded.get();
    }

    // Warped into memory at the view's CRS, extent and pixel size; GDAL picks the overview
    // (tile zoom level) nearest that pixel size, so a town view reads a town's tiles.
    const Envelope& e = r.extent;
    Argv a;
    a.args = {"-of", "MEM", "-t_srs", r.target_crs, "-te", g17(e.min_x), g17(e.min_y), g17(e.max_x), g17(e.max_y), "-ts",
            std::to_string(r.width), std::to_string(r.height), "-r", "bilinear", "-dstalpha", "-wo",
            "INIT_DEST=0"};
    std::unique_ptr<GDALWarpAppOptions, decltype(&GDALWarpAppOptionsFree)> wopts(GDALWarpAppOptionsNew(a.get(), nullptr),
                                                                                  &GDALWarpAppOptionsFree);
    if (!wopts) throw IoError(where, "warp options refused: " + redact_url(quiet.last_message()));
    int usage_error = 0;
    GDALDatasetH in[1] = {input};
    Dataset out(GDALWarp("", nullptr, 1, in, wopts.get(), &usage_error));
    if (!out) throw IoError(where, "could not be read for the map: " + redact_url(quiet.last_message()));

    BasemapImage img;
    img.extent = e;
    img.width = r.width;
    img.height = r.height;
    const int bands = GDALGetRasterCount(out.get()); // colour bands, then the alpha -dstalpha added
    const int colours = bands - 1;
    if (colours != 1 && colours != 3) throw IoError(where, "has " + std::to_string(colours) + " colour bands; expected grey or RGB");
    const std::size_t n = static_cast<std::size_t>(r.width) * static_cast<std::size_t>(r.height);
    img.rgba.assign(n * 4, 0);
    std::vector<std::uint8_t> band(n);
    for (int k = 0; k < 4; ++k) {
        const int b = k == 3 ? bands : colours == 1 ? 1 : k + 1;
        if (GDALRasterIO(GDALGetRasterBand(out.get(), b), GF_Read, 0, 0, r.width, r.height, band.data(), r.width, r.height,
                         GDT_Byte, 0, 0) != CE_None)
            throw IoError(where, "could not be read for the map: " + redact_url(quiet.last_message()));
        for (std::size_t i = 0; i < n; ++i) img.rgba[i * 4 + static_cast<std::size_t>(k)] = band[i];
    }
    return img;
}

} // namespace apreptis::geo
