// Node thumbnails: without a window, the small source frame made on the GPU, the steps of each node's thumbnail,
// and the pass that grades them and puts them into a window buffer, read back here; then in the
// real station under Xvfb, read from its screenshots. OCIO's CPU processor and closed-form
// computations are the oracles.
#include <gtest/gtest.h>


#include <cmath>
#include <cstring>
#include <fstream>
#include <functional>
#include <limits>

#include "app/gui/MediaSource.h"
#include "app/gui/NodeThumbnails.h"
#include "app/gui/ThumbnailShrink.h"
#include "app/gui/ThumbnailSteps.h"
#include "app/gui/UploadedFrames.h"
#include "engine/gpu/GpuBuffer.h"
#include "engine/Error.h"
#include "engine/gpu/GpuContext.h"
#include "engine/kernel/FrameStep.h"
#include "engine/nodes/NodeTypes.h"
#include "tests/gui/StationHarness.h"
#include "tests/support/HdrOracle.h"
#include "tests/support/GpuFixture.h"
#include "tests/support/MemorySource.h"
#include "tests/support/TempDir.h"


namespace tinct::test {
namespace {

Frame frameOf(int w, int h, const std::function<std::array<float, 4>(int, int)>& pixel) {
    Frame f;
    f.width = w, f.height = h;
    f.rgba.resize(size_t(w) * h * 4);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const auto p = pixel(x, y);
            std::memcpy(&f.rgba[(size_t(y) * w + x) * 4], p.data(), 16);
        }
    return f;
}

// A frame in memory shown by the thumbnails, as the station shows its media.
struct ThumbnailRig {
    ThumbnailRig(GpuContext& gpu, Frame frame, int width = 128)
        : media(gpu, std::make_unique<MemorySource>(std::map<int64_t, Frame>{{1, std::move(frame)}}), "test"),
          frames(gpu, media), thumbnails(gpu, media, frames, width) {
        thumbnails.showFrame(1);
    }
    MediaSource media;
    UploadedFrames frames;
    NodeThumbnails thumbnails;
};

class ThumbnailShrinkTest : public GpuFixture {};

TEST_F(ThumbnailShrinkTest, EachPixelIsTheMeanOfTheSourcePixelsInItWithNanAndInfReplacedFirst) {
    // 6x4 to 3x2: 2x2 blocks. One block holds a NaN (counted as 0) and one +Inf (as 65504).
    const Frame f = frameOf(6, 4, [](int x, int y) -> std::array<float, 4> {
        if (x == 0 && y == 0) return {std::numeric_limits<float>::quiet_NaN(), 1, 1, 1};
        if (x == 5 && y == 3) return {std::numeric_limits<float>::infinity(), 1, 1, 1};
        return {float(x + 10 * y), float(y), 0.5f, 1};
    });
    EXPECT_EQ(thumbnailSize(6, 4, 3), (std::array<int, 2>{3, 2}));
    EXPECT_EQ(thumbnailSize(6, 4, 128), (std::array<int, 2>{6, 4}));  // never made larger than the frame
    EXPECT_EQ(thumbnailSize(1280, 720, 128), (std::array<int, 2>{128, 72}));
    auto shrunk = [&](const Frame& frame, int w, int h) {
        const GpuBuffer source = GpuBuffer::withData(gpu(), frame.rgba.data(), frame.rgba.size() * 4);
        GpuBuffer small(gpu(), size_t(w) * h * 16, BufferUse::Download, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT);
        ThumbnailShrink shrink(gpu());
        gpu().runOnce([&](VkCommandBuffer cmd) {
            shrink.record(cmd, source.handle(), frame.width, frame.height, small.handle(), w, h);
            VkMemoryBarrier host{VK_STRUCTURE_TYPE_MEMORY_BARRIER, nullptr, VK_ACCESS_SHADER_WRITE_BIT, VK_ACCESS_HOST_READ_BIT};
            vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, VK_PIPELINE_STAGE_HOST_BIT, 0, 1, &host, 0, nullptr, 0, nullptr);
        });
        small.invalidate();
        const float* p = static_cast<const float*>(small.mapped());
        return std::vector<float>(p, p + size_t(w) * h * 4);
    };
    const auto s = shrunk(f, 3, 2);
    auto at = [&](int x, int y, int c) { return s[(size_t(y) * 3 + x) * 4 + c]; };
    // Sums of four values of a few units, and of 65504: exact in float.
    EXPECT_FLOAT_EQ(at(0, 0, 0), (0 + 1 + 10 + 11) / 4.0f);  // the NaN counts 0, as x + 10y = 0 there
    EXPECT_FLOAT_EQ(at(1, 0, 0), (2 + 3 + 12 + 13) / 4.0f);
    EXPECT_FLOAT_EQ(at(2, 1, 0), (24 + 25 + 34 + 65504) / 4.0f);
    EXPECT_FLOAT_EQ(at(1, 1, 1), 2.5f);
    EXPECT_FLOAT_EQ(at(1, 1, 2), 0.5f);
    EXPECT_FLOAT_EQ(at(2, 1, 3), 1.0f);
    // Ratios that are not whole: 7 columns into 3 take the pixels whose centres fall in each
    // (floor((x + 0.5) * 3 / 7): columns 0-1, 2-4, 5-6).
    const Frame ramp = frameOf(7, 1, [](int x, int) -> std::array<float, 4> { return {float(x), 0, 0, 1}; });
    const auto r = shrunk(ramp, 3, 1);
    EXPECT_FLOAT_EQ(r[0], 0.5f);
    EXPECT_FLOAT_EQ(r[4], 3.0f);
    EXPECT_FLOAT_EQ(r[8], 5.5f);
}

