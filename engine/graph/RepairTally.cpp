#include "engine/graph/RepairTally.h"

#include <bit>
#include <numeric>

#include "engine/gpu/EmbeddedShaders.h"
#include "engine/gpu/GpuContext.h"

namespace tinct {

namespace {

struct PackPush {
    uint32_t width, height, wordsPerRow;
};

uint32_t wordsPerRow(uint32_t width) { return (width + 31) / 32; }

// Union-find over the runs of set bits.
struct Regions {
    std::vector<uint32_t> parent;
    uint32_t find(uint32_t a) {
        while (parent[a] != a) a = parent[a] = parent[parent[a]];
        return a;
    }
    bool join(uint32_t a, uint32_t b) {
        a = find(a), b = find(b);
        if (a == b) return false;
        parent[std::max(a, b)] = std::min(a, b);
        return true;
    }
};

struct Run {
    uint32_t first, last, id;
};

// The runs of set bits in one packed row.
void runsOf(const uint32_t* row, uint32_t width, std::vector<Run>& runs, Regions& regions) {
    runs.clear();
    const uint32_t words = wordsPerRow(width);
    bool open = false;
    for (uint32_t w = 0; w < words; ++w) {
        const uint32_t word = row[w];
        if (!open && word == 0) continue;
        if (open && word == ~0u) continue;
        for (uint32_t b = 0; b < 32; ++b) {
            const uint32_t x = w * 32 + b;
            if (x >= width) break;
            const bool set = (word >> b) & 1u;
            if (set && !open) {
                runs.push_back({x, x, uint32_t(regions.parent.size())});
                regions.parent.push_back(regions.parent.size());
                open = true;
            } else if (!set && open) {
                runs.back().last = x - 1;
                open = false;
            }
        }
    }
    if (open) runs.back().last = width - 1;
}

}  // namespace

RepairCount countRepairs(const uint32_t* bits, uint32_t width, uint32_t height) {
    RepairCount c;
    const uint32_t words = wordsPerRow(width);
    for (size_t i = 0; i < size_t(words) * height; ++i) c.area += uint64_t(std::popcount(bits[i]));
    if (c.area == 0) return c;
    Regions regions;
    std::vector<Run> above, here;
    uint64_t joins = 0;
    for (uint32_t y = 0; y < height; ++y) {
        runsOf(bits + size_t(y) * words, width, here, regions);
        // Runs touch, diagonals included, when they overlap once widened by a pixel.
        size_t a = 0;
        for (const Run& r : here) {
            while (a < above.size() && above[a].last + 1 < r.first) ++a;
            for (size_t k = a; k < above.size() && above[k].first <= r.last + 1; ++k)
                if (regions.join(r.id, above[k].id)) ++joins;
        }
        std::swap(above, here);
    }
    c.repairs = uint32_t(regions.parent.size() - joins);
    return c;
}

RepairTally::RepairTally(GpuContext& gpu, std::set<const FrameStep*> steps)
    : pack_(gpu, shaders::spirv("repair_bits"), {BindingKind::StorageBuffer, BindingKind::StorageBuffer}, sizeof(PackPush),
            "repair_bits"),
      gpu_(gpu), steps_(std::move(steps)) {}

void RepairTally::record(VkCommandBuffer cmd, const FrameStep* step, int64_t frame, VkBuffer matte, uint32_t width,
                         uint32_t height) {
    const size_t i = entries_.size();
    const size_t bytes = size_t(wordsPerRow(width)) * height * sizeof(uint32_t);
    if (buffers_.size() <= i) buffers_.emplace_back();
    if (buffers_[i].size() < bytes) buffers_[i] = ReadbackBuffer(gpu_, bytes);
    entries_.push_back({step, frame, width, height});
    const PackPush push{width, height, wordsPerRow(width)};
    const Binding bindings[] = {{BindingKind::StorageBuffer, matte}, {BindingKind::StorageBuffer, buffers_[i].target()}};
    pack_.record(cmd, bindings, &push, (push.wordsPerRow + 63) / 64, height);
    buffers_[i].recordReadback(cmd);
}

const uint32_t* RepairTally::bits(size_t entry) const { return static_cast<const uint32_t*>(buffers_.at(entry).host()); }

RepairCount RepairTally::count(size_t entry) const {
    const Entry& e = entries_.at(entry);
    return countRepairs(bits(entry), e.width, e.height);
}

}  // namespace tinct
