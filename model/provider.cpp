#include "model/provider.hpp"

namespace apreptis::model {

const char* to_string(LocationPrecision p) {
    switch (p) {
    case LocationPrecision::address: return "address";
    case LocationPrecision::building: return "building";
    case LocationPrecision::ward: return "ward";
    case LocationPrecision::municipality: return "municipality";
    case LocationPrecision::unknown: return "unknown";
    case LocationPrecision::planned: return "planned";
    case LocationPrecision::placed_by_hand: return "placed_by_hand";
    }
    return "unknown";
}

std::optional<LocationPrecision> precision_from_string(const std::string& s) {
    if (s == "address") return LocationPrecision::address;
    if (s == "building") return LocationPrecision::building;
    if (s == "ward") return LocationPrecision::ward;
    if (s == "municipality") return LocationPrecision::municipality;
    if (s == "unknown" || s.empty()) return LocationPrecision::unknown;
    if (s == "planned") return LocationPrecision::planned;
    if (s == "placed_by_hand") return LocationPrecision::placed_by_hand;
    return std::nullopt;
}

} // namespace apreptis::model
