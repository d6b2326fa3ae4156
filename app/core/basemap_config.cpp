#include "app/core/basemap_config.hpp"

#include <cctype>

#include "geo/errors.hpp"

namespace apreptis::app {

bool basemap_source_is_file(const std::string& s) {
    if (s.empty() || s[0] == '<' || s.find("://") != std::string::npos || s.rfind("/vsi", 0) == 0) return false;
    // "WMTS:https://...", "MBTILES:..." and other "DRIVER:name" forms (a drive letter is one character)
    const std::size_t colon = s.find(':');
    if (colon != std::string::npos && colon > 1) {
        bool word = true;
        for (std::size_t i = 0; i < colon; ++i)
            if (!std::isalnum(static_cast<unsigned char>(s[i])) && s[i] != '_') word = false;
        if (word) return false;
    }
    return true;
}

BasemapConfig basemap_config(const TomlTable& t) {
    BasemapConfig c;
    const std::string source = t.text("source");
    if (source.empty())
        throw Error(t.where(), "[basemap] needs source = \"...\": a GeoTIFF, MBTiles or GeoPackage file, or a tile URL "
                             "such as \"https://tile.openstreetmap.org/{z}/{x}/{y}.png\"");
    c.source = basemap_source_is_file(source) ? t.path("source", true) : source;
    c.attribution = t.text("attribution");
    if (c.attribution.empty())
        throw Error(t.where(), "[basemap] needs attribution = \"...\": whose map it is, shown under every map that "
                             "draws it (e.g. \"© OpenStreetMap contributors\")");
    c.ward_opacity = t.number("ward_opacity", 0.6, {0.1, 1});
    return c;
}

} // namespace apreptis::app
