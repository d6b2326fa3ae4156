#pragma once
// A PROJ transformation between two CRSs, normalised so that both sides are in
// "traditional GIS order" (lon/lat, easting/northing) whatever the CRS's axis order.
// Not thread-safe: it owns its PROJ context; make one per thread.
#include <memory>
#include <optional>
#include <span>
#include <string>

#include "geo/geometry.hpp"

namespace apreptis::geo {

class Transformer {
public:
    /// source/target: anything PROJ accepts ("EPSG:4326", WKT, PROJJSON). Throws CrsError.
    Transformer(const std::string& source_crs, const std::string& target_crs);
    ~Transformer();
    Transformer(Transformer&&) noexcept;
    Transformer& operator=(Transformer&&) noexcept;

    /// Transforms in place; throws CrsError naming the first point that failed.
    void transform(std::span<XY> points) const;
    XY transform(XY p) const;
    /// True when source and target are the same CRS (no-op).
    bool is_identity() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// A human-readable "EPSG:3346" (or the CRS name when it has no authority code). Throws CrsError.
std::string describe_crs(const std::string& crs);

/// The CRS's area of use as a lon/lat box in degrees (west, south, east, north), when PROJ's
/// database knows one. Throws CrsError for an unknown CRS.
std::optional<Envelope> area_of_use_lonlat(const std::string& crs);

/// True when the CRS definition is projected with metre units. Throws CrsError.
bool is_metric_projected(const std::string& crs);

} // namespace apreptis::geo
