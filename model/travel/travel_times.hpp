#pragma once
// The one seam through which the model asks how long travel takes (issue 19 §1). Each way of
// measuring it (road network, straight line; next: public transport) implements TravelTimes
// in files of its own and is registered once, as the TravelMethod of the RoutingIndex where
// it is built (model/routing_index.hpp; app/core/loaded_inputs.cpp). The access analysis, the
// reach matrix (capacity, siting), robustness and the output labels and warnings go through
// it and never branch on the method.
#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <stop_token>
#include <string>
#include <vector>

#include "geo/geometry.hpp"
#include "geo/routing/network_point.hpp"
#include "geo/routing/nearest.hpp"
#include "geo/routing/profile.hpp"
#include "model/travel/distance_method.hpp"
#include "model/travel/reach.hpp"

namespace apreptis::model {

struct AccessSettings; // model/access.hpp

/// One multi-source search (a service type's providers): the nearest source of every unit
/// and what the method derives from the same search. Not thread-safe: one per worker.
/// Call order: nearest() first; source_areas() last (a method may search again for them).
class SourceSearch {
public:
    virtual ~SourceSearch() = default;
    /// Per population unit of the routing index, its nearest source (Access::source indexes
    /// the sources as given) within reach.
    virtual std::vector<geo::Access> nearest() = 0;
    /// Per source, the streets it is the nearest source of; empty where the method has no
    /// streets to allocate.
    virtual std::vector<std::vector<geo::EdgePiece>> allocation() = 0;
    /// Per band (seconds): the area whose nearest source is within the band.
    virtual std::vector<geo::MultiPolygon> service_areas(const std::vector<double>& bands_s, double buffer_m) = 0;
    /// Source i's own area per band.
    virtual std::vector<geo::MultiPolygon> source_areas(std::size_t i, const std::vector<double>& bands_s,
                                                        double buffer_m) = 0;
};

class TravelTimes {
public:
    virtual ~TravelTimes() = default;
    virtual DistanceMethod method() const = 0;
    /// The sentence written next to the figures (run.json, report): what was measured and how.
    virtual std::string describe(geo::Profile profile, double speed_mps) const = 0;
    /// The one speed of the method's straight parts (the whole way in a straight line; the
    /// legs to and from the roads over a network) under these settings: the speed passed to
    /// search() and reach(), printed and varied next to the figures.
    virtual double speed_mps(const AccessSettings& settings) const = 0;
    /// Whether every time is at speed_mps() (so printing and varying that speed is honest);
    /// false where each road has its own speed (driving over a network).
    virtual bool one_speed(geo::Profile profile) const = 0;
    /// The warning every analysis on this method carries when its times are estimates (a
    /// straight line); empty when they are measured.
    virtual std::string estimate_warning(const AccessSettings& settings) const = 0;
    /// Starts a search from `points`; problems with a source (off the network, outside the
    /// roads read) are added to `warnings`, naming it by who[i].
    virtual std::unique_ptr<SourceSearch> search(std::span<const geo::XY> points, std::span<const std::string> who,
                                                 const std::optional<geo::Envelope>& road_clip, double speed_mps,
                                                 std::vector<std::string>& warnings) const = 0;
    /// Appends to `m` (cutoff_s set, first = {0}) one row per point: the units from which the
    /// point is reached within m.cutoff_s, ascending unit; sets m.method. Throws Cancelled
    /// when `stop` is requested and apreptis::Error past `max_entries`.
    virtual void reach(ReachMatrix& m, std::span<const geo::XY> points, double speed_mps, std::stop_token stop,
                       std::size_t max_entries) const = 0;
};

} // namespace apreptis::model