TEST(ThumbnailSteps, SpatialSizesAreScaledInsideGraphsToo) {
    Grade g;
    g.nodes.push_back(makeNode("blur", "n1"));
    g.nodes[0].params.set("sigma", 20.0);
    g.nodes.push_back(makeNode("qualifier", "n2"));
    g.nodes[1].inputs = {"n1"};
    g.nodes[1].params.set("shrink_grow", 30.0);
    g.nodes[1].params.set("blur", 10.0);
    const PointSteps steps = thumbnailSteps(g, "n2", ColorPlan{}, "", 0.1f);
    std::vector<const FrameStep*> ops;
    for (const auto& s : PixelProgram::serial(steps).steps())
        if (s->frameStep()) ops.push_back(s->frameStep());
    ASSERT_EQ(ops.size(), 3u);
    // The blur node, sigma 20 -> 2: its kernel reaches ceil(3 sigma) = 6 pixels.
    EXPECT_EQ(ops[0]->structure(), "gaussian rgba");
    EXPECT_EQ(ops[0]->footprint().spatialRadius, 6u);
    // The qualifier's clean-up, inside its graph step, on the matte alone: grow 30 -> 3, blur 10 -> 1.
    EXPECT_EQ(ops[1]->structure(), "morph matte");
    EXPECT_EQ(ops[1]->footprint().spatialRadius, 3u);
    EXPECT_EQ(ops[2]->structure(), "gaussian matte");
    EXPECT_EQ(ops[2]->footprint().spatialRadius, 3u);

    // Without spatial steps the steps are the compiler's own.
    const PointSteps plain = {findNodeType("cdl")->makeStep(defaultParams(findNodeType("cdl")->params), {})};
    EXPECT_EQ(scaleSpatial(plain, 0.1f), plain);
}

