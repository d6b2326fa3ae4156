#pragma once
// Lithuanian and English UI text. Keys are English identifiers; tr() returns UTF-8.
#include <string>

namespace apreptis::app {

enum class Language { lt, en };

const char* tr(Language lang, const std::string& key);

} // namespace apreptis::app
