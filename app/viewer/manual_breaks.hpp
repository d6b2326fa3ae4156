#pragma once
// The class limits a planner types in the legend panel, read from the text as typed: the
// panel's buffer is ImGui's, and is never written to (strtok cut it at the first separator,
// so the field showed only the first number after each keystroke).
#include <string_view>
#include <vector>

namespace apreptis::viewer {

/// "10, 20; 30" -> {10, 20, 30}: numbers separated by spaces, commas or semicolons, in the
/// order typed. A piece that is not a whole number ("-", "1e", "abc", half typed) is skipped.
std::vector<double> parse_manual_breaks(std::string_view text);

} // namespace apreptis::viewer