TEST(ThumbnailSteps, ANodesInputsAreTheNodesUpToIt) {
    Grade g;
    for (const char* id : {"n1", "n2", "n3"}) {
        g.nodes.push_back(makeNode("cdl", id));
        if (g.nodes.size() > 1) g.nodes.back().inputs = {g.nodes[g.nodes.size() - 2].id};
    }
    const auto before = thumbnailInputs(g, "n2");
    ASSERT_EQ(before.size(), 2u);
    EXPECT_EQ(before[0].id, "n1");
    EXPECT_EQ(before[1].id, "n2");
    g.nodes[2].params.set("saturation", 0.5);  // after n2: its thumbnail does not change
    EXPECT_EQ(thumbnailInputs(g, "n2"), before);
    g.nodes[0].params.set("saturation", 0.5);  // before it: it does
    EXPECT_NE(thumbnailInputs(g, "n2"), before);
    EXPECT_TRUE(thumbnailInputs(g, kSourceInput).empty());
    EXPECT_THROW(thumbnailInputs(g, "n9"), Error);
}

SurfaceFormatChoice windowFormat(WindowPacking packing, SwapchainSignal signal = SwapchainSignal::Sdr) {
    SurfaceFormatChoice f;
    f.packing = packing;
    f.signal = signal;
    return f;
}

// The pass's output: window pixels, unpacked here from each packing's layout.
struct WindowImage {
    int width = 0;
    WindowPacking packing = WindowPacking::Rgba8;
    std::vector<uint32_t> pixels;
    // Code values 0..1.
    std::array<double, 3> value(int x, int y) const {
        const uint32_t v = pixels[size_t(y) * width + x];
        const bool tenBit = packing == WindowPacking::A2B10G10R10 || packing == WindowPacking::A2R10G10B10;
        const int bits = tenBit ? 10 : 8;
        const uint32_t mask = (1u << bits) - 1;
        const std::array<double, 3> lowFirst = {double(v & mask) / mask, double((v >> bits) & mask) / mask,
                                                double((v >> (2 * bits)) & mask) / mask};
        const bool redLow = packing == WindowPacking::Rgba8 || packing == WindowPacking::A2B10G10R10;
        return redLow ? lowFirst : std::array<double, 3>{lowFirst[2], lowFirst[1], lowFirst[0]};
    }
    // As 8-bit code values, whichever the packing.
    std::array<int, 3> at(int x, int y) const {
        const auto v = value(x, y);
        return {int(std::lround(v[0] * 255)), int(std::lround(v[1] * 255)), int(std::lround(v[2] * 255))};
    }
};

class NodeThumbnailsTest : public GpuFixture {
protected:
    static constexpr int kW = 400, kH = 200;
    static constexpr uint32_t kUntouched = 0xff102030u;  // what the window held before any pass

    // Records the pass into one window buffer that, as the station's, keeps its pixels between
    // frames, and reads it back.
    WindowImage draw(NodeThumbnails& thumbnails, const std::map<std::string, std::array<float, 4>>& rects,
                     const SurfaceFormatChoice& format, std::array<float, 4> canvas = {0, 0, kW, kH}) {
        const bool fresh = window_.size() == 0;
        if (fresh) window_ = GpuBuffer(gpu(), size_t(kW) * kH * 4, BufferUse::Device);
        GpuBuffer download(gpu(), size_t(kW) * kH * 4, BufferUse::Download);
        gpu().runOnce([&](VkCommandBuffer cmd) {
            if (fresh) {
                vkCmdFillBuffer(cmd, window_.handle(), 0, VK_WHOLE_SIZE, kUntouched);
                VkMemoryBarrier filled{VK_STRUCTURE_TYPE_MEMORY_BARRIER, nullptr, VK_ACCESS_TRANSFER_WRITE_BIT,
                                       VK_ACCESS_SHADER_READ_BIT | VK_ACCESS_SHADER_WRITE_BIT};
                vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, 0, 1, &filled,
                                     0, nullptr, 0, nullptr);
            }
            thumbnails.record(cmd, canvas, rects, window_.handle(), kW, kH, format);
            VkMemoryBarrier written{VK_STRUCTURE_TYPE_MEMORY_BARRIER, nullptr, VK_ACCESS_SHADER_WRITE_BIT, VK_ACCESS_TRANSFER_READ_BIT};
            vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT, 0, 1, &written, 0,
                                 nullptr, 0, nullptr);
            const VkBufferCopy all{0, 0, VkDeviceSize(kW) * kH * 4};
            vkCmdCopyBuffer(cmd, window_.handle(), download.handle(), 1, &all);
            VkMemoryBarrier host{VK_STRUCTURE_TYPE_MEMORY_BARRIER, nullptr, VK_ACCESS_TRANSFER_WRITE_BIT, VK_ACCESS_HOST_READ_BIT};
            vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_HOST_BIT, 0, 1, &host, 0, nullptr, 0,
                                 nullptr);
        });
        download.invalidate();
        WindowImage image{kW, format.packing, std::vector<uint32_t>(size_t(kW) * kH)};
        std::memcpy(image.pixels.data(), download.mapped(), image.pixels.size() * 4);
        return image;
    }

