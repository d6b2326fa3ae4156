#version 330 core
// Map geometry in the working CRS (metres, relative to the view origin to keep float
// precision), coloured per vertex; u_view maps map units to clip space.
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec4 a_colour;
layout(location = 2) in float a_size;   // point diameter in pixels; 0: u_point_size
uniform mat3 u_view;
uniform float u_point_size;
out vec4 v_colour;
void main() {
    vec3 p = u_view * vec3(a_pos, 1.0);
    gl_Position = vec4(p.xy, 0.0, 1.0);
    gl_PointSize = a_size > 0.0 ? a_size : u_point_size;
    v_colour = a_colour;
}
