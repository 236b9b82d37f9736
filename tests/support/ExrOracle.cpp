#include "tests/support/ExrOracle.h"

#include "tests/support/ExrTestFiles.h"

namespace tinct::test {

namespace {
const char* const kNames[] = {"R", "G", "B", "A"};
}

void writeExrWithOpenExr(const std::string& path, Imf::Header header, const std::vector<float>& rgba,
                         Imf::PixelType type) {
    const Imath::Box2i dw = header.dataWindow();
    const int width = dw.max.x - dw.min.x + 1;
    std::vector<TestChannel> channels;
    for (int c = 0; c < 4; ++c)
        channels.push_back({kNames[c], type, [&rgba, dw, width, c](int x, int y) {
                                return double(rgba[(size_t(y - dw.min.y) * width + (x - dw.min.x)) * 4 + c]);
                            }});
    writeScanlineFile(path, header, channels);
}

ExrPixels readExrWithOpenExr(const std::string& path) {
    const ReadBack file = readWithOpenExr(path);
    ExrPixels p;
    p.header = file.header;
    p.width = file.width;
    p.height = file.height;
    p.rgba.assign(size_t(p.width) * p.height * 4, 1.0f);
    for (int c = 0; c < 4; ++c) {
        const auto channel = file.channels.find(kNames[c]);
        if (channel == file.channels.end()) continue;
        for (size_t i = 0; i < channel->second.size(); ++i) p.rgba[i * 4 + c] = channel->second[i];
    }
    return p;
}

}  // namespace tinct::test