private:
    GpuBuffer window_;
};

// What the viewer's display shows after CDLs in the working space (the harness's OCIO CPU oracle),
// as 8-bit code values.
std::array<int, 3> expectedCode(std::array<float, 3> rgb, const std::vector<CdlValues>& cdls) {
    const auto display = expectedDisplay(rgb, cdls);
    return {code(display[0]), code(display[1]), code(display[2])};
}

CdlValues cdl(std::array<double, 3> slope, double saturation) { return {slope, saturation}; }

TEST_F(NodeThumbnailsTest, EachNodeShowsTheGradeUpToItThroughTheDisplayAndFollowsParameterEdits) {
    const std::array<float, 3> source{0.18f, 0.12f, 0.06f};
    ThumbnailRig rig(gpu(), frameOf(320, 180, [&](int, int) { return std::array<float, 4>{source[0], source[1], source[2], 1}; }));
    NodeThumbnails& thumbnails = rig.thumbnails;
    EXPECT_EQ(thumbnails.width(), 128);
    EXPECT_EQ(thumbnails.height(), 72);
    ColorRequest request;
    request.config = TINCT_SOURCE_DIR "/luts/config.ocio";
    request.input = "ACES2065-1";
    request.display = "sRGB";
    const ColorPlan plan = planColor(request, [] { return std::nullopt; });

    Grade g;
    g.nodes.push_back(makeNode("cdl", "n1"));
    g.nodes[0].params.set("slope", std::array<double, 4>{1.3, 1.0, 0.7, 0});
    g.nodes.push_back(makeNode("cdl", "n2"));
    g.nodes[1].inputs = {"n1"};
    g.nodes[1].params.set("saturation", 1.6);
    ASSERT_EQ(thumbnails.setGrade(g, plan, "", true), "");
    EXPECT_TRUE(thumbnails.building());  // new programs compile on a worker
    ASSERT_EQ(thumbnails.settle(), "");
    EXPECT_EQ(thumbnails.counts().built, 3u);  // the source, n1, n2

    // Rectangles not the thumbnail's size (bilinear scaling), one partly outside the canvas.
    const std::map<std::string, std::array<float, 4>> rects = {
        {kSourceInput, {10, 10, 100, 56}}, {"n1", {130, 10, 100, 56}}, {"n2", {250, 10, 100, 56}},
        {kOutputThumbnail, {10, 100, 64, 36}}, {"n9", {100, 100, 64, 36}}};
    const std::array<float, 4> canvas = {0, 0, kW, 180};
    // Tolerance 2 code values of 255: OCIO's GPU shader (LUT-based approximations) against its CPU
    // path, and the rounding of each (10-bit packings read back at 8 bits).
    auto expectNear = [](std::array<int, 3> got, std::array<int, 3> want, const std::string& what) {
        for (int c = 0; c < 3; ++c) EXPECT_NEAR(got[size_t(c)], want[size_t(c)], 2) << what << " channel " << c;
    };
    for (WindowPacking p : {WindowPacking::Rgba8, WindowPacking::Bgra8, WindowPacking::A2B10G10R10, WindowPacking::A2R10G10B10}) {
        const WindowImage image = draw(thumbnails, rects, windowFormat(p), canvas);
        const std::string packing = "packing " + std::to_string(int(p)) + ": ";
        expectNear(image.at(60, 38), expectedCode(source, {}), packing + "source");
        expectNear(image.at(180, 38), expectedCode(source, {cdl({1.3, 1.0, 0.7}, 1.0)}), packing + "n1");
        const auto n2 = expectedCode(source, {cdl({1.3, 1.0, 0.7}, 1.0), cdl({1, 1, 1}, 1.6)});
        expectNear(image.at(300, 38), n2, packing + "n2");
        expectNear(image.at(42, 118), n2, packing + "the output box shows the output node");
        // The canvas everywhere else, exactly; a node with no thumbnail leaves it; nothing below the canvas.
        EXPECT_EQ(image.at(120, 38), (std::array<int, 3>{30, 30, 34})) << packing;
        EXPECT_EQ(image.at(130, 118), (std::array<int, 3>{30, 30, 34})) << packing;
        EXPECT_EQ(image.pixels[190 * kW + 42], kUntouched) << packing;
    }
    EXPECT_EQ(thumbnails.counts().rendered, 3u);  // drawn four times, rendered once
    // With nothing changed the pass writes nothing (the window keeps its pixels); moving a
    // rectangle (a pan) writes again.
    const size_t blits = thumbnails.counts().blits;
    expectNear(draw(thumbnails, rects, windowFormat(WindowPacking::A2R10G10B10), canvas).at(180, 38),
               expectedCode(source, {cdl({1.3, 1.0, 0.7}, 1.0)}), "n1 kept");
    EXPECT_EQ(thumbnails.counts().blits, blits);
    auto panned = rects;
    panned["n1"][0] += 40;
    const WindowImage moved = draw(thumbnails, panned, windowFormat(WindowPacking::A2R10G10B10), canvas);
    EXPECT_EQ(thumbnails.counts().blits, blits + 1);
    EXPECT_EQ(moved.at(150, 38), (std::array<int, 3>{30, 30, 34}));  // where n1 was: the canvas again

    // On an HDR10 window the canvas, a UI colour, is shown as an SDR display would show it, white at
    // graphics white (the PQ closed form from tests/support/HdrOracle); the thumbnails hold the
    // display/view's code values already, as the viewer image does, and are not mapped.
    const WindowImage hdr = draw(thumbnails, rects, windowFormat(WindowPacking::A2B10G10R10, SwapchainSignal::Hdr10), canvas);
    const auto canvasPq = uiColourAsPq({30 / 255.0, 30 / 255.0, 34 / 255.0});
    for (int c = 0; c < 3; ++c) EXPECT_NEAR(hdr.value(120, 38)[size_t(c)], canvasPq[size_t(c)], 0.6 / 1023) << "channel " << c;
    expectNear(hdr.at(180, 38), expectedCode(source, {cdl({1.3, 1.0, 0.7}, 1.0)}), "n1 on an HDR10 window");

    // A parameter edit of n2: its program takes the new value with no compile; n1 and the source are
    // neither updated nor rendered again.
    g.nodes[1].params.set("saturation", 0.4);
    ASSERT_EQ(thumbnails.setGrade(g, plan, "", false), "");
    EXPECT_FALSE(thumbnails.building());
    EXPECT_EQ(thumbnails.counts().built, 3u);
    EXPECT_EQ(thumbnails.counts().updated, 1u);
    const WindowImage edited = draw(thumbnails, rects, windowFormat(WindowPacking::Rgba8), canvas);
    EXPECT_EQ(thumbnails.counts().rendered, 4u);
    expectNear(edited.at(300, 38), expectedCode(source, {cdl({1.3, 1.0, 0.7}, 1.0), cdl({1, 1, 1}, 0.4)}), "n2 edited");
    expectNear(edited.at(180, 38), expectedCode(source, {cdl({1.3, 1.0, 0.7}, 1.0)}), "n1 after the edit of n2");

    // A drag: an edit in the frame after another waits (at least 100 ms, far more than these calls
    // take), and is taken up in the first frame without an edit.
    thumbnails.poll();  // the end of the frame of the edit above
    g.nodes[1].params.set("saturation", 0.5);
    ASSERT_EQ(thumbnails.setGrade(g, plan, "", false), "");
    EXPECT_FALSE(thumbnails.settled());
    EXPECT_EQ(thumbnails.counts().updated, 1u);
    thumbnails.poll();  // the end of that frame: it had an edit, the drag may go on
    EXPECT_FALSE(thumbnails.settled());
    thumbnails.poll();  // a frame without one: the drag stopped
    EXPECT_TRUE(thumbnails.settled());
    EXPECT_EQ(thumbnails.counts().updated, 2u);
    expectNear(draw(thumbnails, rects, windowFormat(WindowPacking::Rgba8), canvas).at(300, 38),
               expectedCode(source, {cdl({1.3, 1.0, 0.7}, 1.0), cdl({1, 1, 1}, 0.5)}), "n2 after the drag");

    // A removed node's program is dropped: its rectangle shows the canvas.
    g.nodes.pop_back();
    ASSERT_EQ(thumbnails.setGrade(g, plan, "", false), "");
    EXPECT_FALSE(thumbnails.building());
    EXPECT_EQ(draw(thumbnails, rects, windowFormat(WindowPacking::Rgba8), canvas).at(300, 38), (std::array<int, 3>{30, 30, 34}));
    EXPECT_EQ(thumbnails.counts().built, 3u);

    // A node whose thumbnail cannot be made says so and shows none; the others stay.
    g.nodes.push_back(makeNode("lut", "n2"));
    g.nodes[1].inputs = {"n1"};
    g.nodes[1].params.set("file", std::string("no-such.cube"));
    const std::string failure = thumbnails.setGrade(g, plan, "", false);
    EXPECT_NE(failure.find("n2"), std::string::npos) << failure;
    EXPECT_EQ(thumbnails.settle(), "");
    const WindowImage failed = draw(thumbnails, rects, windowFormat(WindowPacking::Rgba8), canvas);
    EXPECT_EQ(failed.at(300, 38), (std::array<int, 3>{30, 30, 34}));
    expectNear(failed.at(180, 38), expectedCode(source, {cdl({1.3, 1.0, 0.7}, 1.0)}), "n1 beside a failed node");
}

