// tinct info, devices and sample as a user runs them.
#include <gtest/gtest.h>

#include <ImfStandardAttributes.h>

#include <cmath>
#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/support/ExrOracle.h"
#include "tests/support/RunTinct.h"
#include "tests/support/TempDir.h"

using namespace tinct::test;

TEST(SampleCommand, WritesTaggedFramesWhosePatchesHoldTheChartValues) {
    TempDir dir;
    const auto r = runTinct({"sample", "-o", dir.file("s"), "--size", "320x180", "--count", "3", "--start", "1001"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"s"});
    std::ifstream chartFile(dir.file("s/chart.json"));
    const auto chart = nlohmann::json::parse(chartFile);
    const ExrPixels frame = readExrWithOpenExr(dir.file("s/sample.1002.exr"));
    ASSERT_TRUE(Imf::hasChromaticities(frame.header));
    EXPECT_FLOAT_EQ(Imf::chromaticities(frame.header).green.y, 1.0f);  // AP0 green primary (0, 1)
    ASSERT_TRUE(chart.contains("patches"));
    int checked = 0;
    for (const auto& p : chart["patches"]) {
        const int x = (p["x0"].get<int>() + p["x1"].get<int>()) / 2, y = (p["y0"].get<int>() + p["y1"].get<int>()) / 2;
        const float* px = &frame.rgba[(size_t(y) * frame.width + x) * 4];
        const float expected[3] = {p["aces"][0].get<float>(), p["aces"][1].get<float>(), p["aces"][2].get<float>()};
        // The files are half float (2^-11 relative) and chart.json rounds to 7 significant digits.
        for (int c = 0; c < 3; ++c) EXPECT_NEAR(px[c], expected[c], std::fabs(expected[c]) / 2048 + 1e-6) << p["name"];
        ++checked;
    }
    EXPECT_GE(checked, 20);
}

TEST(InfoCommand, DescribesASequenceWithItsGaps) {
    TempDir dir;
    ASSERT_EQ(runTinct({"sample", "-o", dir.path().string(), "--size", "64x36", "--count", "5"}).exitCode, 0);
    std::filesystem::remove(dir.file("sample.1002.exr"));
    const auto r = runTinct({"info", dir.file("sample.####.exr"), "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto info = nlohmann::json::parse(r.out);
    EXPECT_EQ(info["sequence"]["first"], 1001);
    EXPECT_EQ(info["sequence"]["last"], 1005);
    EXPECT_EQ(info["sequence"]["gapsText"], "1002");
    EXPECT_EQ(info["exr"]["parts"][0]["compression"], "zip");

    const auto text = runTinct({"info", dir.file("sample.####.exr")});
    ASSERT_EQ(text.exitCode, 0) << text.err;
    EXPECT_NE(text.out.find("frames 1001-1005"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("missing 1002"), std::string::npos) << text.out;

    const auto missing = runTinct({"info", dir.file("nothing.exr")});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_NE(missing.err.find("nothing.exr"), std::string::npos) << missing.err;
}

TEST(DevicesCommand, ListsTheDeviceInUseAndWhy) {
    const auto r = runTinct({"devices", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto devices = nlohmann::json::parse(r.out);
    ASSERT_FALSE(devices["devices"].empty());
    EXPECT_FALSE(devices["reason"].get<std::string>().empty());
    const auto cpu = runTinct({"devices"}, {"TINCT_DEVICE=cpu"});  // lavapipe is installed everywhere
    ASSERT_EQ(cpu.exitCode, 0) << cpu.err;
    EXPECT_NE(cpu.out.find("TINCT_DEVICE=cpu"), std::string::npos) << cpu.out;
    const auto bad = runTinct({"devices"}, {"TINCT_DEVICE=no-such-gpu"});
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_NE(bad.err.find("no-such-gpu"), std::string::npos) << bad.err;
}
