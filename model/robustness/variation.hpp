#pragma once
// The sources a robustness run varies (issue 20, docs/ROBUSTNESS.md) and one drawn variation.
// Every draw is a pure function of (seed, run, source, stable id): a ward by its code, a
// provider by its id. So the same seed gives the same variations whatever the order of the
// inputs, and runs can be computed in any order on any number of threads.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "geo/geometry.hpp"

namespace apreptis::model {

struct RobustnessSettings {
    std::size_t runs = 1000;
    std::uint64_t seed = 1;
    std::size_t k_worst = 3;           ///< "among the k worst"
    double robust_probability = 0.9;   ///< "robustly underserved" from this probability of being among the k worst
    /// Each run uses one of these thresholds (minutes, drawn uniformly) for every service
    /// type; empty: each type's own threshold, not varied.
    std::vector<double> thresholds_min;
    /// The travel speed drawn uniformly from this range (km/h) and every travel time scaled by
    /// nominal / drawn; unset: not varied.
    std::optional<std::pair<double, double>> speed_kmh;
    /// Estimated target-group sizes per ward scaled by a factor drawn uniformly from
    /// [1 - u, 1 + u] per ward and group; 0: not varied. Counts from a source are not varied.
    double group_relative = 0;
    /// Providers located only to their ward put at a random point of it (a population unit:
    /// a building point where the surface has them) in every run; false: left out as in the
    /// single run.
    bool move_ward_located = false;
    /// Each existing provider's places + a number drawn uniformly from [-capacity_places,
    /// +capacity_places] (never below 0), per provider and run; 0: not varied. Changes no
    /// travel figure: the capacity consumers use it (suggest --how-sure).
    double capacity_places = 0;

    bool varies_anything() const {
        return !thresholds_min.empty() || speed_kmh || group_relative > 0 || move_ward_located || capacity_places > 0;
    }
};

/// A uniform number in [0, 1) from the seed, the run, a source name and a stable id.
double keyed_uniform(std::uint64_t seed, std::size_t run, const std::string& source, const std::string& id);

/// What one run draws that does not depend on a ward or provider.
struct GlobalDraw {
    std::optional<double> threshold_min; ///< unset: each type's own
    double speed_factor = 1;             ///< drawn speed / nominal speed; times are divided by it
};

GlobalDraw draw_global(const RobustnessSettings& settings, std::size_t run, double nominal_kmh);

/// "threshold: one of 20, 30, 45 min per run": the sentence every output gives for a varied
/// threshold list (`settings.thresholds_min` not empty), `tail` added before the end.
std::string describe_threshold_variation(const RobustnessSettings& settings, const std::string& tail = "");

/// The factor on an estimated group size of one ward in one run (1 when not varied).
double draw_group_factor(const RobustnessSettings& settings, std::size_t run, const std::string& ward_code,
                         const std::string& group);

/// An existing provider's places in one run: `places` + uniform [-capacity_places, +capacity_places],
/// at least 0 (`places` when not varied).
double draw_places(const RobustnessSettings& settings, std::size_t run, const std::string& provider_id, double places);

/// Index into `candidates` (sorted by x, then y, so the draw does not depend on their order)
/// for a ward-located provider in one run. Precondition: candidates not empty.
std::size_t draw_point_index(const RobustnessSettings& settings, std::size_t run, const std::string& provider_id,
                             std::size_t candidates);

} // namespace apreptis::model