TEST_F(NodeThumbnailsTest, ABlurIsScaledToTheThumbnail) {
    // A vertical edge at x 640 of 1280: the thumbnail (128 wide, 10 frame pixels each) has it
    // between its columns 63 and 64. A blur of sigma 20 frame pixels must be sigma 2 there. The
    // oracle: that Gaussian (radius 6, weights normalised, edges repeated) over the step, in double.
    ThumbnailRig rig(gpu(), frameOf(1280, 720, [](int x, int) -> std::array<float, 4> {
        const float v = x < 640 ? 0.0f : 1.0f;
        return {v, v, v, 1};
    }));
    NodeThumbnails& thumbnails = rig.thumbnails;
    Grade g;
    g.nodes.push_back(makeNode("blur", "n1"));
    g.nodes[0].params.set("sigma", 20.0);
    ASSERT_EQ(thumbnails.setGrade(g, ColorPlan{}, "", true), "");  // no colour management: code values are the pixels'
    ASSERT_EQ(thumbnails.settle(), "");
    // The rectangle is the thumbnail's own size at whole pixels: each window pixel is one texel.
    const WindowImage image = draw(thumbnails, {{"n1", {0, 0, 128, 72}}}, windowFormat(WindowPacking::Rgba8));
    for (int x = 50; x < 78; ++x) {
        double sum = 0, total = 0;
        for (int k = -6; k <= 6; ++k) {
            const double w = std::exp(-k * k / 8.0);
            sum += w * (std::clamp(x + k, 0, 127) >= 64 ? 1.0 : 0.0);
            total += w;
        }
        EXPECT_NEAR(image.at(x, 36)[0], std::lround(sum / total * 255), 1) << "column " << x;
    }
}

