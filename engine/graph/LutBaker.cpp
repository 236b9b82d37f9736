#include "engine/graph/LutBaker.h"

#include <OpenColorIO/OpenColorIO.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <sstream>

#include "engine/Error.h"
#include "engine/gpu/FrameSlots.h"
#include "engine/kernel/FrameStep.h"
#include "engine/kernel/FusedKernel.h"
#include "engine/kernel/GraphSteps.h"
#include "engine/io/AtomicOutput.h"

namespace OCIO = OCIO_NAMESPACE;

namespace tinct {

namespace {

constexpr double kShaperToe = 1.0 / 64.0;

// What a LUT can hold of `steps`: per-pixel colour maths only. See BakeOptions::ignoreSpatial.
PixelProgram pointOnly(const PointSteps& steps, bool ignoreSpatial) {
    const PixelProgram all = PixelProgram::serial(steps);
    PixelProgram out;
    std::vector<uint32_t> at(all.instrs.size(), 0);
    for (size_t i = 1; i < all.instrs.size(); ++i) {
        const PixelInstr& in = all.instrs[i];
        const FrameStep* frame = in.step->frameStep();
        if (frame && frame->temporal())  // leaving it out would bake a look the render does not give
            throw Error("a LUT cannot hold " + in.step->describe() + ", which looks at neighbouring frames");
        const bool spatial = frame != nullptr;
        if ((spatial || in.step->positional()) && !ignoreSpatial)
            throw Error("a LUT cannot hold " + in.step->describe() + ", which " +
                        (spatial ? "looks at neighbouring pixels" : "depends on where the pixel is") +
                        " (--ignore-spatial leaves such nodes out)");
        std::vector<uint32_t> args;
        for (uint32_t a : in.args) args.push_back(at[a]);
        if (spatial)
            at[i] = args.front();
        else
            at[i] = out.append(in.step->positional() ? fullMatteStep() : in.step, std::move(args));
    }
    out.output = at[all.output];
    return out;
}

// The program run on a list of RGBA pixels.
std::vector<float> run(GpuContext& gpu, const PixelProgram& program, const std::vector<float>& rgba) {
    FusedKernel kernel(gpu, program);
    const uint32_t pixels = uint32_t(rgba.size() / 4);
    FrameSlots slots(gpu, 1, [&](VkCommandBuffer cmd, VkBuffer src, VkBuffer dst) { kernel.record(cmd, src, dst, pixels, {}); });
    const auto* out = static_cast<const float*>(slots.run(rgba.data(), rgba.size() * 4, rgba.size() * 4));
    return std::vector<float>(out, out + rgba.size());
}

// The baked LUT as OpenColorIO transforms, for the formats OCIO writes.
OCIO::GroupTransformRcPtr asTransforms(const BakedLut& lut) {
    auto group = OCIO::GroupTransform::Create();
    const int n = lut.options.size;
    if (lut.options.shaper) {
        auto range = OCIO::RangeTransform::Create();  // 0..shaperMax onto the 1D LUT's 0..1
        range->setMinInValue(0.0);
        range->setMaxInValue(lut.options.shaperMax);
        range->setMinOutValue(0.0);
        range->setMaxOutValue(1.0);
        range->setStyle(OCIO::RANGE_CLAMP);
        group->appendTransform(range);
        auto shaper = OCIO::Lut1DTransform::Create(unsigned(lut.shaper.size()), false);
        for (size_t i = 0; i < lut.shaper.size(); ++i) shaper->setValue(unsigned(i), lut.shaper[i], lut.shaper[i], lut.shaper[i]);
        group->appendTransform(shaper);
    }
    auto cube = OCIO::Lut3DTransform::Create(unsigned(n));
    cube->setInterpolation(OCIO::INTERP_TETRAHEDRAL);
    for (int b = 0; b < n; ++b)
        for (int g = 0; g < n; ++g)
            for (int r = 0; r < n; ++r) {
                const float* v = &lut.lattice[(size_t(b) * n * n + size_t(g) * n + r) * 3];
                cube->setValue(r, g, b, v[0], v[1], v[2]);
            }
    group->appendTransform(cube);
    return group;
}

std::string cubeText(const BakedLut& lut, const std::string& title) {
    std::ostringstream s;
    s.precision(7);
    s << std::fixed;
    // OpenColorIO's reader of the Resolve layout (1D shaper + 3D) refuses a TITLE line: the title
    // goes in a comment there.
    s << (lut.options.shaper ? "# " + title : "TITLE \"" + title + "\"") << "\n# Baked by Tinct\n";
    if (lut.options.shaper) {
        s << "LUT_1D_SIZE " << lut.shaper.size() << "\nLUT_1D_INPUT_RANGE 0.0 " << lut.options.shaperMax << "\n";
    }
    s << "LUT_3D_SIZE " << lut.options.size << "\n";
    for (float v : lut.shaper) s << v << " " << v << " " << v << "\n";
    for (size_t i = 0; i < lut.lattice.size(); i += 3) s << lut.lattice[i] << " " << lut.lattice[i + 1] << " " << lut.lattice[i + 2] << "\n";
    return s.str();
}

// Sony Pictures Imageworks' .spi3d: a header, then one line per lattice point with its indices.
std::string spi3dText(const BakedLut& lut) {
    const int n = lut.options.size;
    std::ostringstream s;
    s.precision(7);
    s << std::fixed << "SPILUT 1.0\n3 3\n" << n << " " << n << " " << n << "\n";
    for (int r = 0; r < n; ++r)
        for (int g = 0; g < n; ++g)
            for (int b = 0; b < n; ++b) {
                const float* v = &lut.lattice[(size_t(b) * n * n + size_t(g) * n + r) * 3];
                s << r << " " << g << " " << b << " " << v[0] << " " << v[1] << " " << v[2] << "\n";
            }
    return s.str();
}

std::string bakerText(const BakedLut& lut, const char* format) {
    auto config = OCIO::Config::CreateRaw()->createEditableCopy();
    auto baked = OCIO::ColorSpace::Create();
    baked->setName("baked");
    baked->setTransform(asTransforms(lut), OCIO::COLORSPACE_DIR_FROM_REFERENCE);
    config->addColorSpace(baked);
    auto baker = OCIO::Baker::Create();
    baker->setConfig(config);
    baker->setFormat(format);
    baker->setInputSpace("raw");
    baker->setTargetSpace("baked");
    baker->setCubeSize(lut.options.size);  // the same lattice: the baker samples exactly our points
    std::ostringstream s;
    baker->bake(s);
    return s.str();
}

}  // namespace

double shaperForward(double x, double shaperMax) {
    return std::log2(1.0 + std::max(x, 0.0) / kShaperToe) / std::log2(1.0 + shaperMax / kShaperToe);
}

double shaperInverse(double t, double shaperMax) {
    return kShaperToe * (std::exp2(t * std::log2(1.0 + shaperMax / kShaperToe)) - 1.0);
}

BakedLut bakeLut(GpuContext& gpu, const PointSteps& steps, const BakeOptions& options) {
    const PixelProgram program = pointOnly(steps, options.ignoreSpatial);
    if (options.size < 2 || options.size > 129) throw Error("--size " + std::to_string(options.size) + " is outside 2..129");
    BakedLut lut{options, {}, {}};
    const int n = options.size;
    std::vector<float> input(size_t(n) * n * n * 4);
    auto node = [&](int i) {
        const double t = double(i) / (n - 1);
        return float(options.shaper ? shaperInverse(t, options.shaperMax) : t);
    };
    for (int b = 0; b < n; ++b)
        for (int g = 0; g < n; ++g)
            for (int r = 0; r < n; ++r) {
                float* p = &input[(size_t(b) * n * n + size_t(g) * n + r) * 4];
                p[0] = node(r), p[1] = node(g), p[2] = node(b), p[3] = 1.0f;
            }
    const auto output = run(gpu, program, input);
    lut.lattice.reserve(size_t(n) * n * n * 3);
    for (size_t i = 0; i < output.size(); i += 4) lut.lattice.insert(lut.lattice.end(), {output[i], output[i + 1], output[i + 2]});
    if (options.shaper)
        for (int i = 0; i < options.shaperSize; ++i)
            lut.shaper.push_back(float(shaperForward(options.shaperMax * i / (options.shaperSize - 1), options.shaperMax)));
    return lut;
}

void writeBakedLut(const std::string& path, const BakedLut& lut, const std::string& title) {
    const std::string extension = std::filesystem::path(path).extension().string();
    std::string text;
    try {
        if (extension == ".cube") {
            text = cubeText(lut, title);
        } else if (extension == ".spi3d") {
            if (lut.options.shaper) throw Error("a .spi3d LUT holds no shaper; bake linear input to .cube or .clf");
            text = spi3dText(lut);
        } else if (extension == ".3dl") {
            if (lut.options.shaper) throw Error("a .3dl LUT holds no shaper; bake linear input to .cube or .clf");
            text = bakerText(lut, "flame");
        } else if (extension == ".clf") {
            std::ostringstream s;
            asTransforms(lut)->write(OCIO::Config::CreateRaw(), "Academy/ASC Common LUT Format", s);
            text = s.str();
        } else {
            throw Error("unknown LUT format '" + extension + "': use .cube, .3dl, .clf or .spi3d");
        }
    } catch (const OCIO::Exception& e) {
        throw Error(path + ": " + e.what());
    } catch (const Error& e) {
        throw Error(path + ": " + e.what());
    }
    writeTextAtomically(path, text);
}

}  // namespace tinct
