#include "render/map_renderer.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "apreptis/build_info.hpp"
#include "render/gl.hpp"

namespace apreptis::viewer {

geo::XY ViewTransform::to_screen(geo::XY p) const {
    return {(p.x - centre.x) * scale + width / 2.0, height / 2.0 - (p.y - centre.y) * scale};
}

geo::XY ViewTransform::to_map(geo::XY px) const {
    return {centre.x + (px.x - width / 2.0) / scale, centre.y - (px.y - height / 2.0) / scale};
}

void ViewTransform::fit(const geo::Envelope& e, double margin_px) {
    centre = {(e.min_x + e.max_x) / 2, (e.min_y + e.max_y) / 2};
    const double w = std::max(1.0, e.max_x - e.min_x), h = std::max(1.0, e.max_y - e.min_y);
    scale = std::min((width - 2 * margin_px) / w, (height - 2 * margin_px) / h);
    if (scale <= 0) scale = 1e-3;
}

void ViewTransform::zoom_at(geo::XY px, double factor) {
    const geo::XY before = to_map(px);
    scale *= factor;
    const geo::XY after = to_map(px);
    centre.x += before.x - after.x;
    centre.y += before.y - after.y;
}

Mesh::~Mesh() { release(); }
Mesh::Mesh(Mesh&& o) noexcept : m_vao(o.m_vao), m_vbo(o.m_vbo), m_count(o.m_count), m_prim(o.m_prim) {
    o.m_vao = o.m_vbo = 0;
    o.m_count = 0;
}
Mesh& Mesh::operator=(Mesh&& o) noexcept {
    if (this != &o) {
        release();
        m_vao = o.m_vao;
        m_vbo = o.m_vbo;
        m_count = o.m_count;
        m_prim = o.m_prim;
        o.m_vao = o.m_vbo = 0;
        o.m_count = 0;
    }
    return *this;
}

void Mesh::release() {
    if (m_vbo) glDeleteBuffers(1, &m_vbo);
    if (m_vao) glDeleteVertexArrays(1, &m_vao);
    m_vao = m_vbo = 0;
}

void Mesh::upload(Primitive p, const std::vector<geo::XY>& pts, const std::vector<Colour>& colours, geo::XY origin,
                  const std::vector<float>& sizes) {
    m_prim = p;
    if (!m_vao) {
        glGenVertexArrays(1, &m_vao);
        glGenBuffers(1, &m_vbo);
    }
    std::vector<float> data;
    data.reserve(pts.size() * 7);
    for (std::size_t i = 0; i < pts.size(); ++i) {
        const Colour& c = colours[i];
        data.insert(data.end(), {static_cast<float>(pts[i].x - origin.x), static_cast<float>(pts[i].y - origin.y), c.r,
                                 c.g, c.b, c.a, i < sizes.size() ? sizes[i] : 0.0f});
    }
    glBindVertexArray(m_vao);
    glBindBuffer(GL_ARRAY_BUFFER, m_vbo);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(data.size() * sizeof(float)), data.data(), GL_DYNAMIC_DRAW);
    const GLsizei stride = 7 * sizeof(float);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, nullptr);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(2 * sizeof(float)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(6 * sizeof(float)));
    glEnableVertexAttribArray(2);
    glBindVertexArray(0);
    m_count = static_cast<int>(pts.size());
}

namespace {

std::string read_file(const std::string& path) {
    std::ifstream f(path);
    if (!f) throw std::runtime_error("cannot read shader " + path);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

unsigned compile(GLenum type, const std::string& path) {
    const std::string src = read_file(path);
    const char* p = src.c_str();
    unsigned s = glCreateShader(type);
    glShaderSource(s, 1, &p, nullptr);
    glCompileShader(s);
    int ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[2048];
        glGetShaderInfoLog(s, sizeof log, nullptr, log);
        throw std::runtime_error(path + ": " + log);
    }
    return s;
}

unsigned link(const std::string& vert, const std::string& frag) {
    unsigned v = compile(GL_VERTEX_SHADER, vert), f = compile(GL_FRAGMENT_SHADER, frag);
    unsigned p = glCreateProgram();
    glAttachShader(p, v);
    glAttachShader(p, f);
    glLinkProgram(p);
    int ok = 0;
    glGetProgramiv(p, GL_LINK_STATUS, &ok);
    glDeleteShader(v);
    glDeleteShader(f);
    if (!ok) {
        char log[2048];
        glGetProgramInfoLog(p, sizeof log, nullptr, log);
        throw std::runtime_error("shader link: " + std::string(log));
    }
    return p;
}

} // namespace

