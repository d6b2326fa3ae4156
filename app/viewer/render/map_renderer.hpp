#pragma once
// Draws map layers with the project's GLSL programs (shaders/): triangle fills, lines and
// point symbols, all from per-vertex coloured buffers in map units relative to an origin.
#include <string>
#include <vector>

#include "geo/geometry.hpp"

namespace apreptis::viewer {

struct Colour {
    float r = 0, g = 0, b = 0, a = 1;
};

/// Map units (working CRS, metres) <-> window pixels.
struct ViewTransform {
    geo::XY centre;       ///< map point at the centre of the view
    double scale = 1;     ///< pixels per metre
    int width = 1, height = 1;
    geo::XY to_screen(geo::XY p) const;   ///< pixels, origin top-left
    geo::XY to_map(geo::XY px) const;
    void fit(const geo::Envelope& e, double margin_px = 40);
    /// Zoom by `factor` keeping the map point under `px` fixed.
    void zoom_at(geo::XY px, double factor);
};

enum class Primitive { triangles, lines, points };

class Mesh {
public:
    Mesh() = default;
    ~Mesh();
    Mesh(const Mesh&) = delete;
    Mesh& operator=(const Mesh&) = delete;
    Mesh(Mesh&& o) noexcept;
    Mesh& operator=(Mesh&& o) noexcept;

    /// positions relative to `origin`; one colour per vertex.
    /// sizes: point diameters in pixels (points only; empty = the draw call's size).
    void upload(Primitive p, const std::vector<geo::XY>& pts, const std::vector<Colour>& colours, geo::XY origin,
                const std::vector<float>& sizes = {});
    Primitive primitive() const { return m_prim; }
    unsigned vao() const { return m_vao; }
    int count() const { return m_count; }

private:
    void release();
    unsigned m_vao = 0, m_vbo = 0;
    int m_count = 0;
    Primitive m_prim = Primitive::triangles;
};

class MapRenderer {
public:
    /// shader_dir holds map.vert, fill.frag, symbol.frag, image.vert, image.frag. Throws std::runtime_error with the
    /// GLSL log when a shader does not compile.
    explicit MapRenderer(const std::string& shader_dir);
    ~MapRenderer();
    void begin(const ViewTransform& view, geo::XY origin, Colour background);
    void draw(const Mesh& m, float opacity = 1.0f, float point_size = 8.0f);
    /// A GL_TEXTURE_2D (top row first) stretched over `extent` (map units), e.g. the basemap.
    void draw_image(unsigned texture, const geo::Envelope& extent, float opacity = 1.0f);

private:
    unsigned m_fill = 0, m_symbol = 0, m_image = 0;
    unsigned m_quad_vao = 0, m_quad_vbo = 0;
    geo::XY m_origin;
    float m_view[9] = {};
};

/// Where shaders/ is: next to the executable, else the source tree.
std::string find_shader_dir(const char* argv0);

} // namespace apreptis::viewer
