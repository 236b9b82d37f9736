#include "engine/kernel/FusedKernel.h"

#include <algorithm>
#include <cstring>

#include "engine/Error.h"
#include "engine/gpu/EmbeddedShaders.h"
#include "engine/gpu/GpuContext.h"
#include "engine/gpu/ShaderCompiler.h"

namespace tinct {

namespace {

constexpr uint32_t kGroupSize = 256;       // local_size_x of point_chain.comp
constexpr uint32_t kFixedBindings = 3;     // source, destination, parameters

struct Push {
    uint32_t pixelCount;
    uint32_t rowPitch;
    uint32_t firstPixel;
    uint32_t width, height;
};

// What each frame 1 .. the program reads holds.
std::vector<FrameKind> extraFramesOf(const PixelProgram& program) {
    std::vector<FrameKind> kinds;
    for (const auto& in : program.instrs) {
        if (in.step && in.step->frameStep())
            throw Error("internal error: a fused kernel cannot run " + in.step->describe());
        if (in.step || in.frame == 0) continue;
        if (kinds.size() < in.frame) kinds.resize(in.frame, FrameKind::Rgba);
        kinds[in.frame - 1] = in.kind;
    }
    return kinds;
}

std::vector<BindingKind> layoutFor(const PixelProgram& program) {
    std::vector<BindingKind> layout(kFixedBindings + extraFramesOf(program).size(), BindingKind::StorageBuffer);
    for (const auto& in : program.instrs)
        if (in.step) layout.insert(layout.end(), in.step->textures().size(), BindingKind::StorageBuffer);
    return layout;
}

void replace(std::string& text, const std::string& marker, const std::string& with) {
    const size_t at = text.find(marker);
    if (at == std::string::npos) throw Error("internal error: kernel template lacks " + marker);
    text.replace(at, marker.size(), with);
}

std::string variantName(FrameFormats f) {
    std::string name = std::string("point_chain_") + (f.sourceHalf ? "h" : "f");
    if (f.destination != FrameKind::Rgba) return name + std::to_string(channelsOf(f.destination));
    return name + (f.destinationHalf ? "h" : "f");
}

std::string value(uint32_t instr) { return "v" + std::to_string(instr); }

// Whether the program's result depends on its source (instruction 0), or only on frames it is given.
bool readsSource(const PixelProgram& program) { return program.live()[0]; }

// Each step's function, parameters and textures, by instruction.
std::vector<StepSlot> slotsFor(const PixelProgram& program) {
    std::vector<StepSlot> slots(program.instrs.size());
    uint32_t param = 0, binding = kFixedBindings + uint32_t(extraFramesOf(program).size());
    for (size_t i = 0; i < program.instrs.size(); ++i) {
        const auto& step = program.instrs[i].step;
        if (!step) continue;
        slots[i] = {"tinct_step" + std::to_string(i), param, binding};
        param += uint32_t(step->params().size() / 4);
        binding += uint32_t(step->textures().size());
    }
    return slots;
}

}  // namespace

std::string FusedKernel::generateSource(const PixelProgram& program, FrameFormats formats) {
    std::string text(shaders::snippet("point_chain.comp"));
    replace(text, "#version 450\n",
            std::string("#version 450\n#define TINCT_SOURCE_HALF ") + (formats.sourceHalf ? "1" : "0") +
                "\n#define TINCT_DESTINATION_HALF " + (formats.destinationHalf ? "1" : "0") +
                "\n#define TINCT_DESTINATION_CHANNELS " + std::to_string(channelsOf(formats.destination)) +
                "\n#define TINCT_READS_SOURCE " + (readsSource(program) ? "1" : "0") +
                "\n#define TINCT_POSITIONAL " + (program.positional() ? "1" : "0") + "\n");
    // shaderc is given no include callback: the snippets are pasted in, as glslc -I did at build time.
    for (const char* name : {"sanitize.glsl", "half.glsl"})
        replace(text, std::string("#include \"") + name + "\"", std::string(shaders::snippet(name)));
    replace(text, "#extension GL_GOOGLE_include_directive : require\n", "");

    // Frames 1 .. as their kinds hold them, read back as values: a matte m as (m, m, m, 1), a motion
    // field (x, y) as (x, y, 0, 1).
    std::string frames;
    const std::vector<FrameKind> kinds = extraFramesOf(program);
    for (uint32_t f = 1; f <= kinds.size(); ++f) {
        const std::string n = std::to_string(f);
        const FrameKind kind = kinds[f - 1];
        const char* type = kind == FrameKind::Matte ? "float" : kind == FrameKind::Motion ? "vec2" : "vec4";
        frames += "layout(std430, set = 0, binding = " + std::to_string(kFixedBindings + f - 1) + ") readonly buffer Frame" + n +
                  " { " + type + " tinct_frame" + n + "[]; };\n";
        const std::string load = kind == FrameKind::Matte    ? "vec4(vec3(tinct_frame" + n + "[i]), 1.0)"
                                 : kind == FrameKind::Motion ? "vec4(tinct_frame" + n + "[i], 0.0, 1.0)"
                                                             : "tinct_frame" + n + "[i]";
        frames += "vec4 tinct_read_frame" + n + "(uint i) { return " + load + "; }\n";
    }
    replace(text, "// TINCT_FRAME_INPUTS", frames);

    std::string functions, calls;
    std::vector<std::string> pasted;
    for (const auto& in : program.instrs)
        if (in.step)
            for (const auto& name : in.step->snippets())
                if (std::find(pasted.begin(), pasted.end(), name) == pasted.end()) {
                    const auto snippet = shaders::snippet(name);
                    if (snippet.empty()) throw Error("internal error: no shader snippet " + name);
                    functions += "// " + name + "\n" + std::string(snippet) + "\n";
                    pasted.push_back(name);
                }
    const auto slots = slotsFor(program);
    for (uint32_t i = 0; i < program.instrs.size(); ++i) {
        const PixelInstr& in = program.instrs[i];
        if (!in.step) {
            calls += "vec4 " + value(i) + " = " +
                     (in.frame == 0 ? std::string("c") : "tinct_sanitize(tinct_read_frame" + std::to_string(in.frame) + "(i))") + ";\n    ";
            continue;
        }
        // No describe() here: it holds parameter values, and the text must change only with structure.
        functions += "// step " + std::to_string(i) + "\n" + in.step->glsl(slots[i]) + "\n";
        std::string args;
        for (uint32_t a : in.args) args += (args.empty() ? "" : ", ") + value(a);
        calls += "vec4 " + value(i) + " = " + slots[i].functionName + "(" + args + ");\n    ";
    }
    calls += "c = " + value(program.output) + ";";
    replace(text, "// TINCT_STEP_FUNCTIONS", functions);
    replace(text, "// TINCT_STEP_CALLS", calls);
    return text;
}

FusedKernel::FusedKernel(GpuContext& gpu, const PointSteps& steps) : FusedKernel(gpu, PixelProgram::serial(steps)) {}

FusedKernel::FusedKernel(GpuContext& gpu, PixelProgram program)
    : gpu_(gpu), program_(std::move(program)), steps_(program_.steps()), structure_(generateSource(program_)),
      extraFrames_(extraFramesOf(program_)), readsSource_(readsSource(program_)) {
    for (const auto& step : steps_)
        for (const auto& t : step->textures())
            luts_.push_back(GpuBuffer::withData(gpu, t.rgba.data(), t.rgba.size() * sizeof(float)));

    size_t paramFloats = 0;
    for (const auto& step : steps_) paramFloats += step->params().size();
    // Storage buffers may not be empty; an unused vec4 keeps the layout fixed.
    parameters_ = GpuBuffer(gpu, std::max<size_t>(paramFloats, 4) * sizeof(float), BufferUse::Upload,
                            VK_BUFFER_USAGE_STORAGE_BUFFER_BIT);
    updateParameters();
    prepare({});
}

void FusedKernel::prepare(FrameFormats formats) {
    auto& kernel = kernels_[formats];
    if (kernel) return;
    const std::string name = variantName(formats);
    if (program_.instrs.size() == 1 && formats.destination == FrameKind::Rgba) {  // the source as it is: the build-time kernel
        kernel = std::make_unique<ComputeKernel>(gpu_, shaders::spirv(name), layoutFor(program_), uint32_t(sizeof(Push)), name);
    } else {
        const auto spirv = compileComputeShader(generateSource(program_, formats), "fused " + name);
        kernel = std::make_unique<ComputeKernel>(gpu_, spirv, layoutFor(program_), uint32_t(sizeof(Push)), "fused " + name);
    }
}

bool FusedKernel::accepts(const PixelProgram& program) const {
    const PointSteps steps = program.steps();
    size_t lut = 0, paramFloats = 0;
    for (const auto& step : steps) {
        paramFloats += step->params().size();
        for (const auto& t : step->textures())
            if (lut >= luts_.size() || t.rgba.size() * sizeof(float) != luts_[lut++].size()) return false;
    }
    return lut == luts_.size() && std::max<size_t>(paramFloats, 4) * sizeof(float) == parameters_.size() &&
           generateSource(program) == structure_;
}

void FusedKernel::adopt(const PixelProgram& program) {
    if (!accepts(program)) throw Error("internal error: a kernel adopted a program of another structure");
    program_ = program;
    steps_ = program_.steps();
    readsSource_ = readsSource(program_);
    size_t lut = 0;
    for (const auto& step : steps_)
        for (const auto& t : step->textures())
            luts_[lut++] = GpuBuffer::withData(gpu_, t.rgba.data(), t.rgba.size() * sizeof(float));
    updateParameters();
}

void FusedKernel::updateParameters() {
    auto* out = static_cast<float*>(parameters_.mapped());
    for (const auto& step : steps_) {
        const auto p = step->params();
        if (p.size() % 4) throw Error("internal error: step parameters must be whole vec4s: " + step->describe());
        if (!p.empty()) std::memcpy(out, p.data(), p.size() * sizeof(float));  // an empty vector may hold no pointer
        out += p.size();
    }
    parameters_.flush();
}

void FusedKernel::record(VkCommandBuffer cmd, VkBuffer source, VkBuffer destination, uint32_t width, uint32_t height,
                         FrameFormats formats, const std::vector<VkBuffer>& frames) const {
    const auto found = kernels_.find(formats);
    if (found == kernels_.end()) throw Error("internal error: fused kernel recorded before prepare()");
    const auto& kernel = found->second;
    if (frames.size() != extraFrames_.size()) throw Error("internal error: a fused kernel given the wrong number of frames");
    const uint32_t pixelCount = width * height;
    const VkDeviceSize sourceBytes = formats.sourceHalf ? 8 : 16;
    const VkDeviceSize destinationBytes = formats.destination != FrameKind::Rgba ? bytesPerPixel(formats.destination)
                                          : formats.destinationHalf                ? 8 : 16;
    const uint32_t chunkPixels = this->chunkPixels(pixelCount);
    for (uint32_t first = 0; first < pixelCount; first += chunkPixels) {
        const uint32_t count = std::min(chunkPixels, pixelCount - first);
        std::vector<Binding> bindings = {
            readsSource_ ? Binding{BindingKind::StorageBuffer, source, first * sourceBytes, count * sourceBytes}
                         : Binding{BindingKind::StorageBuffer, source},  // never read: any buffer will do
            {BindingKind::StorageBuffer, destination, first * destinationBytes, count * destinationBytes},
            {BindingKind::StorageBuffer, parameters_.handle()}};
        for (size_t f = 0; f < frames.size(); ++f) {
            const VkDeviceSize bytes = bytesPerPixel(extraFrames_[f]);
            bindings.push_back({BindingKind::StorageBuffer, frames[f], first * bytes, count * bytes});
        }
        for (const auto& lut : luts_) bindings.push_back({BindingKind::StorageBuffer, lut.handle()});

        const LinearGroups groups = linearGroups(gpu_, count, kGroupSize);
        const Push push{count, groups.rowPitch, first, width, height};
        kernel->record(cmd, bindings, &push, groups.x, groups.y);
    }
}

uint32_t FusedKernel::chunkPixels(uint32_t pixelCount) const {
    // A frame may be larger than one storage-buffer binding may span (lavapipe allows 128 MiB, just
    // over one UHD RGBA32F frame), so big frames are processed in chunks, each bound at an offset.
    // Chunks are a whole number of offset-alignment units in pixels, so every offset is aligned
    // whether the frame is float or half.
    const VkDeviceSize largestPixel = 16;
    const VkDeviceSize unit = std::max<VkDeviceSize>(gpu_.limits().minStorageBufferOffsetAlignment, 1);
    VkDeviceSize pixels = std::min<VkDeviceSize>(gpu_.limits().maxStorageBufferRange / largestPixel, pixelCount);
    if (pixels < pixelCount) pixels -= pixels % unit;
    return uint32_t(std::max<VkDeviceSize>(pixels, 1));
}

uint32_t FusedKernel::dispatchesFor(uint32_t pixelCount) const {
    const uint32_t chunk = chunkPixels(pixelCount);
    return std::max(1u, (pixelCount + chunk - 1) / chunk);
}

}  // namespace tinct
