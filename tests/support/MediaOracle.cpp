#include "tests/support/MediaOracle.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "engine/io/ExrReader.h"
#include "tests/support/TempDir.h"

namespace tinct::test {

std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

Picture smoothChart(int width, int height, int frame) {
    Picture p{width, height, std::vector<float>(size_t(width) * height * 4)};
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const float u = (x + 0.5f) / width, v = (y + 0.5f) / height;
            float* px = &p.rgba[(size_t(y) * width + x) * 4];
            px[0] = 0.02f + 0.96f * u;
            px[1] = 0.02f + 0.96f * v;
            px[2] = 0.5f + 0.45f * std::sin(6.2831853f * (u + 0.5f * v) + 0.7f * frame);
            px[3] = 0.1f + 0.85f * (1.0f - u) * (0.5f + 0.5f * v);
        }
    return p;
}

void writeRawChart(const std::string& path, int width, int height, int frames) {
    std::ofstream out(path, std::ios::binary);
    const size_t n = size_t(width) * height;
    for (int f = 0; f < frames; ++f) {
        const Picture p = smoothChart(width, height, f);
        for (int plane : {1, 2, 0, 3}) {  // gbrap: G, B, R, A planes
            std::vector<float> values(n);
            for (size_t i = 0; i < n; ++i) values[i] = p.rgba[i * 4 + plane];
            out.write(reinterpret_cast<const char*>(values.data()), std::streamsize(n * 4));
        }
    }
    if (!out) throw std::runtime_error("cannot write " + path);
}

