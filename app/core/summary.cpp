#include "app/core/summary.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "app/core/population_grid_layers.hpp"

namespace apreptis::app {

std::string thousands(long long v) {
    std::string s = std::to_string(v < 0 ? -v : v);
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
    return v < 0 ? "-" + s : s;
}

std::vector<long long> rounded_parts(const std::vector<double>& parts) {
    double sum = 0;
    for (double p : parts) sum += p;
    long long left = std::llround(sum);
    std::vector<long long> out(parts.size());
    std::vector<std::size_t> order(parts.size());
    for (std::size_t i = 0; i < parts.size(); ++i) {
        out[i] = static_cast<long long>(std::floor(parts[i]));
        left -= out[i];
        order[i] = i;
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return parts[a] - std::floor(parts[a]) > parts[b] - std::floor(parts[b]);
    });
    for (std::size_t k = 0; left > 0 && k < order.size(); ++k, --left) ++out[order[k]];
    return out;
}

namespace {

std::string num(const std::optional<double>& v, int decimals = 0) {
    if (!v) return "-";
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, *v);
    return buf;
}

std::string pad(const std::string& s, std::size_t w) {
    // pad by code points so Lithuanian letters line up
    std::size_t cps = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++cps;
    return cps >= w ? s : s + std::string(w - cps, ' ');
}

} // namespace

