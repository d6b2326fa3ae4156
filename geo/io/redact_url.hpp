#pragma once
// A tile URL may carry an API key ("https://tile.example.com/{z}/{x}/{y}.png?apikey=...") or a
// user and password ("https://user:pass@host/..."). Wherever a [basemap] source is named (a
// warning, the viewer's status, the report's note), it is named through redact_url() so that
// the key never reaches a screen, a log or an output. Database connection strings have their
// own: connection_string.hpp redacted().
#include <string>
#include <string_view>

namespace apreptis::geo {

/// `text` (a URL, a GDAL dataset name such as "WMTS:https://..." or a GDAL_WMS description, or
/// a message quoting one) with, in every URL in it ("scheme://..."), the userinfo replaced by
/// "***" ("https://***@host/...") and the values of key-like query parameters replaced by
/// "***" ("...?apikey=***&style=light"). Everything else is returned unchanged.
std::string redact_url(const std::string& text);

/// Whether a query parameter's name says its value is a secret: any case, a name holding key,
/// token, secret, pass (password, passwd), signature or credential, or one of sig, auth,
/// authorization, session.
bool is_secret_parameter(std::string_view name);

} // namespace apreptis::geo
