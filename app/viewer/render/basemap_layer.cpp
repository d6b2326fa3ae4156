#include "render/basemap_layer.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "geo/errors.hpp"
#include "render/gl.hpp"

namespace apreptis::viewer {

namespace {

geo::Envelope visible(const ViewTransform& v) {
    geo::Envelope e;
    e.expand(v.to_map({0, 0}));
    e.expand(v.to_map({static_cast<double>(v.width), static_cast<double>(v.height)}));
    return e;
}

bool covers(const geo::Envelope& outer, const geo::Envelope& inner) {
    return outer.min_x <= inner.min_x && outer.min_y <= inner.min_y && outer.max_x >= inner.max_x &&
           outer.max_y >= inner.max_y;
}

constexpr int max_side_px = 4096; // a texture every GL 3.3 implementation takes

} // namespace

BasemapLayer::BasemapLayer(std::string source, std::string crs)
    : m_source(std::move(source)), m_crs(std::move(crs)), m_worker([this](std::stop_token st) { run(st); }) {}

BasemapLayer::~BasemapLayer() {
    m_worker.request_stop();
    m_cv.notify_all();
    if (m_worker.joinable()) m_worker.join();
    if (m_texture) glDeleteTextures(1, &m_texture);
    if (m_pending_texture) glDeleteTextures(1, &m_pending_texture);
}

void BasemapLayer::run(std::stop_token stop) {
    while (true) {
        Request r;
        {
            std::unique_lock lock(m_mutex);
            if (!m_cv.wait(lock, stop, [&] { return m_next.has_value(); })) return;
            r = *m_next;
            m_next.reset();
            m_busy = true;
        }
        Finished f;
        try {
            f.image = geo::read_basemap(m_source, {m_crs, r.extent, r.width, r.height});
        } catch (const std::exception& e) {
            f.error = e.what();
        }
        std::lock_guard lock(m_mutex);
        m_busy = false;
        m_finished = std::move(f); // a newer read replaces one the UI has not uploaded yet
    }
}

BasemapLayer::Request BasemapLayer::request_for(const ViewTransform& v, double margin) const {
    const geo::Envelope vis = visible(v);
    // margin: the window is (1 + 2 margin) times the view each way, within max_side_px
    const double longest = std::max(v.width, v.height) * (1 + 2 * margin);
    if (longest > max_side_px) margin = std::max(0.0, (max_side_px / static_cast<double>(std::max(v.width, v.height)) - 1) / 2);
    const double mx = vis.width() * margin, my = vis.height() * margin;
    Request r;
    r.extent = {vis.min_x - mx, vis.min_y - my, vis.max_x + mx, vis.max_y + my};
    r.width = std::clamp(static_cast<int>(std::lround(v.width * (1 + 2 * margin))), 1, max_side_px);
    r.height = std::clamp(static_cast<int>(std::lround(v.height * (1 + 2 * margin))), 1, max_side_px);
    return r;
}

void BasemapLayer::update(const ViewTransform& view) {
    std::optional<Finished> f;
    {
        std::lock_guard lock(m_mutex);
        f.swap(m_finished);
    }
    if (f) upload(std::move(*f));
    continue_upload(4.0);
    if (view.width <= 0 || view.height <= 0 || view.scale <= 0) return;
    const double px = 1 / view.scale; // metres a screen pixel
    const bool stale = !m_asked || !covers(m_asked->extent, visible(view)) ||
                       std::abs(std::log(m_asked->extent.width() / m_asked->width / px)) > std::log(1.5);
    if (!stale) return;
    m_asked = request_for(view, 0.25);
    {
        std::lock_guard lock(m_mutex);
        m_next = m_asked;
    }
    m_cv.notify_one();
}

void BasemapLayer::load_now(const ViewTransform& view) {
    wait(); // a read in flight would replace this one's texture when it lands
    const Request r = request_for(view, 0);
    Finished f;
    try {
        f.image = geo::read_basemap(m_source, {m_crs, r.extent, r.width, r.height});
    } catch (const std::exception& e) {
        f.error = e.what();
    }
    upload(std::move(f));
    continue_upload(1e9); // all of it now: the export draws next
    m_asked = r;
}

void BasemapLayer::upload(Finished f) {
    ++m_reads;
    if (!f.image) {
        m_warning = f.error;
        ++m_failures;
        return;
    }
    m_warning.clear();
    const auto t0 = std::chrono::steady_clock::now();
    m_pending = std::move(f.image); // replaces one half uploaded: the newer window wins
    m_pending_rows = 0;
    if (!m_pending_texture) glGenTextures(1, &m_pending_texture);
    glBindTexture(GL_TEXTURE_2D, m_pending_texture);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, m_pending->width, m_pending->height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
    m_max_upload_ms = std::max(m_max_upload_ms,
                               std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
}

void BasemapLayer::continue_upload(double budget_ms) {
    if (!m_pending) return;
    const auto t0 = std::chrono::steady_clock::now();
    const auto spent = [&] { return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count(); };
    const geo::BasemapImage& img = *m_pending;
    glBindTexture(GL_TEXTURE_2D, m_pending_texture);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    constexpr int band = 64; // rows a call
    while (m_pending_rows < img.height && spent() < budget_ms) {
        const int rows = std::min(band, img.height - m_pending_rows);
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, m_pending_rows, img.width, rows, GL_RGBA, GL_UNSIGNED_BYTE,
                        img.rgba.data() + static_cast<std::size_t>(m_pending_rows) * static_cast<std::size_t>(img.width) * 4);
        m_pending_rows += rows;
    }
    glBindTexture(GL_TEXTURE_2D, 0);
    if (m_pending_rows >= img.height) { // complete: drawn from now on
        std::swap(m_texture, m_pending_texture);
        m_extent = img.extent;
        m_pending.reset();
    }
    m_max_upload_ms = std::max(m_max_upload_ms, spent());
}

void BasemapLayer::draw(MapRenderer& r, float opacity) const {
    if (m_texture) r.draw_image(m_texture, m_extent, opacity);
}

bool BasemapLayer::loading() const {
    std::lock_guard lock(m_mutex);
    return m_next.has_value() || m_busy || m_finished.has_value() || m_pending.has_value();
}

void BasemapLayer::wait() {
    while (true) {
        {
            std::lock_guard lock(m_mutex);
            if (!m_next && !m_busy) break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    std::optional<Finished> f;
    {
        std::lock_guard lock(m_mutex);
        f.swap(m_finished);
    }
    if (f) upload(std::move(*f));
    continue_upload(1e9);
}

} // namespace apreptis::viewer
