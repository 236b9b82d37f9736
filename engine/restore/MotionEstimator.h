#pragma once
// The motion service every restoration node uses (DESIGN.md, Restoration): hierarchical block
// matching on the GPU over a luma proxy of each frame. A pyramid of luma halves the frame each level
// down to about 32 to 64 pixels; the coarsest level searches widely, each finer level starts from the
// coarser vectors (scaled up) and searches near them, a smoothness pass per level lets isolated
// vectors that only fit the noise give way to their neighbours', and the finest level refines to a
// quarter pixel. Blocks are 8 pixels square every 4 pixels (overlapping by half), at every level.
// A field holds per block (dx, dy, match error, consistency miss): the vector from a pixel of the
// current frame to where it is in the other frame, the mean truncated difference the match leaves,
// and, where the field from the other frame back was given, how far following one then the other
// misses the start (an occlusion or a wrong vector misses by pixels, a true match by a fraction).
// Compensation samples a frame along a field, giving that frame as seen from the current one.
//
// Everything is recorded into the caller's command buffer with barriers between dependent
// dispatches; the caller puts a barrier before reading what a call wrote.
#include <vulkan/vulkan.h>

#include <cstdint>
#include <vector>

#include "engine/gpu/ComputeKernel.h"
#include "engine/gpu/GpuBuffer.h"

namespace tinct {

class GpuContext;

struct MotionSettings {
    float lambda = 0.004f;       // smoothness: cost per pixel of departure, in luma units
    float truncation = 0.08f;    // per-pixel differences count at most this much (blotches are outliers)
    int coarseRadius = 4;        // search at the coarsest level, its pixels (x 2^levels at full size)
    int fineRadius = 1;          // search around the candidates at every finer level
    bool matchLevels = false;    // compare blocks with their means equalised (footage that flickers)
};

class MotionEstimator {
public:
    MotionEstimator(GpuContext& gpu, MotionSettings settings = {});

    // Sizes pyramids for `frames` frames of width x height and the scratch fields. Outside recording.
    void prepare(uint32_t width, uint32_t height, uint32_t frames);

    uint32_t width() const { return width_; }
    uint32_t height() const { return height_; }
    uint32_t blocksX(size_t level = 0) const;
    uint32_t blocksY(size_t level = 0) const;
    size_t fieldBytes(size_t level = 0) const { return size_t(blocksX(level)) * blocksY(level) * 16; }
    size_t levels() const { return levelW_.size(); }
    // The coarsest level whose blocks (8 of its pixels) are at most `pixels` of the full frame wide:
    // a consumer that needs motion per region rather than per pixel stops there.
    size_t levelForBlock(uint32_t pixels) const;

    // Frame `slot`'s luma pyramid from an RGBA32F frame.
    void recordPyramid(VkCommandBuffer cmd, VkBuffer rgba, size_t slot) const;
    // The field from frame slot `from` to slot `to` into `field` (fieldBytes(last)), consistency
    // miss 0. It stops at level `last` (refined to a quarter of its pixels there), whose grid and
    // pixels its blocks and vectors are in.
    void recordField(VkCommandBuffer cmd, size_t from, size_t to, VkBuffer field, size_t last = 0) const;
    // `forward` with its consistency miss against `backward` (the field the other way) into `checked`;
    // without `backward` (VK_NULL_HANDLE) a copy with miss 0.
    void recordCheck(VkCommandBuffer cmd, VkBuffer forward, VkBuffer backward, VkBuffer checked) const;
    // `rgba` (the other frame) brought onto the current one along `field`, into `warped` (RGBA32F)
    // and `aux` (per pixel: match error, consistency miss; 8 bytes).
    void recordWarp(VkCommandBuffer cmd, VkBuffer rgba, VkBuffer field, VkBuffer warped, VkBuffer aux) const;

    // Measures frame `slot`'s spread of values into `factor` (one float, shaders/signal_spread.comp:
    // 1 for display-referred pictures and log scans, down to 0.2 for flat encodings such as ACEScct)
    // and divides every slot's pyramid by it (in place, a barrier after): motion then matches a flat
    // encoding of a picture as it matches the picture, its costs being in luma units. Consumers
    // divide their own luma by `factor` to see what the motion saw.
    void recordNormalise(VkCommandBuffer cmd, size_t slot, VkBuffer factor) const;
    // Frame `slot`'s luma at `level` (4 bytes a pixel; level 0 is the full size).
    VkBuffer luma(size_t slot, size_t level = 0) const { return pyramids_[slot][level].handle(); }
    uint32_t levelWidth(size_t level) const { return levelW_[level]; }
    uint32_t levelHeight(size_t level) const { return levelH_[level]; }
    // The finest level at most `pixels` wide (the coarsest where none is).
    size_t levelAtMost(uint32_t pixels) const;

private:
    GpuContext& gpu_;
    MotionSettings settings_;
    ComputeKernel luma_, halve_, search_, smooth_, check_, warp_, spread_, scale_;
    uint32_t width_ = 0, height_ = 0;
    std::vector<uint32_t> levelW_, levelH_;
    std::vector<std::vector<GpuBuffer>> pyramids_;  // [slot][level]
    std::vector<GpuBuffer> searched_, smoothed_;    // per level: the search's field, then the smoothed one
};

}  // namespace tinct
