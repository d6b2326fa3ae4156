#version 330 core
// Polygon fills and lines: the vertex colour, with the layer's opacity.
in vec4 v_colour;
uniform float u_opacity;
out vec4 frag_colour;
void main() { frag_colour = vec4(v_colour.rgb, v_colour.a * u_opacity); }
