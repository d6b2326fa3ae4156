#include "model/travel/distance_method.hpp"

namespace apreptis::model {

const char* to_string(DistanceMethod m) {
    switch (m) {
    case DistanceMethod::network: return "network";
    case DistanceMethod::straight_line: return "straight_line";
    }
    return "?";
}

} // namespace apreptis::model