MapRenderer::MapRenderer(const std::string& dir) {
    m_fill = link(dir + "/map.vert", dir + "/fill.frag");
    m_symbol = link(dir + "/map.vert", dir + "/symbol.frag");
    m_image = link(dir + "/image.vert", dir + "/image.frag");
}

MapRenderer::~MapRenderer() {
    glDeleteProgram(m_fill);
    glDeleteProgram(m_symbol);
    glDeleteProgram(m_image);
    if (m_quad_vbo) glDeleteBuffers(1, &m_quad_vbo);
    if (m_quad_vao) glDeleteVertexArrays(1, &m_quad_vao);
}

void MapRenderer::begin(const ViewTransform& v, geo::XY origin, Colour bg) {
    glViewport(0, 0, v.width, v.height);
    glClearColor(bg.r, bg.g, bg.b, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    glEnable(GL_PROGRAM_POINT_SIZE);
    // clip = ((p + origin - centre) * scale) / (size / 2), column-major mat3
    const double sx = 2.0 * v.scale / v.width, sy = 2.0 * v.scale / v.height;
    const double tx = (origin.x - v.centre.x) * sx, ty = (origin.y - v.centre.y) * sy;
    const float m[9] = {static_cast<float>(sx), 0, 0, 0, static_cast<float>(sy), 0, static_cast<float>(tx),
                        static_cast<float>(ty), 1};
    std::copy(m, m + 9, m_view);
    m_origin = origin;
}

void MapRenderer::draw(const Mesh& mesh, float opacity, float point_size) {
    if (!mesh.count()) return;
    const unsigned prog = mesh.primitive() == Primitive::points ? m_symbol : m_fill;
    glUseProgram(prog);
    glUniformMatrix3fv(glGetUniformLocation(prog, "u_view"), 1, GL_FALSE, m_view);
    glUniform1f(glGetUniformLocation(prog, "u_opacity"), opacity);
    glUniform1f(glGetUniformLocation(prog, "u_point_size"), point_size);
    glBindVertexArray(mesh.vao());
    const GLenum mode = mesh.primitive() == Primitive::triangles ? GL_TRIANGLES
                        : mesh.primitive() == Primitive::lines   ? GL_LINES
                                                                 : GL_POINTS;
    glDrawArrays(mode, 0, mesh.count());
    glBindVertexArray(0);
    glUseProgram(0);
}

void MapRenderer::draw_image(unsigned texture, const geo::Envelope& e, float opacity) {
    if (!texture || e.empty()) return;
    if (!m_quad_vao) {
        glGenVertexArrays(1, &m_quad_vao);
        glGenBuffers(1, &m_quad_vbo);
    }
    const float x0 = static_cast<float>(e.min_x - m_origin.x), x1 = static_cast<float>(e.max_x - m_origin.x);
    const float y0 = static_cast<float>(e.min_y - m_origin.y), y1 = static_cast<float>(e.max_y - m_origin.y);
    // two triangles; v = 0 is the image's top row (the north edge)
    const float quad[] = {x0, y1, 0, 0, x1, y1, 1, 0, x1, y0, 1, 1, x0, y1, 0, 0, x1, y0, 1, 1, x0, y0, 0, 1};
    glBindVertexArray(m_quad_vao);
    glBindBuffer(GL_ARRAY_BUFFER, m_quad_vbo);
    glBufferData(GL_ARRAY_BUFFER, sizeof quad, quad, GL_DYNAMIC_DRAW);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 4 * sizeof(float), nullptr);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, 4 * sizeof(float), reinterpret_cast<void*>(2 * sizeof(float)));
    glEnableVertexAttribArray(1);
    glUseProgram(m_image);
    glUniformMatrix3fv(glGetUniformLocation(m_image, "u_view"), 1, GL_FALSE, m_view);
    glUniform1f(glGetUniformLocation(m_image, "u_opacity"), opacity);
    glUniform1i(glGetUniformLocation(m_image, "u_image"), 0);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, texture);
    glDrawArrays(GL_TRIANGLES, 0, 6);
    glBindTexture(GL_TEXTURE_2D, 0);
    glBindVertexArray(0);
    glUseProgram(0);
}

std::string find_shader_dir(const char* argv0) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path exe = fs::canonical(fs::path(argv0), ec);
    if (!ec && fs::exists(exe.parent_path() / "shaders" / "map.vert")) return (exe.parent_path() / "shaders").string();
    return std::string(app::source_dir) + "/shaders";
}

} // namespace apreptis::viewer
