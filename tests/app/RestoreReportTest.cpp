// `tinct restore report` says what a cleaning grade repaired, checked against independent oracles:
// the node's own repair matte rendered through the command line as EXR and counted by flood fill
// (tests/support/RegionCount) for the counts, the plot's bars and the choice of frames; the scan as
// written and the cleaned render, read with OpenEXR and shrunk here by a box mean, for the contact
// sheet's pictures, read back with libpng. Bad requests write nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <ImfHeader.h>
#include <nlohmann/json.hpp>

#include "engine/render/RepairCharts.h"
#include "tests/support/ExrOracle.h"
#include "tests/support/JobFiles.h"
#include "tests/support/PngOracle.h"
#include "tests/support/RegionCount.h"
#include "tests/support/RunTinct.h"
#include "tests/support/SyntheticFilm.h"
#include "tests/support/TempDir.h"

using namespace tinct::test;
using tinct::PlotLayout;
using tinct::SheetLayout;

namespace {

constexpr int kFrames = 8, kThumb = 64;
// The first node's colour (the legend shows it): the report's first colour.
constexpr std::array<int, 3> kDustColour{255, 40, 200};

// The mean of the box of `frame` that thumbnail pixel (tx, ty) of a tw x th thumbnail covers, as an
// 8-bit value per channel; and whether `mask` has a pixel in that box.
struct Box {
    std::array<double, 3> mean{};
    bool marked = false;
};
Box boxOf(const std::vector<float>& rgba, const std::vector<uint8_t>* mask, int w, int h, int tw, int th, int tx, int ty) {
    const int x0 = tx * w / tw, x1 = std::max((tx + 1) * w / tw, x0 + 1);
    const int y0 = ty * h / th, y1 = std::max((ty + 1) * h / th, y0 + 1);
    Box box;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) {
            for (int c = 0; c < 3; ++c) box.mean[c] += rgba[(size_t(y) * w + x) * 4 + c];
            if (mask && (*mask)[size_t(y) * w + x]) box.marked = true;
        }
    for (double& m : box.mean) m = std::clamp(m / ((x1 - x0) * (y1 - y0)), 0.0, 1.0) * 255.0;
    return box;
}

class RestoreReport : public testing::Test {
protected:
    void SetUp() override {
        FilmSettings s;
        s.frames = kFrames, s.cut = -1;
        film = makeFilm(s);
        addBlotches(film, 0.006, 8, 33);
        for (const auto& [n, frame] : film.damaged)
            writeExrWithOpenExr(frameName(dir.file("scan.####.exr"), int(n)), Imf::Header(frame.width, frame.height), frame.rgba);
        std::ofstream(dir.file("dust.json")) << R"({"tinct_grade": 2, "nodes": [{"id": "dust", "type": "dust"}]})";
        std::ofstream(dir.file("matte.json"))
            << R"({"tinct_grade": 2, "nodes": [{"id": "dust", "type": "dust", "params": {"view": "matte"}}]})";
        const RunResult r = runTinct({"render", "-i", dir.file("scan.####.exr"), "--grade", dir.file("matte.json"), "-o",
                                      dir.file("matte/m.####.exr")});
        ASSERT_EQ(r.exitCode, 0) << r.err;
        for (int n = 0; n < kFrames; ++n) {
            const ExrPixels matte = readExrWithOpenExr(frameName(dir.file("matte/m.####.exr"), n));
            masks.push_back(matteMask(matte));
            regions.push_back(countRegions(masks.back(), matte.width, matte.height));
        }
    }
    RunResult report(const std::vector<std::string>& extra) {
        std::vector<std::string> args = {"restore", "report", "-i", dir.file("scan.####.exr"), "--grade", dir.file("dust.json"),
                                         "-o", dir.file("report"), "--thumb-width", std::to_string(kThumb)};
        args.insert(args.end(), extra.begin(), extra.end());
        return runTinct(args);
    }
    // The frames with the most repairs by the mattes, most first, the earlier of equals first;
    // the first `count` of them in frame order.
    std::vector<int> mostRepaired(size_t count) const {
        std::vector<int> order;
        for (int n = 0; n < kFrames; ++n)
            if (regions[n].regions > 0) order.push_back(n);
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return regions[a].regions > regions[b].regions; });
        order.resize(std::min(order.size(), count));
        std::sort(order.begin(), order.end());
        return order;
    }
    TempDir dir;
    Film film;
    std::vector<Regions> regions;
    std::vector<std::vector<uint8_t>> masks;
};

TEST_F(RestoreReport, SaysEachFramesRepairsAsItsRepairMatteHasThem) {
    const RunResult r = report({});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const nlohmann::json json = readJson(dir.file("report/repairs.json"));
    EXPECT_EQ(json.at("frames").get<int>(), kFrames);
    const nlohmann::json& frames = json.at("repairs").at("dust").at("frames");
    ASSERT_EQ(frames.size(), size_t(kFrames));
    uint64_t repaired = 0;
    for (int n = 0; n < kFrames; ++n) {
        EXPECT_EQ(frames[n].at("frame").get<int>(), n);
        EXPECT_EQ(frames[n].at("repairs").get<uint64_t>(), regions[n].regions) << "frame " << n;
        EXPECT_EQ(frames[n].at("area").get<uint64_t>(), regions[n].pixels) << "frame " << n;
        repaired += regions[n].regions > 0;
    }
    EXPECT_EQ(repaired, uint64_t(kFrames));  // blotches in every frame: an empty matte cannot pass
    EXPECT_NE(r.out.find("dust: "), std::string::npos) << r.out;
    // The cleaned frames are not written: a report only.
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.file("report")), {}), 3);
}

