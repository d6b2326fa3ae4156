#pragma once
// An SQLite R-tree filled in one pass: Sort-Tile-Recursive packing written straight into the
// R-tree's node tables (the index SQLite's rtreecheck() accepts), instead of SQLite splitting
// nodes on every row's insertion.
//
// SQLite's R-tree (ext/rtree, file format of sqlite 3.x): <name>_node(nodeno, data) with node
// 1 the root; a node is [depth u16 (root only)] [cell count u16] then cells of a 64-bit id
// (row id in a leaf, child node number above) and the box as 4 floats [minx maxx miny maxy],
// all big-endian; every node blob has the root's length. <name>_rowid(rowid, nodeno) gives
// each row's leaf, <name>_parent(nodeno, parentnode) each non-root node's parent. Boxes are
// rounded outward to float, as SQLite does when it inserts.
#include <cstdint>
#include <string>
#include <vector>

#include "geo/io/sqlite_db.hpp"

namespace apreptis::geo::detail {

/// One row's box (its id the table's fid), already rounded outward to float by down()/up().
struct Entry {
    std::int64_t id;
    float min_x, max_x, min_y, max_y;
};

/// The largest float not above `v`, and the smallest not below it.
float down(double v);
float up(double v);

/// Replaces the contents of the (empty) R-tree `rtree` in `db` by a packed tree of `rows`.
/// Throws IoError (naming db.shown()) when SQLite refuses a statement.
void pack_rtree(Sqlite& db, const std::string& rtree, std::vector<Entry> rows);

} // namespace apreptis::geo::detail
