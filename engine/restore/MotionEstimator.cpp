#include "engine/restore/MotionEstimator.h"

#include <algorithm>

#include "engine/gpu/EmbeddedShaders.h"
#include "engine/gpu/GpuContext.h"
#include "engine/restore/StorageBindings.h"

namespace tinct {

namespace {

constexpr uint32_t kStride = 4;          // motion_block.glsl: MOTION_STRIDE
constexpr uint32_t kSmallestLevel = 32;  // pixels across the coarsest level at least
constexpr size_t kMaxLevels = 5;
// A display-referred picture's luma deviates from its mean by about 0.07 or more on average; the
// spread is measured on the level nearest 256 pixels wide, so it means the same at any size.
constexpr float kReferenceSpread = 0.07f, kLeastSpreadFactor = 0.2f;
constexpr uint32_t kSpreadLevelWidth = 384;

struct LinearPush {
    uint32_t pixelCount, rowPitch;
};
struct SpreadPush {
    uint32_t pixelCount;
    float reference, least;
};
struct HalvePush {
    int32_t srcW, srcH, dstW, dstH;
};
struct SearchPush {
    int32_t width, height, blocksX, blocksY, coarseX, coarseY, radius, subpixel;
    float lambda, truncation;
    int32_t matchLevels;
};
struct SmoothPush {
    int32_t width, height, blocksX, blocksY;
    float lambda, truncation;
    int32_t matchLevels;
};
struct CheckPush {
    int32_t blocksX, blocksY, hasBackward;
};
struct WarpPush {
    int32_t width, height, blocksX, blocksY;
};

uint32_t groups(uint32_t n, uint32_t size) { return (n + size - 1) / size; }

}  // namespace

MotionEstimator::MotionEstimator(GpuContext& gpu, MotionSettings settings)
    : gpu_(gpu), settings_(settings),
      luma_(gpu, shaders::spirv("restore_luma"), storageLayout(2), sizeof(LinearPush), "restore_luma"),
      halve_(gpu, shaders::spirv("restore_halve"), storageLayout(2), sizeof(HalvePush), "restore_halve"),
      search_(gpu, shaders::spirv("motion_search"), storageLayout(4), sizeof(SearchPush), "motion_search"),
      smooth_(gpu, shaders::spirv("motion_smooth"), storageLayout(4), sizeof(SmoothPush), "motion_smooth"),
      check_(gpu, shaders::spirv("motion_check"), storageLayout(3), sizeof(CheckPush), "motion_check"),
      warp_(gpu, shaders::spirv("motion_warp"), storageLayout(4), sizeof(WarpPush), "motion_warp"),
      spread_(gpu, shaders::spirv("signal_spread"), storageLayout(2), sizeof(SpreadPush), "signal_spread"),
      scale_(gpu, shaders::spirv("luma_scale"), storageLayout(2), sizeof(LinearPush), "luma_scale") {}

uint32_t MotionEstimator::blocksX(size_t level) const { return groups(levelW_[level], kStride); }
uint32_t MotionEstimator::blocksY(size_t level) const { return groups(levelH_[level], kStride); }

size_t MotionEstimator::levelForBlock(uint32_t pixels) const {
    size_t level = 0;
    while (level + 1 < levelW_.size() && (2u * kStride) << (level + 1) <= pixels) ++level;
    return level;
}

size_t MotionEstimator::levelAtMost(uint32_t pixels) const {
    size_t level = 0;
    while (level + 1 < levelW_.size() && levelW_[level] > pixels) ++level;
    return level;
}

void MotionEstimator::prepare(uint32_t width, uint32_t height, uint32_t frames) {
    if (width == width_ && height == height_ && pyramids_.size() == frames) return;
    width_ = width, height_ = height;
    levelW_ = {width}, levelH_ = {height};
    while (levelW_.size() < kMaxLevels && std::min(levelW_.back(), levelH_.back()) >= 2 * kSmallestLevel) {
        levelW_.push_back((levelW_.back() + 1) / 2);
        levelH_.push_back((levelH_.back() + 1) / 2);
    }
    pyramids_.clear();
    for (uint32_t f = 0; f < frames; ++f) {
        std::vector<GpuBuffer> levels;
        for (size_t l = 0; l < levelW_.size(); ++l)
            levels.emplace_back(gpu_, size_t(levelW_[l]) * levelH_[l] * 4, BufferUse::Device);
        pyramids_.push_back(std::move(levels));
    }
    searched_.clear(), smoothed_.clear();
    for (size_t l = 0; l < levelW_.size(); ++l) {
        const size_t bytes = size_t(blocksX(l)) * blocksY(l) * 16;
        searched_.emplace_back(gpu_, bytes, BufferUse::Device);
        smoothed_.emplace_back(gpu_, bytes, BufferUse::Device);
    }
}

void MotionEstimator::recordPyramid(VkCommandBuffer cmd, VkBuffer rgba, size_t slot) const {
    const auto& levels = pyramids_.at(slot);
    const uint32_t pixels = width_ * height_;
    const LinearGroups g = linearGroups(gpu_, pixels, 256);
    const LinearPush push{pixels, g.rowPitch};
    const Binding b[] = {storageBinding(rgba), storageBinding(levels[0].handle())};
    luma_.record(cmd, b, &push, g.x, g.y);
    for (size_t l = 1; l < levels.size(); ++l) {
        computeBarrier(cmd);
        const HalvePush h{int32_t(levelW_[l - 1]), int32_t(levelH_[l - 1]), int32_t(levelW_[l]), int32_t(levelH_[l])};
        const Binding hb[] = {storageBinding(levels[l - 1].handle()), storageBinding(levels[l].handle())};
        halve_.record(cmd, hb, &h, groups(levelW_[l], 16), groups(levelH_[l], 16));
    }
}

void MotionEstimator::recordNormalise(VkCommandBuffer cmd, size_t slot, VkBuffer factor) const {
    const size_t level = levelAtMost(kSpreadLevelWidth);
    const SpreadPush sp{levelW_[level] * levelH_[level], kReferenceSpread, kLeastSpreadFactor};
    const Binding sb[] = {storageBinding(pyramids_.at(slot)[level].handle()), storageBinding(factor)};
    spread_.record(cmd, sb, &sp, 1, 1);
    computeBarrier(cmd);
    for (const auto& levels : pyramids_)
        for (size_t l = 0; l < levels.size(); ++l) {
            const uint32_t pixels = levelW_[l] * levelH_[l];
            const LinearGroups g = linearGroups(gpu_, pixels, 256);
            const LinearPush push{pixels, g.rowPitch};
            const Binding b[] = {storageBinding(levels[l].handle()), storageBinding(factor)};
            scale_.record(cmd, b, &push, g.x, g.y);
        }
    computeBarrier(cmd);
}

void MotionEstimator::recordField(VkCommandBuffer cmd, size_t from, size_t to, VkBuffer field, size_t last) const {
    const auto& cur = pyramids_.at(from);
    const auto& ref = pyramids_.at(to);
    for (size_t l = levelW_.size(); l-- > last;) {
        const bool coarsest = l + 1 == levelW_.size(), finest = l == last;
        const int32_t w = int32_t(levelW_[l]), h = int32_t(levelH_[l]);
        const int32_t bx = int32_t(blocksX(l)), by = int32_t(blocksY(l));
        const SearchPush s{w, h, bx, by,
                           coarsest ? 0 : int32_t(blocksX(l + 1)), coarsest ? 0 : int32_t(blocksY(l + 1)),
                           coarsest ? settings_.coarseRadius : settings_.fineRadius, finest ? 1 : 0,
                           settings_.lambda, settings_.truncation, settings_.matchLevels ? 1 : 0};
        // The coarsest level reads no coarser field; its binding is any valid buffer.
        const VkBuffer coarser = coarsest ? smoothed_[l].handle() : smoothed_[l + 1].handle();
        const Binding sb[] = {storageBinding(cur[l].handle()), storageBinding(ref[l].handle()), storageBinding(coarser), storageBinding(searched_[l].handle())};
        search_.record(cmd, sb, &s, groups(uint32_t(bx), 8), groups(uint32_t(by), 8));
        computeBarrier(cmd);
        const SmoothPush m{w, h, bx, by, settings_.lambda, settings_.truncation, settings_.matchLevels ? 1 : 0};
        const Binding mb[] = {storageBinding(cur[l].handle()), storageBinding(ref[l].handle()), storageBinding(searched_[l].handle()),
                              storageBinding(finest ? field : smoothed_[l].handle())};
        smooth_.record(cmd, mb, &m, groups(uint32_t(bx), 8), groups(uint32_t(by), 8));
        if (!finest) computeBarrier(cmd);
    }
}

void MotionEstimator::recordCheck(VkCommandBuffer cmd, VkBuffer forward, VkBuffer backward, VkBuffer checked) const {
    const CheckPush push{int32_t(blocksX()), int32_t(blocksY()), backward != VK_NULL_HANDLE ? 1 : 0};
    const Binding b[] = {storageBinding(forward), storageBinding(backward != VK_NULL_HANDLE ? backward : forward), storageBinding(checked)};
    check_.record(cmd, b, &push, groups(blocksX() * blocksY(), 64), 1);
}

void MotionEstimator::recordWarp(VkCommandBuffer cmd, VkBuffer rgba, VkBuffer field, VkBuffer warped, VkBuffer aux) const {
    const WarpPush push{int32_t(width_), int32_t(height_), int32_t(blocksX()), int32_t(blocksY())};
    const Binding b[] = {storageBinding(rgba), storageBinding(field), storageBinding(warped), storageBinding(aux)};
    warp_.record(cmd, b, &push, groups(width_, 16), groups(height_, 16));
}

}  // namespace tinct
