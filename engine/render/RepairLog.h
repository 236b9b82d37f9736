#pragma once
// Repairs per node and frame of a job: gathered from the tallies of the frames as they come back
// (engine/graph/RepairTally), said per node in frame order (`render --stats`, `restore report`).
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/graph/GradeCompiler.h"
#include "engine/graph/RepairTally.h"

namespace tinct {

struct FrameRepairs {
    int frame = 0;  // the frame's number, as the job names it
    RepairCount count;
};

class RepairLog {
public:
    // Counts the repairs of the repairing frame steps among `nodes`; `frameNumbers` names the source frames
    // the job makes (context frames made on the way are not counted).
    RepairLog(const StepNodes& nodes, std::map<int64_t, int> frameNumbers);

    // The frame steps to count: a tally's.
    const std::set<const FrameStep*>& steps() const { return steps_; }
    bool empty() const { return steps_.empty(); }
    // The node (its id) a counted step belongs to.
    const std::string& nodeOf(const FrameStep* step) const { return nodeOf_.at(step); }
    // A completed recording's counts.
    void add(const RepairTally& tally);

    // Per node (by id), the frames in order.
    std::map<std::string, std::vector<FrameRepairs>> byNode() const;
    // {node: {"frames": [{"frame", "repairs", "area"}], "repairs", "area", "frames_repaired"}}:
    // area in pixels; the totals over the frames.
    nlohmann::json toJson() const;

private:
    std::map<const FrameStep*, std::string> nodeOf_;
    std::set<const FrameStep*> steps_;
    std::map<int64_t, int> frameNumbers_;
    std::map<std::pair<const FrameStep*, int64_t>, RepairCount> counts_;
};

}  // namespace tinct