TEST_F(RestoreReport, ThePlotsBarsStandForEachFramesRepairs) {
    const RunResult r = report({});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const Png plot = readPng(dir.file("report/repairs.png"));
    ASSERT_EQ(plot.width, PlotLayout::kWidth);
    PlotLayout layout{size_t(kFrames), 1};
    ASSERT_EQ(plot.height, layout.height());
    uint32_t most = 0;
    for (const Regions& g : regions) most = std::max<uint32_t>(most, uint32_t(g.regions));
    for (int n = 0; n < kFrames; ++n) {
        const auto [a, b] = layout.columns(size_t(n));
        int height = 0;
        for (int y = layout.stripTop(0); y < layout.stripTop(0) + PlotLayout::kStripHeight; ++y)
            height += plot.at((a + b) / 2, y) == kDustColour;
        const int expected = int(std::lround(double(regions[n].regions) / most * (PlotLayout::kStripHeight - PlotLayout::kBarHeadroom)));
        EXPECT_EQ(height, regions[n].regions ? std::max(expected, 1) : 0) << "frame " << n << ": " << regions[n].regions << " of at most " << most;
    }
}

TEST_F(RestoreReport, TheContactSheetShowsTheMostRepairedFramesScannedWithTheirMattesAndCleaned) {
    constexpr size_t kSheet = 3;
    RunResult r = report({"--sheet-frames", std::to_string(kSheet)});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::vector<int> expected = mostRepaired(kSheet);
    const nlohmann::json json = readJson(dir.file("report/repairs.json"));
    ASSERT_EQ(json.at("contact_sheet").at("frames").get<std::vector<int>>(), expected);

    r = runTinct({"render", "-i", dir.file("scan.####.exr"), "--grade", dir.file("dust.json"), "-o", dir.file("clean/c.####.exr")});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const Png sheet = readPng(dir.file("report/contact_sheet.png"));
    const int w = film.settings.width, h = film.settings.height;
    SheetLayout layout;
    layout.thumbWidth = kThumb, layout.thumbHeight = int(std::lround(double(h) * kThumb / w)), layout.cells = kSheet;
    ASSERT_GE(sheet.width, layout.width());
    ASSERT_EQ(sheet.height, layout.height());
    for (size_t i = 0; i < expected.size(); ++i) {
        const int n = expected[i];
        const ExrPixels cleaned = readExrWithOpenExr(frameName(dir.file("clean/c.####.exr"), n));
        const auto [sx, sy] = layout.scannedAt(i);
        const auto [cx, cy] = layout.cleanedAt(i);
        int marked = 0, off = 0;
        for (int ty = 0; ty < layout.thumbHeight; ++ty)
            for (int tx = 0; tx < layout.thumbWidth; ++tx) {
                const Box scan = boxOf(film.damaged.at(n).rgba, &masks[n], w, h, layout.thumbWidth, layout.thumbHeight, tx, ty);
                const Box clean = boxOf(cleaned.rgba, nullptr, w, h, layout.thumbWidth, layout.thumbHeight, tx, ty);
                const auto s = sheet.at(sx + tx, sy + ty), c = sheet.at(cx + tx, cy + ty);
                marked += scan.marked;
                for (int k = 0; k < 3; ++k) {
                    // One code value: rounding of a box mean summed in another order.
                    const double want = scan.marked ? 0.35 * std::round(scan.mean[k]) + 0.65 * kDustColour[k] : scan.mean[k];
                    off += std::abs(s[k] - want) > 1.0 || std::abs(c[k] - clean.mean[k]) > 1.0;
                }
            }
        EXPECT_EQ(off, 0) << "frame " << n;
        EXPECT_GT(marked, 0) << "frame " << n;  // its repairs are on the sheet
    }
}

TEST_F(RestoreReport, AGradeThatRepairsNothingIsRefusedAndNothingIsWritten) {
    std::ofstream(dir.file("cdl.json")) << R"({"tinct_grade": 2, "nodes": [{"id": "c", "type": "cdl", "params": {"slope": [1.1, 1, 1]}}]})";
    const RunResult r = runTinct({"restore", "report", "-i", dir.file("scan.####.exr"), "--grade", dir.file("cdl.json"), "-o",
                                  dir.file("none/report")});
    EXPECT_NE(r.exitCode, 0);
    EXPECT_NE(r.err.find("no node that repairs"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir.file("none")));
}

TEST_F(RestoreReport, AFrameThatCannotBeReadLeavesNoReport) {
    std::ofstream(frameName(dir.file("scan.####.exr"), 5), std::ios::trunc) << "not an EXR";
    const RunResult r = report({});
    EXPECT_NE(r.exitCode, 0);
    EXPECT_NE(r.err.find("scan.0005.exr"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir.file("report")));
}

}  // namespace
