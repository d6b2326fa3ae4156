#pragma once
// Travel profiles: which ways a mode may use, at what speed, in which direction.
// Rules in docs/ROUTING.md. Tags are OSM's; generic line layers map their fields onto them.
#include <optional>
#include <string>

namespace apreptis::geo {

enum class Profile { walk, senior_walk, drive };

const char* to_string(Profile p);
std::optional<Profile> profile_from_string(const std::string& s);

/// The tags of one way that the profiles read (empty = absent).
struct WayTags {
    std::string highway, oneway, maxspeed, access, foot, vehicle, motor_vehicle, motorcar, junction;
};

/// Walking speed of the profile in m/s (also the speed of the straight access leg).
double walking_speed_mps(Profile p);

struct WayRule {
    bool usable = false;
    std::string excluded_because;  ///< when not usable
    double speed_mps = 0;
    bool forward = true;           ///< along the way's digitised direction
    bool backward = true;
    /// A maxspeed tag that is a number but not a speed (NaN, infinity, 0, negative, over
    /// max_maxspeed_kmh): the class speed was used instead. Empty when none was refused.
    std::string maxspeed_refused;
};

/// The maxspeed values taken as they are (km/h, after converting mph); others are refused.
inline constexpr double min_maxspeed_kmh = 1, max_maxspeed_kmh = 200;
bool accepted_maxspeed(double kmh);

WayRule rule_for(Profile p, const WayTags& tags);

/// Whether the profile uses walkable areas (pedestrian squares and other highway areas mapped
/// as polygons, walked along their outline and across): the walking profiles do; `drive` does
/// not, whatever the area's highway tag says (an area tagged highway=residential is a square
/// or a yard, not a carriageway).
bool uses_walkable_areas(Profile p);

/// True for the highway classes a car may use (the drivable subset used by the data's
/// PROVENANCE figures).
bool is_drivable_class(const std::string& highway);

} // namespace apreptis::geo
