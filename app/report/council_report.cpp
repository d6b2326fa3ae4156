#include "app/report/council_report.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <cctype>
#include <ctime>
#include <filesystem>
#include <memory>
#include <ostream>
#include <set>

#include "app/core/option_error.hpp"
#include "app/report/map_basemap.hpp"
#include "app/report/map_figure.hpp"
#include "app/report/report_format.hpp"
#include "app/report/report_maps.hpp"
#include "app/report/report_page.hpp"
#include "app/report/report_sections.hpp"
#include "apreptis/build_info.hpp"
#include "geo/io/pending_file.hpp"

namespace apreptis::app::report {

namespace {

cairo_status_t write_to_stream(void* closure, const unsigned char* data, unsigned int length) {
    auto& out = *static_cast<std::ostream*>(closure);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(length));
    return out ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

std::string today() {
    std::time_t t = std::time(nullptr);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", std::localtime(&t));
    return buf;
}

void page_title(Page& p, const std::string& s, double size) {
    p.font(size, true);
    cairo_set_source_rgb(p.cairo(), 0.05, 0.2, 0.35);
    for (const auto& l : p.wrap(s, page_w - 2 * page_margin)) {
        p.text(page_margin, p.y + size * 0.85, l);
        p.y += size * 1.3;
    }
    cairo_set_source_rgb(p.cairo(), 0.1, 0.1, 0.1);
}

/// Page 1: the map, with first the notice about providers without a location (every figure
/// on the map and after it counts only the located ones), then the basis of the figures.
void map_page(cairo_t* cr, const Analysis& a, const std::string& m, const MapChoice& choice, const MapFigure& fig,
              const ReportOptions& o) {
    const Language L = o.lang;
    Page p(cr);
    page_title(p, m + pick(L, ": socialinių paslaugų aprėptis", ": social-service coverage"), 17);
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    p.paragraph(a.project().name + " · " + pick(L, "parengta ", "prepared ") + today() + " · Aprėptis " + tool_version +
                    (a.out().scenario.edits.empty() ? "" : " · " + std::string(pick(L, "scenarijus: ", "scenario: ")) +
                                                               a.out().scenario.name),
                8.5);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    if (const std::string s = located_sentence(a, m, L); !s.empty()) {
        p.y += 3;
        p.notice(s);
    }
    p.heading(choice.title, 11);
    const Box box{page_margin, p.y, page_w - 2 * page_margin,
                  map_box_height(cr, fig, page_w - 2 * page_margin, 470)};
    draw_map(cr, fig, box);
    p.y += box.h + 6;
    basis_section(p, a, choice, o);
    cairo_show_page(cr);
}

/// Page 2: where the municipality falls short: the wards worst served, the chart per ward,
/// places per 1000.
void shortfall_page(cairo_t* cr, const Analysis& a, const std::string& m, const ReportOptions& o) {
    Page p(cr);
    page_title(p, m + pick(o.lang, ": kur trūksta paslaugų", ": where services fall short"), 13);
    worst_wards_section(p, a, m, o);
    ward_chart_section(p, a, m, o);
    coverage_section(p, a, m, o);
    cairo_show_page(cr);
}

/// Page 3: a scenario's effect, if any, and the plan.
void plan_page(cairo_t* cr, const Analysis& a, const std::string& m, const MapChoice& choice, const ReportOptions& o) {
    Page p(cr);
    page_title(p, m + pick(o.lang, ": kaip vykdomas planas", ": the plan"), 13);
    if (o.before && !a.out().scenario.edits.empty()) scenario_section(p, a, *o.before, choice, m, o);
    plan_section(p, a, m, o);
    cairo_show_page(cr);
}

} // namespace

std::vector<std::string> write_council_report(const Analysis& a, const std::string& pdf_path, const ReportOptions& o) {
    namespace fs = std::filesystem;
    std::vector<std::string> municipalities = o.municipalities;
    std::set<std::string> known;
    for (const auto& w : a.study().wards) known.insert(w.municipality);
    if (municipalities.empty()) municipalities.assign(known.begin(), known.end());
    for (const auto& m : municipalities)
        if (!known.count(m)) {
            std::string list;
            for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
            throw OptionError("--municipality '" + m + "' is not a municipality of the study (" + list + ")");
        }
    const Language L = o.lang;
    // Every question that can fail is asked before the file is opened.
    std::vector<MapChoice> choices;
    for (const auto& m : municipalities) choices.push_back(choose_indicator(a, m, L, o.indicator));
    // The maps' names; one that is a folder would fail only when the files take their names.
    std::vector<std::vector<std::string>> map_paths(municipalities.size());
    if (o.maps)
        for (std::size_t k = 0; k < municipalities.size(); ++k) {
            const fs::path stem = fs::path(pdf_path).replace_extension();
            std::string safe;
            for (char c : municipalities[k]) safe += (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80)) ? c : '_';
            for (const char* ext : {".svg", ".png"}) {
                map_paths[k].push_back(stem.string() + "-" + safe + ext);
                if (std::error_code ec; fs::is_directory(map_paths[k].back(), ec))
                    throw Error(map_paths[k].back() + ": is a folder; the report's map is written there (--maps)");
            }
        }
    // Everything is written under temporary names first, the PDF and every map; only when all
    // are done do they take their names. A report that fails leaves the earlier PDF and maps
    // as they were (before, a municipality's maps replaced the earlier ones while a later page
    // could still fail and leave the old PDF beside new maps).
    geo::PendingFile pdf(pdf_path);
    std::vector<geo::PendingFile> maps;
    pdf.write([&](std::ostream& out) {
        std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
            cairo_pdf_surface_create_for_stream(write_to_stream, &out, page_w, page_h), &cairo_surface_destroy);
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE,
                                       (std::string(pick(L, "Socialinių paslaugų aprėptis — ", "Social-service coverage — ")) +
                                        a.project().name).c_str());
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Aprėptis");
        {
            std::unique_ptr<cairo_t, decltype(&cairo_destroy)> holder(cairo_create(surface.get()), &cairo_destroy);
            cairo_t* cr = holder.get();
            for (std::size_t k = 0; k < municipalities.size(); ++k) {
                const std::string& m = municipalities[k];
                const MapChoice& choice = choices[k];
                MapFigure fig = ward_map(a, choice, L, m, o.small_count_threshold, o.unsuppressed);
                if (std::string w = attach_basemap(fig, a.project().basemap, a.project().working_crs, L);
                    !w.empty() && o.warnings)
                    o.warnings->push_back(std::move(w));
                map_page(cr, a, m, choice, fig, o);
                shortfall_page(cr, a, m, o);
                plan_page(cr, a, m, choice, o);
                for (const std::string& path : map_paths[k]) {
                    MapFigure titled = fig;
                    titled.legend_title = choice.title;
                    maps.push_back(write_map_pending(titled, path));
                }
            }
            if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
                throw Error(pdf_path + ": drawing the report failed: " + cairo_status_to_string(cairo_status(cr)));
        }
        cairo_surface_finish(surface.get());
        if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
            throw Error(pdf_path + ": could not write the report: " + cairo_status_to_string(cairo_surface_status(surface.get())));
    });
    std::vector<std::string> written{pdf_path};
    pdf.commit();
    for (auto& f : maps) {
        f.commit();
        written.push_back(f.path());
    }
    return written;
}

} // namespace apreptis::app::report
