#pragma once
// Rows of large layers written straight through SQLite into a GeoPackage that GDAL created,
// and their R-tree packed in one pass.
//
// Through OGR a row costs ~5 µs (a feature object, an OGR geometry, the driver's checks), and
// the GeoPackage R-tree is filled one row at a time at ~17 µs a row (SQLite's R-tree module
// splits nodes on every insertion; GDAL 3.6 has no bulk path): a country's 10 M unit rows and
// 4.6 M road edges took minutes. Here GDAL still makes every table, column, SRS, contents
// entry, R-tree table and trigger (so the file is GDAL's own, every reader's), and this fills
// the rows with one prepared statement and the R-tree by Sort-Tile-Recursive packing written
// into SQLite's R-tree node tables directly (the index SQLite's rtreecheck() accepts).
//
// Only under GDAL < 3.7: GDAL 3.7 and later fill the GeoPackage R-tree in one pass themselves
// (built when the layer's rows are all in), and then the plain OGR writer is used
// (gpkg_bulk_rows_used()). The pieces: geometry blobs (gpkg_geometry_blob.hpp), the R-tree
// packer (sqlite_rtree_pack.hpp), SQLite handles (sqlite_db.hpp); the rows here.
#include <string>
#include <vector>

#include "geo/io/vector_writer.hpp"

namespace apreptis::geo {

/// Whether write_geopackage() puts generated rows (OutLayer::generate) in through
/// append_rows_bulk: built against and running with GDAL older than 3.7. Otherwise OGR writes
/// them as it writes held rows.
bool gpkg_bulk_rows_used();

/// Appends every row of each of `layers` to its table in the closed GeoPackage at `path`,
/// which GDAL created with those fields (and, for a layer with a spatial index, its R-tree
/// and triggers, still empty). Sets each layer's extent in gpkg_contents. All layers in one
/// transaction. Throws IoError naming `shown` (the output the file becomes) and the layer.
void append_rows_bulk(const std::string& path, const std::string& shown, const std::vector<const OutLayer*>& layers);

} // namespace apreptis::geo
