#include "geo/io/file_digest.hpp"

#include <cstdio>
#include <fstream>
#include <vector>

#include "geo/errors.hpp"

namespace apreptis::geo {

FileDigest digest_file(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw IoError(path + ": cannot open to record its digest");
    FileDigest d;
    d.path = path;
    std::uint64_t h = 1469598103934665603ull;
    std::vector<char> buf(1 << 16);
    while (f) {
        f.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        std::streamsize n = f.gcount();
        for (std::streamsize i = 0; i < n; ++i) {
            h ^= static_cast<unsigned char>(buf[static_cast<std::size_t>(i)]);
            h *= 1099511628211ull;
        }
        d.size_bytes += static_cast<std::uint64_t>(n);
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
    d.fnv1a64 = hex;
    return d;
}

} // namespace apreptis::geo
