#include "model/travel/distance_method.hpp"

namespace apreptis::model {

const char* to_string(DistanceMethod m) {
    switch (m) {
    case DistanceMethod::network: return "network";
    case DistanceMethod::straight_line: return "straight_line";
    }
    return "?";
}

MethodLabel label(DistanceMethod m) {
    switch (m) {
    case DistanceMethod::network: return {"kelių tinklu", "road network"};
    case DistanceMethod::straight_line: return {"tiesia linija", "straight line"};
    }
    return {"?", "?"};
}

} // namespace apreptis::model
