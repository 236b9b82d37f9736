#include "engine/graph/GradeCompiler.h"

#include <algorithm>
#include <map>
#include <set>

#include "engine/Error.h"
#include "engine/kernel/GraphSteps.h"
#include "engine/kernel/PixelProgram.h"
#include "engine/kernel/NodeRegistry.h"

namespace tinct {

namespace {

class GraphBuilder {
public:
    GraphBuilder(const Grade& grade, std::string baseDirectory, StepNodes* nodes)
        : grade_(grade), baseDirectory_(std::move(baseDirectory)), nodes_(nodes) {}

    PixelProgram build() {
        for (const GradeNode* node : grade_.order()) {
            position_[node->id] = position_.size();
            add(*node);
        }
        if (const GradeNode* out = grade_.outputNode()) program_.output = value_.at(out->id);
        return std::move(program_);
    }

private:
    struct Layered {
        uint32_t graded;
        int key = -1;  // -1: the node applies everywhere
    };

    uint32_t valueOf(const std::string& input) const { return input == kSourceInput ? 0 : value_.at(input); }

    std::shared_ptr<const PointStep> makeStep(const GradeNode& node, const NodeType& type) const {
        try {
            auto step = type.makeStep(node.params, {baseDirectory_, node.inputs.size()});
            if (nodes_) (*nodes_)[step.get()] = node.id;
            return step;
        } catch (const Error& e) {
            throw Error("node '" + node.id + "' (" + node.type + "): " + e.what());
        }
    }

    void add(const GradeNode& node) {
        const NodeType& type = *findNodeType(node.type);
        std::vector<uint32_t> in;
        std::set<std::string> ancestors = {node.id};
        for (const auto& input : node.inputs) {
            in.push_back(valueOf(input));
            const auto& a = ancestorsOf(input);
            ancestors.insert(a.begin(), a.end());
        }
        ancestors_[node.id] = std::move(ancestors);
        if (type.kind == NodeKind::Matte) return addMatte(node, type, in);

        if (node.bypass || node.opacity == 0.0) {  // passes its (first) input on
            value_[node.id] = in.front();
            layered_[node.id] = {in.front()};
            return;
        }
        std::vector<uint32_t> args = in;
        if (type.kind == NodeKind::Mixer) args = mixerArgs(node, type, in);
        const uint32_t graded = program_.append(makeStep(node, type), args);
        if (node.opacity >= 1.0 && node.matte.empty()) {
            value_[node.id] = graded;
            layered_[node.id] = {graded};
            return;
        }
        const bool withMatte = !node.matte.empty();
        const uint32_t key = program_.append(keyStep(node.opacity, withMatte),
                                             withMatte ? std::vector<uint32_t>{matteOf(node.matte)} : std::vector<uint32_t>{});
        value_[node.id] = program_.append(keyMixStep(), {in.front(), graded, key});
        layered_[node.id] = {graded, int(key)};
    }

    // The matte node `id` made, or the repair matte of a repairing node (made when first taken).
    uint32_t matteOf(const std::string& id) {
        if (const auto m = matte_.find(id); m != matte_.end()) return m->second;
        const GradeNode& node = *grade_.find(id);
        const NodeType& type = *findNodeType(node.type);
        if (node.bypass) return matte_[id] = program_.append(fullMatteStep(), {});
        std::vector<uint32_t> in;
        for (const auto& input : node.inputs) in.push_back(valueOf(input));
        try {
            return matte_[id] = program_.append(type.makeMatteStep(node.params, {baseDirectory_, node.inputs.size()}), in);
        } catch (const Error& e) {
            throw Error("node '" + node.id + "' (" + node.type + "): " + e.what());
        }
    }

    void addMatte(const GradeNode& node, const NodeType& type, const std::vector<uint32_t>& in) {
        const bool other = !node.matte.empty();
        uint32_t matte;
        if (node.bypass) {  // limits nothing: the matte it combines with, or everything
            matte = other ? matteOf(node.matte) : program_.append(fullMatteStep(), {});
        } else {
            const uint32_t raw = program_.append(makeStep(node, type), in);
            const auto& combine = matteCombineNames();
            const auto mode = std::find(combine.begin(), combine.end(), node.params.text("combine")) - combine.begin();
            matte = program_.append(matteFinishStep(node.params.flag("invert"), node.opacity, other, MatteCombine(mode)),
                                    other ? std::vector<uint32_t>{raw, matteOf(node.matte)} : std::vector<uint32_t>{raw});
        }
        matte_[node.id] = matte;
        value_[node.id] = program_.append(matteImageStep(), {matte});
        layered_[node.id] = {value_[node.id]};
    }

    std::vector<uint32_t> mixerArgs(const GradeNode& node, const NodeType& type, const std::vector<uint32_t>& in) {
        switch (type.mixerWiring(node.params)) {
            case MixerWiring::Values: return in;
            case MixerWiring::CommonAndValues: {
                std::vector<uint32_t> args = {valueOf(commonInput(node))};
                args.insert(args.end(), in.begin(), in.end());
                return args;
            }
            case MixerWiring::BottomAndKeyedLayers: {
                std::vector<uint32_t> args = {in.front()};
                for (size_t i = 1; i < node.inputs.size(); ++i) {
                    const Layered l = node.inputs[i] == kSourceInput ? Layered{0} : layered_.at(node.inputs[i]);
                    args.push_back(l.graded);
                    args.push_back(l.key >= 0 ? uint32_t(l.key) : fullKey());
                }
                return args;
            }
        }
        return in;
    }

    // The latest node (or the source) that every input of `node` descends from: where its parallel
    // branches split.
    std::string commonInput(const GradeNode& node) {
        std::set<std::string> common = ancestorsOf(node.inputs.front());
        for (const auto& input : node.inputs) {
            const auto& a = ancestorsOf(input);
            std::erase_if(common, [&](const std::string& id) { return !a.count(id); });
        }
        std::string latest = kSourceInput;
        for (const auto& id : common)
            if (id != kSourceInput && (latest == kSourceInput || position_.at(id) > position_.at(latest))) latest = id;
        return latest;
    }

    const std::set<std::string>& ancestorsOf(const std::string& id) {
        static const std::set<std::string> source = {kSourceInput};
        return id == kSourceInput ? source : ancestors_.at(id);
    }

    uint32_t fullKey() {
        if (fullKey_ < 0) fullKey_ = int(program_.append(keyStep(1.0, false), {}));
        return uint32_t(fullKey_);
    }

    const Grade& grade_;
    std::string baseDirectory_;
    StepNodes* nodes_;
    PixelProgram program_;
    std::map<std::string, uint32_t> value_, matte_;
    std::map<std::string, Layered> layered_;
    std::map<std::string, std::set<std::string>> ancestors_;  // each node, its inputs', theirs, ... (images, not mattes)
    std::map<std::string, size_t> position_;                  // in the order nodes are added
    int fullKey_ = -1;
};

bool isSerial(const PixelProgram& p) {
    for (uint32_t i = 1; i < p.instrs.size(); ++i)
        if (p.instrs[i].args != std::vector<uint32_t>{i - 1}) return false;
    return p.output == p.instrs.size() - 1;
}

}  // namespace

PointSteps compileGrade(const Grade& grade, const std::string& baseDirectory, StepNodes* nodes) {
    PixelProgram program = GraphBuilder(grade, baseDirectory, nodes).build();
    if (isSerial(program)) return program.steps();
    return {graphStep(std::move(program), "grade of " + std::to_string(grade.order().size()) + " node(s)")};
}

}  // namespace tinct
