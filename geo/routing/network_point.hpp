#pragma once
// Points on the network (a SnappedPoint sits at an offset along an edge): how a search is
// seeded from them, how a search result is read at them, and pieces of an edge's shape.
// Shared by the nearest-provider search, catchments, allocation and the reach matrix, so
// that every travel time in the tool is computed by the same formula.
#include <span>
#include <vector>

#include "geo/routing/snap_index.hpp"
#include "geo/routing/travel_query.hpp"

namespace apreptis::geo {

/// Travel from a point to a source: time, distance, and which source (label).
struct Access {
    float time_s = unreachable;
    float distance_m = unreachable; ///< network path plus both straight access legs
    std::uint32_t source = invalid_index;
    bool reachable() const { return source != invalid_index; }
};

/// Seeds for a search towards the sources (Direction::to_seeds): a source on edge (a,b) at
/// offset o is reached from a by going forward o metres and from b by going backward len - o
/// metres; its straight access leg is walked at walk_mps. Labels are indices into `sources`;
/// unsnapped sources give no seed.
std::vector<Seed> seeds_towards(const RoadNetwork& net, std::span<const SnappedPoint> sources, double walk_mps);

/// From a point at `offset` along edge e to each end of it: time (infinite where e cannot be
/// travelled that way) and length. Computed once per point where many searches read it.
struct EdgeLegs {
    NodeId from = 0, to = 0;
    double to_end_s = unreachable, to_end_m = 0;     ///< forward, to e.to
    double from_end_s = unreachable, from_end_m = 0; ///< backward, to e.from
};
EdgeLegs legs_to_ends(const RoadEdge& e, double offset);

/// After a search towards the seeds: time from a point at `offset` along edge e to the
/// nearest seed via either end of the edge (not counting the point's own access leg).
Access via_edge_ends(const TravelQuery& q, const RoadEdge& e, double offset);
Access via_edge_ends(const TravelQuery& q, const EdgeLegs& legs);

/// A source on the same edge as a target: its label and where it is.
struct SourceOnEdge {
    std::uint32_t label;
    const SnappedPoint* source;
};

/// After a search towards sources (seeds_towards): the time and distance of a snapped target
/// to the nearest of them, via either end of its edge or straight along the edge to a source
/// on it (`same_edge`), plus the target's own access leg at walk_mps. The one formula every
/// travel time in the tool uses.
Access access_after_search(const TravelQuery& q, const SnappedPoint& target, std::span<const SourceOnEdge> same_edge,
                           double walk_mps);

/// Appends the part of e's shape between offsets a < b (metres from e.from).
void add_edge_piece(MultiLineString& out, const RoadNetwork& net, const RoadEdge& e, double a, double b);

/// The part of edge `edge` between offsets a < b (metres from its `from` end), in 12 bytes
/// instead of linework: a country's allocation is its whole network once per service type.
/// Offsets are floats like RoadEdge::length_m, so a whole edge is exact and a split point is
/// within 0.1 mm on edges up to 1.6 km.
struct EdgePiece {
    std::uint32_t edge = 0;
    float a = 0, b = 0;
    friend bool operator==(const EdgePiece&, const EdgePiece&) = default;
};

/// Appends the linework of `pieces` (add_edge_piece of each), a piece that starts where the
/// previous one ended continuing its line.
void add_edge_pieces(MultiLineString& out, const RoadNetwork& net, std::span<const EdgePiece> pieces);

} // namespace apreptis::geo
