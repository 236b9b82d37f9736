#include "tests/gui/StationHarness.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <OpenColorIO/OpenColorIO.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>

#include "tests/support/ExrOracle.h"

namespace OCIO = OCIO_NAMESPACE;

namespace tinct::test {

std::string quote(const std::string& s) { return "'" + s + "'"; }

int runStation(const std::string& args, const TempDir& dir, bool mustSucceed, StationScreen screen) {
    const std::string xscreen = std::to_string(std::max(1024, screen.width)) + "x" + std::to_string(std::max(768, screen.height)) +
                                "x" + std::to_string(screen.depth);
    const std::string cmd = "cd " + quote(dir.path().string()) + " && TINCT_VALIDATION=1 xvfb-run -a -s '-screen 0 " + xscreen +
                            "' " + quote(TINCT_BINARY) + " gui --window-width " + std::to_string(screen.width) +
                            " --window-height " + std::to_string(screen.height) + " " + args + " > station.log 2>&1";
    const int status = std::system(cmd.c_str());
    std::ifstream log(dir.file("station.log"));
    std::string text((std::istreambuf_iterator<char>(log)), {});
    if (status != 0 && mustSucceed) ADD_FAILURE() << "station failed:\n" << text;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void writeText(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

void writeFlatExr(const std::string& path, std::array<float, 3> rgb) {
    std::vector<float> rgba;
    for (int i = 0; i < 64 * 36; ++i) rgba.insert(rgba.end(), {rgb[0], rgb[1], rgb[2], 1.0f});
    writeExrWithOpenExr(path, Imf::Header(64, 36), rgba);
}

std::array<float, 3> expectedDisplay(std::array<float, 3> rgb, std::optional<std::array<double, 3>> slope) {
    return expectedDisplay(rgb, slope ? std::vector<CdlValues>{{*slope, 1}} : std::vector<CdlValues>{});
}

std::array<float, 3> expectedDisplay(std::array<float, 3> rgb, const std::vector<CdlValues>& cdls) {
    auto config = OCIO::Config::CreateFromFile(TINCT_SOURCE_DIR "/luts/config.ocio");
    auto group = OCIO::GroupTransform::Create();
    auto toWorking = OCIO::ColorSpaceTransform::Create();
    toWorking->setSrc("ACES2065-1");
    toWorking->setDst("ACEScct");
    group->appendTransform(toWorking);
    for (const CdlValues& values : cdls) {
        auto cdl = OCIO::CDLTransform::Create();
        cdl->setSlope(values.slope.data());
        cdl->setSat(values.saturation);
        cdl->setStyle(OCIO::CDL_NO_CLAMP);
        group->appendTransform(cdl);
    }
    auto display = OCIO::DisplayViewTransform::Create();
    display->setSrc("ACEScct");
    display->setDisplay("sRGB");
    display->setView(config->getDefaultView("sRGB"));
    group->appendTransform(display);
    auto cpu = config->getProcessor(group)->getDefaultCPUProcessor();
    cpu->applyRGB(rgb.data());
    return rgb;
}

int code(float v) { return int(std::lround(std::clamp(v, 0.0f, 1.0f) * 255)); }

int countNear(const Png& png, int x0, int y0, int x1, int y1, std::array<int, 3> rgb, int tolerance) {
    int n = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) {
            const auto c = png.at(x, y);
            if (std::abs(c[0] - rgb[0]) <= tolerance && std::abs(c[1] - rgb[1]) <= tolerance &&
                std::abs(c[2] - rgb[2]) <= tolerance)
                ++n;
        }
    return n;
}

void writeSplitExr(const std::string& path, std::array<float, 3> left, std::array<float, 3> right) {
    std::vector<float> rgba;
    for (int y = 0; y < 36; ++y)
        for (int x = 0; x < 64; ++x) {
            const auto& c = x < 32 ? left : right;
            rgba.insert(rgba.end(), {c[0], c[1], c[2], 1.0f});
        }
    writeExrWithOpenExr(path, Imf::Header(64, 36), rgba);
}

std::array<float, 3> toWorking(std::array<float, 3> rgb) {
    auto config = OCIO::Config::CreateFromFile(TINCT_SOURCE_DIR "/luts/config.ocio");
    config->getProcessor("ACES2065-1", "ACEScct")->getDefaultCPUProcessor()->applyRGB(rgb.data());
    return rgb;
}

}  // namespace tinct::test
