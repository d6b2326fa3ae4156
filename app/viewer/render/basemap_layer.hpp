#pragma once
// The project's [basemap] under the wards. The raster window for the view (tiles fetched and
// decoded by GDAL, warped to the working CRS: geo/io/basemap_source.hpp) is read on a worker
// thread; the UI thread only uploads finished pixels into a GL texture, a band of rows per
// frame (about 4 ms of work), and swaps it in when complete, so a frame never waits for the
// network and a large window does not stall one frame. The window asked for is 1.5 times the view each way, so panning and a
// little zooming reuse it; a view it no longer covers (or at a pixel size 1.5x off) asks
// again, and the texture of the last read is drawn meanwhile. A read that fails is a warning
// (counted), never an error: the map is drawn as without a basemap.
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>

#include "geo/io/basemap_source.hpp"
#include "render/map_renderer.hpp"

namespace apreptis::viewer {

class BasemapLayer {
public:
    BasemapLayer(std::string source, std::string working_crs);
    ~BasemapLayer(); ///< stops the worker (a read in flight finishes first) and frees the texture
    BasemapLayer(const BasemapLayer&) = delete;
    BasemapLayer& operator=(const BasemapLayer&) = delete;

    /// Once per frame, on the GL thread: uploads a finished read and asks for the view's
    /// window when the one asked for last does not cover it. Never blocks on a read.
    void update(const ViewTransform& view);
    /// Reads exactly the view's window on this thread and uploads it (the PNG export).
    void load_now(const ViewTransform& view);
    void draw(MapRenderer& r, float opacity = 1.0f) const;

    bool loading() const;
    /// Blocks until no read is pending, then uploads it (scripted use: the screenshot frame).
    void wait();
    const std::string& warning() const { return m_warning; } ///< the last failure; "" after a success
    int failures() const { return m_failures; }
    int reads() const { return m_reads; } ///< finished reads, failed or not
    double max_upload_ms() const { return m_max_upload_ms; } ///< the UI thread's share: the longest upload in one frame

private:
    struct Request {
        geo::Envelope extent;
        int width = 0, height = 0;
    };
    struct Finished {
        std::optional<geo::BasemapImage> image;
        std::string error;
    };
    void run(std::stop_token stop);
    void upload(Finished f);          ///< starts uploading a read (or records its failure)
    void continue_upload(double budget_ms); ///< more rows of the pending texture; swaps it in when done
    Request request_for(const ViewTransform& view, double margin) const;

    const std::string m_source, m_crs;
    mutable std::mutex m_mutex;
    std::condition_variable_any m_cv;
    std::optional<Request> m_next;      ///< waiting for the worker (only the latest is kept)
    bool m_busy = false;                ///< the worker is reading
    std::optional<Finished> m_finished; ///< read, not yet uploaded
    // UI thread only
    std::optional<Request> m_asked;     ///< the last window asked for
    unsigned m_texture = 0;
    geo::Envelope m_extent;             ///< what the texture covers
    unsigned m_pending_texture = 0;     ///< being filled, drawn once complete
    std::optional<geo::BasemapImage> m_pending; ///< its pixels
    int m_pending_rows = 0;             ///< rows uploaded so far
    std::string m_warning;
    int m_failures = 0, m_reads = 0;
    double m_max_upload_ms = 0;
    std::jthread m_worker;              ///< last: started after every member it uses
};

} // namespace apreptis::viewer
