#pragma once
// How travel is measured. Each method is one TravelTimes implementation (travel_times.hpp);
// to_string gives the code written into every output that rests on it.
namespace apreptis::model {

enum class DistanceMethod { network, straight_line };

/// "network", "straight_line": the code in the CSV / GeoPackage / run.json outputs.
const char* to_string(DistanceMethod m);

/// The method's name as the labels of its figures say it, in Lithuanian and in English
/// ("kelių tinklu" / "road network"): the report and the comparison table name it from here.
struct MethodLabel {
    const char* lt;
    const char* en;
};
MethodLabel label(DistanceMethod m);

} // namespace apreptis::model
