#pragma once
// GLFW window with an OpenGL 3.3 core context and Dear ImGui (1.86) on top, with a
// DejaVu font that has the Lithuanian letters (Latin Extended-A).
#include <string>
#include <vector>

struct GLFWwindow;
struct ImFont;

namespace apreptis::viewer {

class GlWindow {
public:
    GlWindow(int width, int height, const char* title, bool visible = true);
    ~GlWindow();
    GlWindow(const GlWindow&) = delete;
    GlWindow& operator=(const GlWindow&) = delete;

    bool should_close() const;
    void begin_frame();
    void end_frame(); ///< renders ImGui and swaps
    int width() const;
    int height() const;
    GLFWwindow* handle() const { return m_window; }
    /// The back buffer as RGBA rows, top row first (call before end_frame's swap: use
    /// capture_next_frame instead).
    void capture_next_frame(const std::string& png_path) { m_capture = png_path; }
    /// Which of ą č ę ė į š ų ū ž the loaded font has.
    std::string missing_lithuanian_glyphs() const;
    std::string font_path() const { return m_font_path; }

private:
    GLFWwindow* m_window = nullptr;
    ImFont* m_font = nullptr;
    std::string m_font_path;
    std::string m_capture;
};

/// Reads the current framebuffer (w x h) and writes a PNG, rows flipped. Returns false on error.
bool write_framebuffer_png(const std::string& path, int w, int h);

} // namespace apreptis::viewer
