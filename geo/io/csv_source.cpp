#include "geo/io/csv_source.hpp"

#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include <cpl_conv.h>
#include <cpl_string.h>
#include <cpl_vsi.h>

#include "geo/errors.hpp"

namespace apreptis::geo::detail {

namespace {

std::string read_all(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw IoError(Location{.path = path}, std::string("cannot read: ") + std::strerror(errno));
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

} // namespace

bool is_csv(const std::string& path) {
    const auto dot = path.rfind('.');
    if (dot == std::string::npos) return false;
    std::string ext = path.substr(dot + 1);
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == "csv" || ext == "tsv";
}

bool is_utf8_name(std::string e) {
    for (auto& c : e) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return e.empty() || e == "UTF-8" || e == "UTF8";
}

CsvSource::CsvSource(const std::string& path, const ReadOptions& opt) {
    std::string text = read_all(path);
    if (!is_utf8_name(opt.encoding)) {
        char* utf8 = CPLRecode(text.c_str(), opt.encoding.c_str(), CPL_ENC_UTF8);
        if (!utf8) throw IoError(Location{.path = path}, "cannot decode from " + opt.encoding);
        text = utf8;
        CPLFree(utf8);
    }
    scan = scan_csv(text, path, opt.separator);
    if (!is_utf8_name(opt.encoding)) {
        static std::atomic<int> counter{0};
        m_mem = "/vsimem/apreptis_" + std::to_string(counter++) + "_" + std::to_string(::getpid()) + ".csv";
        m_buffer = std::move(text);
        VSILFILE* f = VSIFileFromMemBuffer(m_mem.c_str(), reinterpret_cast<GByte*>(m_buffer.data()),
                                           static_cast<vsi_l_offset>(m_buffer.size()), FALSE);
        if (!f) throw IoError(Location{.path = path}, "cannot stage the decoded text for GDAL");
        VSIFCloseL(f);
    }
}

CsvSource::~CsvSource() {
    if (!m_mem.empty()) VSIUnlink(m_mem.c_str());
}

} // namespace apreptis::geo::detail
