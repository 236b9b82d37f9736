#include "engine/render/RepairLog.h"

#include "engine/kernel/FrameStep.h"

namespace tinct {

RepairLog::RepairLog(const StepNodes& nodes, std::map<int64_t, int> frameNumbers) : frameNumbers_(std::move(frameNumbers)) {
    for (const auto& [step, node] : nodes)
        if (const FrameStep* frame = step->frameStep(); frame && frame->repairs()) {
            nodeOf_[frame] = node;
            steps_.insert(frame);
        }
}

void RepairLog::add(const RepairTally& tally) {
    for (size_t i = 0; i < tally.entries().size(); ++i) {
        const auto& e = tally.entries()[i];
        if (!frameNumbers_.count(e.frame) || counts_.count({e.step, e.frame})) continue;
        counts_[{e.step, e.frame}] = tally.count(i);
    }
}

std::map<std::string, std::vector<FrameRepairs>> RepairLog::byNode() const {
    std::map<std::string, std::vector<FrameRepairs>> out;
    for (const auto& [step, node] : nodeOf_) out[node];  // a node that repaired nothing is said too
    for (const auto& [key, count] : counts_) out[nodeOf_.at(key.first)].push_back({frameNumbers_.at(key.second), count});
    for (auto& [node, frames] : out)
        std::sort(frames.begin(), frames.end(), [](const FrameRepairs& a, const FrameRepairs& b) { return a.frame < b.frame; });
    return out;
}

nlohmann::json RepairLog::toJson() const {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [node, frames] : byNode()) {
        nlohmann::json list = nlohmann::json::array();
        uint64_t repairs = 0, area = 0, repaired = 0;
        for (const auto& f : frames) {
            list.push_back({{"frame", f.frame}, {"repairs", f.count.repairs}, {"area", f.count.area}});
            repairs += f.count.repairs, area += f.count.area, repaired += f.count.repairs > 0;
        }
        out[node] = {{"frames", list}, {"repairs", repairs}, {"area", area}, {"frames_repaired", repaired}};
    }
    return out;
}

}  // namespace tinct
