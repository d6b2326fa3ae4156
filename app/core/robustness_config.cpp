#include "app/core/robustness_config.hpp"

#include <algorithm>

#include "geo/errors.hpp"

namespace apreptis::app {

model::RobustnessSettings robustness_config(const TomlTable& t) {
    model::RobustnessSettings s;
    s.runs = static_cast<std::size_t>(t.count("runs", 1000, 1, 100000));
    s.seed = static_cast<std::uint64_t>(t.count("seed", 1, 0, 9007199254740991LL));
    s.k_worst = static_cast<std::size_t>(t.count("k_worst", 3, 1, 1000));
    s.robust_probability = t.number("robust_probability", 0.9, {0.5, 1});
    s.thresholds_min = t.numbers("thresholds_min", {}, {0, 1440, true});
    const std::vector<double> speed = t.numbers("speed_kmh", {}, {0, 200, true});
    if (!speed.empty()) {
        if (speed.size() != 2 || speed[0] > speed[1])
            throw Error(t.where("speed_kmh"), "[robustness] speed_kmh needs two numbers, low then high (e.g. [3.0, 4.5]), "
                                            "found " + std::to_string(speed.size()) + " number(s)" +
                        (speed.size() == 2 ? " in descending order" : ""));
        s.speed_kmh = std::pair{speed[0], speed[1]};
    }
    s.group_relative = t.number("group_relative", 0, {0, 0.95});
    s.move_ward_located = t.flag("move_ward_located", false);
    s.capacity_places = t.number("capacity_places", 0, {0, 100000});
    return s;
}

} // namespace apreptis::app
