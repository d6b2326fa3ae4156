#pragma once
// Point-in-polygon over many polygons: an STRtree of envelopes, then prepared-geometry
// tests. Build once, query many times (from the thread that built it: GEOS contexts are
// per thread).
#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

#include "geo/geometry.hpp"

namespace apreptis::geo {

class PolygonIndex {
public:
    explicit PolygonIndex(const std::vector<MultiPolygon>& polygons);
    ~PolygonIndex();
    PolygonIndex(PolygonIndex&&) noexcept;
    PolygonIndex& operator=(PolygonIndex&&) noexcept;

    /// Index of the polygon containing p (boundary counts as inside; lowest index wins).
    std::optional<std::size_t> locate(XY p) const;

    struct Overlap {
        std::size_t a, b;
        double area;
    };
    /// Pairs whose interiors overlap by more than min_area (CRS units squared).
    std::vector<Overlap> overlaps(double min_area) const;

    struct Gap {
        double area;
        XY inside;                       ///< a point inside the gap
        std::vector<std::size_t> around; ///< polygons that touch it
    };
    /// Holes enclosed by the union of all polygons (land no polygon covers) larger than
    /// min_area, largest first. Not the outside: only what the polygons surround.
    std::vector<Gap> gaps(double min_area) const;

    struct Piece {
        std::size_t index; ///< the indexed polygon this piece lies in
        double area;       ///< of the piece (CRS units squared), > 0
        XY inside;         ///< a point in the piece: the centroid of a whole convex shape, else on its surface
    };
    /// `shape` cut by the indexed polygons: one piece per polygon its interior overlaps, in
    /// index order (a population cell shared out between wards). A shape inside one polygon
    /// is not cut (no overlay): its piece is the whole shape at its centroid.
    std::vector<Piece> pieces(const MultiPolygon& shape) const;

    std::size_t size() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace apreptis::geo
