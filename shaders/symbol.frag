#version 330 core
// Point symbols: a filled disc with a dark ring, cut from the point sprite.
in vec4 v_colour;
uniform float u_opacity;
out vec4 frag_colour;
void main() {
    vec2 d = gl_PointCoord * 2.0 - 1.0;
    float r = dot(d, d);
    if (r > 1.0) discard;
    vec3 c = r > 0.6 ? vec3(0.1, 0.1, 0.1) : v_colour.rgb;
    frag_colour = vec4(c, v_colour.a * u_opacity);
}
