#define GLFW_INCLUDE_NONE
#include "platform/gl_window.hpp"

#include <GLFW/glfw3.h>
#include <GL/gl.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <stb_image_write.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>

namespace apreptis::viewer {

namespace {
void glfw_error(int code, const char* msg) { std::fprintf(stderr, "GLFW error %d: %s\n", code, msg); }
// Basic Latin + Latin-1 (², ·), Latin Extended-A (ą č ę ė į š ų ū ž), dashes, quotes, bullet, ↑, ≤ ≥
const ImWchar lt_ranges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2013, 0x2022, 0x2191, 0x2191, 0x2264, 0x2265, 0};
} // namespace

GlWindow::GlWindow(int width, int height, const char* title, bool visible) {
    glfwSetErrorCallback(glfw_error);
    if (!glfwInit()) throw std::runtime_error("cannot initialise GLFW (no display? run under xvfb-run)");
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
    m_window = glfwCreateWindow(width, height, title, nullptr, nullptr);
    if (!m_window) {
        glfwTerminate();
        throw std::runtime_error("cannot create an OpenGL 3.3 core window");
    }
    glfwMakeContextCurrent(m_window);
    glfwSwapInterval(0);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // no imgui.ini in the working directory
    for (const char* f : {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"}) {
        if (std::filesystem::exists(f)) {
            m_font = io.Fonts->AddFontFromFileTTF(f, 16.0f, nullptr, lt_ranges);
            m_font_path = f;
        }
    }
    if (m_font) io.FontDefault = m_font;
    ImGui::StyleColorsLight();
    ImGui_ImplGlfw_InitForOpenGL(m_window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
}

GlWindow::~GlWindow() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(m_window);
    glfwTerminate();
}

bool GlWindow::should_close() const { return glfwWindowShouldClose(m_window); }

int GlWindow::width() const {
    int w, h;
    glfwGetFramebufferSize(m_window, &w, &h);
    return w;
}
int GlWindow::height() const {
    int w, h;
    glfwGetFramebufferSize(m_window, &w, &h);
    return h;
}

void GlWindow::begin_frame() {
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
}

void GlWindow::end_frame() {
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (!m_capture.empty()) {
        write_framebuffer_png(m_capture, width(), height());
        m_capture.clear();
    }
    glfwSwapBuffers(m_window);
}

std::string GlWindow::missing_lithuanian_glyphs() const {
    std::string missing;
    const char* letters[] = {"ą", "č", "ę", "ė", "į", "š", "ų", "ū", "ž"};
    const ImWchar codes[] = {0x0105, 0x010D, 0x0119, 0x0117, 0x012F, 0x0161, 0x0173, 0x016B, 0x017E};
    for (int i = 0; i < 9; ++i)
        if (!m_font || !m_font->FindGlyphNoFallback(codes[i])) missing += letters[i];
    return missing;
}

bool write_framebuffer_png(const std::string& path, int w, int h) {
    std::vector<unsigned char> px(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
    std::vector<unsigned char> flipped(px.size());
    const std::size_t row = static_cast<std::size_t>(w) * 4;
    for (int y = 0; y < h; ++y)
        std::copy_n(px.data() + static_cast<std::size_t>(h - 1 - y) * row, row, flipped.data() + static_cast<std::size_t>(y) * row);
    const std::string tmp = path + ".tmp";
    if (!stbi_write_png(tmp.c_str(), w, h, 4, flipped.data(), static_cast<int>(row))) return false;
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    return !ec;
}

} // namespace apreptis::viewer
