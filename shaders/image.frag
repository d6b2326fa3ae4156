#version 330 core
// The basemap's pixels (transparent where the source has none), with the layer's opacity.
in vec2 v_uv;
uniform sampler2D u_image;
uniform float u_opacity;
out vec4 frag_colour;
void main() {
    vec4 c = texture(u_image, v_uv);
    frag_colour = vec4(c.rgb, c.a * u_opacity);
}
