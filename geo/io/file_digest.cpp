#include "geo/io/file_digest.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <vector>

#include <openssl/evp.h>

#include "geo/errors.hpp"

namespace apreptis::geo {

namespace {
struct MdCtxDeleter {
    void operator()(EVP_MD_CTX* c) const noexcept { EVP_MD_CTX_free(c); }
};
} // namespace

FileDigest digest_file(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw IoError(Location{.path = path}, std::string("cannot open to record its digest: ") + std::strerror(errno));
    std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1)
        throw IoError(Location{.path = path}, "cannot start a SHA-256 digest (OpenSSL)");
    FileDigest d;
    d.path = path;
    std::vector<char> buf(1 << 16);
    while (f) {
        f.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        const auto n = static_cast<std::size_t>(f.gcount());
        if (n && EVP_DigestUpdate(ctx.get(), buf.data(), n) != 1) throw IoError(Location{.path = path}, "SHA-256 update failed");
        d.size_bytes += n;
    }
    if (f.bad()) throw IoError(Location{.path = path}, "read error while computing its digest");
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_DigestFinal_ex(ctx.get(), md, &len) != 1) throw IoError(Location{.path = path}, "SHA-256 final failed");
    char hex[3];
    for (unsigned i = 0; i < len; ++i) {
        std::snprintf(hex, sizeof hex, "%02x", md[i]);
        d.sha256 += hex;
    }
    return d;
}

} // namespace apreptis::geo
