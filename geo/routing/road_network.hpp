#pragma once
// An immutable road graph for one travel profile: nodes, street edges (with their shape,
// for snapping and drawing) and forward/backward arcs in CSR form (RoutingKit's first_out /
// head arrays). Built once, checked once, then shared read-only by any number of queries.
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "geo/constants.hpp"
#include "geo/geometry.hpp"
#include "geo/routing/profile.hpp"

namespace apreptis::geo {


/// One way as read from the source, in the working CRS.
/// Where a way came from: a mapped line, or a walkable area (a pedestrian square mapped as
/// a polygon) walked along its outline or straight across between its entrances.
enum class WayOrigin { line, area_outline, area_crossing };

struct Way {
    std::int64_t id = 0;
    LineString points;
    WayTags tags;
    WayOrigin origin = WayOrigin::line;
};

/// A piece of street between two nodes; arcs reference it.
struct RoadEdge {
    NodeId from = 0, to = 0;
    float length_m = 0;
    float forward_s = unreachable;  ///< from -> to; infinity when not allowed
    float backward_s = unreachable; ///< to -> from
    std::uint32_t first_point = 0;  ///< shape in RoadNetwork::edge_points
    std::uint32_t point_count = 0;
};

struct Csr {
    /// One arc in 16 bytes: a search reads a node's arcs from one cache line, not four arrays.
    struct Arc {
        NodeId head;
        float time_s;
        float length_m;
        std::uint32_t edge;
    };
    std::vector<std::uint32_t> first_out; ///< node count + 1
    std::vector<Arc> arcs;
};

struct RoadNetwork {
    Profile profile = Profile::walk;
    std::vector<XY> node_xy;
    std::vector<RoadEdge> edges;
    std::vector<XY> edge_points;
    Csr forward;  ///< arcs leaving each node
    Csr backward; ///< arcs entering each node, reversed (for searches towards a target)
    std::vector<std::uint32_t> component;      ///< per node, weakly connected
    std::vector<std::uint32_t> component_size; ///< nodes per component
    std::uint32_t largest_component = 0;

    std::size_t node_count() const { return node_xy.size(); }
};

enum class Noding {
    shared_vertices, ///< OSM: ways meet where they share a vertex
    endpoints,       ///< generic lines: ends closer than the tolerance are one node
};

struct BuildOptions {
    Profile profile = Profile::walk;
    Noding noding = Noding::shared_vertices;
    double snap_tolerance_m = 0.5;
    std::optional<Envelope> clip; ///< keep ways with a vertex inside (study area + margin)
};

struct NetworkReport {
    std::size_t ways_read = 0;
    std::size_t ways_outside_clip = 0;
    std::size_t ways_used = 0;
    std::map<std::string, std::size_t> ways_excluded; ///< reason -> count
    /// Ways used at their class speed because their maxspeed was a number but not a speed
    /// (profile.hpp, accepted_maxspeed): tag value -> ways.
    std::map<std::string, std::size_t> maxspeed_refused;
    std::map<std::string, double> length_by_class_m;  ///< every way inside the clip, usable or not
    double used_length_m = 0;
    std::size_t area_outlines_used = 0;  ///< ways along walkable areas' outlines
    std::size_t area_crossings_used = 0; ///< straight crossings of walkable areas
    std::size_t nodes = 0, edges = 0, arcs = 0;
    std::size_t components = 0;
    std::size_t largest_component_nodes = 0;

    std::string summary() const;
};

/// Throws apreptis::Error when no way is usable for the profile.
RoadNetwork build_network(const std::vector<Way>& ways, const BuildOptions& options, NetworkReport& report,
                          const std::string& source = "road network");

/// Planar length of a polyline.
double polyline_length(const LineString& l);

} // namespace apreptis::geo
