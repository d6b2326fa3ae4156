#pragma once
// A printed map: ward polygons filled by class colour, provider points, value labels, a
// legend, a scale bar, a north arrow and the attribution, drawn with Cairo into a box of a
// page (the council report) or into a file of its own (SVG, PNG, PDF). What to draw is
// plain data, built from an analysis by report_maps.hpp, so the drawing has no model logic.
#include <memory>
#include <string>
#include <vector>

#include "app/core/choropleth.hpp"
#include "geo/geometry.hpp"
#include "geo/io/basemap_source.hpp"
#include "geo/io/pending_file.hpp"

typedef struct _cairo cairo_t;

namespace apreptis::app::report {

struct Box {
    double x = 0, y = 0, w = 0, h = 0; ///< points (1/72 inch), y down
};

struct MapFigure {
    std::vector<geo::MultiPolygon> areas; ///< working CRS (metres, north up)
    std::vector<Rgb> fills;               ///< one per area
    std::vector<std::string> labels;      ///< one per area, may be empty ("" = none); the value with its unit
    /// One per area (or none): the area's name in the numbered key beside the map. A named
    /// area's label is drawn after its number, so that each figure can be tied to its ward.
    std::vector<std::string> key_names;
    std::vector<geo::XY> label_points;    ///< one per area with a label
    std::vector<geo::XY> points;          ///< providers
    std::string legend_title;
    std::vector<std::pair<Rgb, std::string>> legend;
    std::string points_label;             ///< legend text of the point symbol ("" = no entry)
    std::vector<std::string> attribution;
    std::string north_letter = "N";       ///< "Š" in Lithuanian
    /// Streets underneath ([basemap], report_maps.hpp attach_basemap): painted under the ward
    /// fills, which then take `fill_alpha` so that the streets show through. None: as before.
    std::shared_ptr<const geo::BasemapImage> basemap;
    double fill_alpha = 1.0;
};

inline constexpr Rgb point_colour{178, 24, 43};

/// From map metres to page points: uniform scale, north up, centred in the box.
struct MapTransform {
    double scale = 1, x0 = 0, y0 = 0, min_x = 0, max_y = 0;
    double page_x(double x) const { return x0 + (x - min_x) * scale; }
    double page_y(double y) const { return y0 + (max_y - y) * scale; }
};
MapTransform fit(const geo::Envelope& e, const Box& box, double margin_pt = 8);

/// Draws the figure into `box`: the map on the left, and beside it a panel with the north
/// arrow, the scale bar, the legend and the numbered key (so that none of them covers the
/// map); the attribution goes in a band at the bottom of the box.
/// Returns the transform used, so that callers and tests can find a ward on the page.
MapTransform draw_map(cairo_t* cr, const MapFigure& m, const Box& box);

/// The height of a box `width` wide that draw_map fills: the map at full width, its panel
/// and attribution, at most `max_h`.
double map_box_height(cairo_t* cr, const MapFigure& m, double width, double max_h);

/// Writes the figure alone as .svg, .png (2x) or .pdf, chosen by the extension, through a
/// temporary file renamed into place. Throws apreptis::Error.
void write_map_file(const MapFigure& m, const std::string& path, double width_pt = 800, double height_pt = 600);

/// The same, written under a temporary name only: the caller commits it (with the files it
/// belongs with) or lets it go, which removes it.
geo::PendingFile write_map_pending(const MapFigure& m, const std::string& path, double width_pt = 800,
                                   double height_pt = 600);

/// Fonts the report uses (DejaVu, Debian fonts-dejavu-core: every Lithuanian letter).
inline constexpr const char* font_family = "DejaVu Sans";

/// The numbers of the key: areas with a name, numbered 1.. in the order of their names (0: none).
std::vector<int> key_numbers(const MapFigure& m);

/// Nice scale-bar length in metres for a map `width_m` wide (1, 2 or 5 x 10^k, about a fifth).
double scale_bar_length_m(double width_m);

} // namespace apreptis::app::report
