#version 330 core
// A georeferenced image (the basemap): a quad in map units relative to the view origin,
// with its texture coordinates; u_view as in map.vert.
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec2 a_uv;
uniform mat3 u_view;
out vec2 v_uv;
void main() {
    vec3 p = u_view * vec3(a_pos, 1.0);
    gl_Position = vec4(p.xy, 0.0, 1.0);
    v_uv = a_uv;
}