int ffmpeg(const std::string& args) {
    const int status = std::system(("ffmpeg -hide_banner -loglevel error -nostdin -y " + args).c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string commandOutput(const std::string& command) {
    std::string out;
    if (FILE* pipe = popen(command.c_str(), "r")) {
        char buffer[4096];
        while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
        pclose(pipe);
    }
    return out;
}

namespace {

std::string probe(const std::string& path, const std::string& entry) {
    std::string v = commandOutput("ffprobe -v error -select_streams v:0 -show_entries stream=" + entry + " -of csv=p=0 " + quote(path));
    while (!v.empty() && (v.back() == '\n' || v.back() == '\r')) v.pop_back();
    return v;
}

// The decoded format's family: RGB or YUV, bit depth, alpha (from FFmpeg's pixel format name).
struct DecodedFormat {
    bool rgb = false, alpha = false;
    int depth = 8;
};

DecodedFormat decodedFormat(const std::string& name) {
    DecodedFormat f;
    f.rgb = name.rfind("gbr", 0) == 0 || name.rfind("rgb", 0) == 0;
    f.alpha = name.rfind("yuva", 0) == 0 || name.rfind("gbrap", 0) == 0 || name.rfind("rgba", 0) == 0;
    for (int d : {16, 14, 12, 10, 9})
        if (name.find("p" + std::to_string(d)) != std::string::npos || name.find(std::to_string(d * 3)) != std::string::npos) {
            f.depth = d;
            break;
        }
    return f;
}

}  // namespace

Picture ffmpegDecode(const std::string& path, int frame) {
    TempDir dir;
    const std::string raw = dir.file("decoded.raw");
    Picture p;
    if (std::sscanf(probe(path, "width,height").c_str(), "%d,%d", &p.width, &p.height) != 2)
        throw std::runtime_error("ffprobe: no size for " + path);
    const DecodedFormat f = decodedFormat(probe(path, "pix_fmt"));
    const std::string depth = f.depth > 8 ? std::to_string(f.depth) + "le" : "";
    // Planar 4:4:4 at the decoded depth: the codes as decoded, with subsampled chroma resampled by
    // swscale's own filter; nothing else is converted.
    const std::string format = f.rgb ? (f.alpha ? "gbrap" : "gbrp") + depth : (f.alpha ? "yuva444p" : "yuv444p") + depth;
    const int status = ffmpeg("-i " + quote(path) + " -vf " + quote("select=eq(n\\," + std::to_string(frame) + ")") +
                              " -frames:v 1 -sws_flags accurate_rnd+full_chroma_inp+bitexact -f rawvideo -pix_fmt " + format +
                              " " + quote(raw));
    if (status != 0) throw std::runtime_error("ffmpeg could not decode " + path);
    const size_t n = size_t(p.width) * p.height;
    const int planes = f.alpha ? 4 : 3;
    std::ifstream in(raw, std::ios::binary);
    std::vector<uint8_t> bytes(n * planes * (f.depth > 8 ? 2 : 1));
    in.read(reinterpret_cast<char*>(bytes.data()), std::streamsize(bytes.size()));
    if (!in) throw std::runtime_error("short raw decode of " + path);
    auto code = [&](int plane, size_t i) -> double {
        const size_t k = size_t(plane) * n + i;
        return f.depth > 8 ? double(bytes[2 * k] | bytes[2 * k + 1] << 8) : double(bytes[k]);
    };
    // ITU-R BT.601/709/2020 luma weights, as the stream is tagged (untagged: 709 from 720 lines up).
    const std::string space = probe(path, "color_space");
    double kr = 0.2126, kb = 0.0722;
    if (space == "smpte170m" || space == "bt470bg" || (space != "bt709" && space.rfind("bt2020", 0) != 0 && p.height < 720))
        kr = 0.299, kb = 0.114;
    if (space.rfind("bt2020", 0) == 0) kr = 0.2627, kb = 0.0593;
    const bool full = f.rgb || probe(path, "color_range") == "pc";
    const double maxCode = double((1 << f.depth) - 1), unit = double(1 << f.depth) / 256.0;
    p.rgba.resize(n * 4);
    for (size_t i = 0; i < n; ++i) {
        double rgb[3];
        if (f.rgb) {  // gbrp: planes G, B, R
            rgb[0] = code(2, i) / maxCode, rgb[1] = code(0, i) / maxCode, rgb[2] = code(1, i) / maxCode;
        } else {
            const double y = full ? code(0, i) / maxCode : (code(0, i) - 16 * unit) / (219 * unit);
            const double half = double(1 << (f.depth - 1));
            const double cb = (code(1, i) - half) / (full ? maxCode : 224 * unit);
            const double cr = (code(2, i) - half) / (full ? maxCode : 224 * unit);
            const double kg = 1 - kr - kb;
            rgb[0] = y + 2 * (1 - kr) * cr;
            rgb[2] = y + 2 * (1 - kb) * cb;
            rgb[1] = (y - kr * rgb[0] - kb * rgb[2]) / kg;
        }
        for (int c = 0; c < 3; ++c) p.rgba[i * 4 + c] = float(rgb[c]);
        p.rgba[i * 4 + 3] = f.alpha ? float(code(3, i) / maxCode) : 1.0f;
    }
    return p;
}

double maxDifference(const Picture& a, const Picture& b, bool alpha) {
    if (a.width != b.width || a.height != b.height) return INFINITY;
    double worst = 0;
    for (size_t i = 0; i < a.rgba.size(); ++i)
        if (alpha || i % 4 != 3) worst = std::max(worst, double(std::fabs(a.rgba[i] - b.rgba[i])));
    return worst;
}

double psnr(const Picture& a, const Picture& b) {
    if (a.width != b.width || a.height != b.height) return -INFINITY;
    double sum = 0;
    size_t n = 0;
    for (size_t i = 0; i < a.rgba.size(); ++i) {
        if (i % 4 == 3) continue;
        const double d = double(a.rgba[i]) - double(b.rgba[i]);
        sum += d * d;
        ++n;
    }
    return sum == 0 ? INFINITY : 10.0 * std::log10(1.0 / (sum / double(n)));
}

std::string describeDifference(const Picture& a, const Picture& b) {
    if (a.width != b.width || a.height != b.height) return "sizes differ";
    std::string text;
    for (int c = 0; c < 4; ++c) {
        double worst = -1;
        size_t at = 0;
        for (size_t i = size_t(c); i < a.rgba.size(); i += 4)
            if (std::fabs(a.rgba[i] - b.rgba[i]) > worst) worst = std::fabs(a.rgba[i] - b.rgba[i]), at = i;
        const size_t pixel = at / 4;
        text += std::string(" ") + "RGBA"[c] + ": " + std::to_string(worst) + " at (" + std::to_string(pixel % a.width) + "," +
                std::to_string(pixel / a.width) + ") " + std::to_string(a.rgba[at]) + " vs " + std::to_string(b.rgba[at]) + ";";
    }
    return text;
}

Picture readExrPicture(const std::string& path) {
    const Frame f = readExr(path);
    return {f.width, f.height, f.rgba};
}

}  // namespace tinct::test
