#include "export_png.hpp"

#include <imgui.h>
#include <backends/imgui_impl_opengl3.h>

#include "platform/gl_window.hpp"
#include "render/gl.hpp"
#include "views/views.hpp"

namespace apreptis::viewer {

bool export_map_png(ViewerApp& app, MapRenderer& renderer, const std::string& path, int w, int h) {
    GLuint fbo = 0, tex = 0;
    glGenFramebuffers(1, &fbo);
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex, 0);
    const bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    bool ok = false;
    if (complete) {
        // same map extent, new pixel size
        // the whole study area, fitted to the image (no side panels in an export)
        const ViewTransform saved = app.view;
        const float il = app.inset_left, ir = app.inset_right;
        app.inset_left = app.inset_right = 0;
        app.view.width = w;
        app.view.height = h;
        app.fit();
        app.inset_left = il;
        app.inset_right = ir;
        app.load_basemap_now(); // the export's own window, read before it is drawn
        app.draw_map(renderer);
        ImGuiIO& io = ImGui::GetIO();
        const ImVec2 saved_size = io.DisplaySize;
        io.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h));
        io.DisplayFramebufferScale = ImVec2(1, 1);
        ImGui::NewFrame();
        draw_map_furniture(app, ImGui::GetForegroundDrawList(), static_cast<float>(w), static_cast<float>(h));
        ImGui::Render();
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        ok = write_framebuffer_png(path, w, h);
        io.DisplaySize = saved_size;
        app.view = saved;
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteTextures(1, &tex);
    glDeleteFramebuffers(1, &fbo);
    return ok;
}

} // namespace apreptis::viewer