std::string summary_text(const Analysis& a) {
    std::string o;
    char buf[256];
    long long total = 0;
    const model::StudyArea& study = a.study();
    const Project& project = a.project();
    for (const auto& w : study.wards) total += w.population;
    o += "Aprėptis — " + project.name + "\n";
    o += "Working CRS " + project.working_crs + "; wards read from " + a.in().wards_source_crs + "\n\n";
    o += pad("ward", 8) + pad("name", 22) + pad("population", 12) + pad("km2", 9) + pad("per km2", 9) +
         pad("children*", 11) + pad("older*", 9) + "providers placed\n";
    for (const auto& w : a.out().coverage.wards) {
        std::snprintf(buf, sizeof buf, "%.2f", w.area_km2);
        std::string km2 = buf;
        std::snprintf(buf, sizeof buf, "%.0f", w.density_per_km2);
        o += pad(w.code, 8) + pad(w.name + " ", 22) + pad(thousands(w.population), 12) + pad(km2, 9) + pad(buf, 9) +
             pad(num(w.children.value), 11) + pad(num(w.older.value), 9) + std::to_string(w.providers_located) + "\n";
    }
    o += "\n" + thousands(total) + " residents in " + std::to_string(study.wards.size()) + " wards";
    if (!project.ward_population_source.empty()) o += " (" + project.ward_population_source + ")";
    o += "\n* estimate: municipal age group shared out by the ward's share of census population\n";
    o += population_grid_summary(a);
    if (!a.in().to_fill_in.empty()) {
        o += "\nTo fill in (the project runs without them; nothing is wrong with it):\n";
        for (const auto& n : a.in().to_fill_in) o += "  - " + n + "\n";
    }

    if (!study.lines.empty() || !study.needs.empty()) {
        o += "\nMunicipal coverage (per 1000 of the target group):\n";
        o += pad("service type", 27) + pad("target group", 38) + pad("unit", 9) + pad("lines", 7) +
             pad("no ward", 9) + pad("recipients", 12) + pad("per 1000", 10) + pad("assessed", 10) +
             pad("per 1000", 10) + "unmet\n";
        for (const auto& r : a.out().coverage.rows) {
            if (r.level != model::AreaLevel::municipality) continue;
            o += pad(r.service_type, 27) + pad(r.target_group, 38) + pad(r.unit, 9) + pad(std::to_string(r.lines), 7) +
                 pad(std::to_string(r.lines_unplaced), 9) + pad(num(r.recipients), 12) +
                 pad(num(r.recipients_per_1000, 2), 10) + pad(num(r.assessed_need), 10) +
                 pad(num(r.assessed_need_per_1000, 2), 10) + num(r.unmet_need) + "\n";
        }
    }

    const auto& audit = a.out().audit;
    if (!audit.empty()) {
        std::map<std::string, int> counts;
        for (const auto& r : audit) counts[model::to_string(r.verdict)]++;
        o += "\nPlan audit: " + std::to_string(audit.size()) + " printed ratios recomputed:";
        for (const auto& [k, v] : counts) o += " " + k + " " + std::to_string(v) + ";";
        o += "\n";
        for (const auto& r : audit)
            if (r.verdict != model::AuditVerdict::matches && r.verdict != model::AuditVerdict::wrong_scale)
                o += "  " + r.code + " " + r.column + " printed " + r.printed + ": " + r.explanation + "\n";
        o += "  (wrong_scale: printed per 100 under a per-1000 header; every cell is in plan_audit.csv)\n";
    }
    if (a.out().access) {
        const auto& x = *a.out().access;
        const model::RoutingIndex& routing = *a.in().routing;
        o += "\nTravel distance to the nearest provider (" + x.method_label + ")\n";
        o += "Population surface: " + routing.surface().method + "; " + std::to_string(routing.units().size()) + " units\n";
        o += pad("service type", 20) + pad("area", 22) + pad("threshold", 11) + pad("within", 9) + pad("median", 9) +
             pad("p90", 9) + "unreachable\n";
        for (const auto& sa : x.services)
        for (const auto& r : sa.rows) {
            if (r.target_group != "residents" && r.level == model::AreaLevel::ward) continue;
            std::snprintf(buf, sizeof buf, "%.0f min", r.threshold_min);
            std::string thr = buf;
            std::snprintf(buf, sizeof buf, "%.0f%%", r.share_within * 100);
            o += pad(r.service_type, 20) + pad(r.area_name, 22) + pad(thr, 11) + pad(buf, 9) +
                 pad(num(r.median_min, 1), 9) + pad(num(r.p90_min, 1), 9) + num(r.unreachable) + "\n";
        }
        o += "(times in minutes; " + std::to_string(x.left_out.size()) +
             " providers without coordinates are left out, see run.json distances.providers_left_out)\n";
    }
    if (a.out().capacity && !a.out().capacity->services.empty()) {
        o += "\nCapacity: demand served by the optimal allocation (most served, then least travel time)\n";
        o += pad("service / group", 40) + pad("demand", 10) + pad("served", 10) + pad("no capacity", 13) +
             pad("too far", 10) + "worst wards (unserved, reason)\n";
        for (const auto& sc : a.out().capacity->services) {
            double served = 0, no_cap = 0, far = 0;
            for (std::size_t u = 0; u < sc.allocation.served.size(); ++u) {
                served += sc.allocation.served[u];
                no_cap += sc.allocation.no_capacity[u];
                far += sc.allocation.too_far[u];
            }
            std::string worst;
            for (std::size_t i = 0; i < std::min<std::size_t>(3, sc.gaps.wards.size()); ++i) {
                const auto& w = sc.gaps.wards[i];
                if (w.unserved() <= 0) break;
                worst += (worst.empty() ? "" : "; ") + w.area_name + " " + num(w.unserved()) + " " + model::to_string(w.dominant);
            }
            // the printed parts add up to the printed demand (served + no capacity + too far = demand)
            const auto shown = rounded_parts({served, no_cap, far});
            o += pad(sc.service_type + " / " + sc.target_group, 40) + pad(std::to_string(shown[0] + shown[1] + shown[2]), 10) +
                 pad(std::to_string(shown[0]), 10) + pad(std::to_string(shown[1]), 13) + pad(std::to_string(shown[2]), 10) + worst + "\n";
            o += "  need: " + sc.demand.need_basis + "\n";
        }
    }
    const std::vector<std::string> warnings = a.warnings();
    if (!warnings.empty()) {
        o += "\nWarnings:\n";
        for (const auto& w : warnings) o += "  - " + w + "\n";
    }
    return o;
}

} // namespace apreptis::app