TEST(Station, NodeThumbnailsShowTheGradeUpToEachNodeAndFollowParameterEdits) {
    TempDir dir;
    const std::array<float, 3> source{0.18f, 0.12f, 0.06f};
    writeFlatExr(dir.file("flat.exr"), source);
    writeText(dir.file("actions.json"), R"([
        {"action": "add_node", "type": "cdl"},
        {"action": "set_param", "param": "slope", "value": [1.3, 1.0, 0.7]},
        {"action": "add_node", "type": "cdl"},
        {"action": "set_param", "param": "saturation", "value": 1.6},
        {"action": "wait", "frames": 2},
        {"action": "dump_layout", "path": "layout.json"},
        {"action": "screenshot", "path": "before.png"},
        {"action": "set_param", "node": "n2", "param": "saturation", "value": 0.4},
        {"action": "wait", "frames": 2},
        {"action": "screenshot", "path": "after.png"}
    ])");
    // A window tall enough for the node editor to show whole boxes.
    ASSERT_EQ(runStation("flat.exr --input-colorspace ACES2065-1 --display sRGB --script actions.json --bench bench.json",
                         dir, true, StationScreen{1280, 800}),
              0);
    std::ifstream layoutFile(dir.file("layout.json"));
    const auto layout = nlohmann::json::parse(layoutFile);
    const Png before = readPng(dir.file("before.png")), after = readPng(dir.file("after.png"));
    ASSERT_EQ(before.width, 1280);
    ASSERT_EQ(after.width, 1280);
    auto centre = [&](const Png& png, const std::string& id) {
        const auto r = layout.at("node_thumbnails").at(id).get<std::array<float, 4>>();
        return png.at(int(r[0] + r[2] / 2), int(r[1] + r[3] / 2));
    };
    // Each thumbnail against OCIO's CPU processor, within 2 code values (as the viewer's: OCIO's GPU
    // shader against its CPU path, and 8-bit rounding).
    auto expectShows = [&](std::array<int, 3> shown, const std::vector<CdlValues>& cdls, const std::string& what) {
        const auto expected = expectedDisplay(source, cdls);
        for (int c = 0; c < 3; ++c) EXPECT_NEAR(shown[size_t(c)], code(expected[size_t(c)]), 2) << what << " channel " << c;
    };
    const CdlValues gain{{1.3, 1.0, 0.7}, 1}, saturate{{1, 1, 1}, 1.6}, desaturate{{1, 1, 1}, 0.4};
    expectShows(centre(before, "source"), {}, "source");
    expectShows(centre(before, "n1"), {gain}, "n1 (gain)");
    expectShows(centre(before, "n2"), {gain, saturate}, "n2 (gain, saturation)");
    expectShows(centre(before, "#output"), {gain, saturate}, "output");
    // The edit of n2's saturation shows in its thumbnail; n1's stays as it was.
    expectShows(centre(after, "n2"), {gain, desaturate}, "n2 after the edit");
    EXPECT_EQ(centre(after, "n1"), centre(before, "n1"));
    EXPECT_GT(std::abs(centre(after, "n2")[0] - centre(before, "n2")[0]), 5);
    // Parameter edits compiled nothing for the thumbnails: one program each for the source, n1 and
    // n2, made when each appeared, and the edits taken into them.
    std::ifstream benchFile(dir.file("bench.json"));
    const auto bench = nlohmann::json::parse(benchFile);
    EXPECT_EQ(bench.at("thumbnail_programs").at("built"), 3);
    EXPECT_GE(bench.at("thumbnail_programs").at("updated"), 3);
}

}  // namespace
}  // namespace tinct::test
