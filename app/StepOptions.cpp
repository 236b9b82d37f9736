#include "app/StepOptions.h"

#include <algorithm>
#include <filesystem>

#include "engine/Error.h"
#include "engine/color/LutFile.h"
#include "engine/graph/GradeCompiler.h"
#include "engine/nodes/CdlNode.h"

namespace tinct {

void StepOptions::add(CLI::App& command) {
    gradeOption_ = command.add_option("--grade", grades_, "grade file (JSON, docs/grade-format.md); repeatable, applied in order")
                       ->allow_extra_args(false);
    cdlOption_ = command.add_option("--cdl", cdls_, "ASC CDL file (.cc, .ccc, .cdl); repeatable, applied in order")
                     ->allow_extra_args(false);
    cdlIdOption_ = command.add_option("--cdl-id", cdlIds_,
                                      "correction id or index in the preceding --cdl collection (default: first)")
                       ->allow_extra_args(false);
    lutOption_ = command.add_option("--lut", luts_, "LUT file (.cube 1D or 3D); repeatable, applied in order")
                     ->allow_extra_args(false);
    command.add_option("--cdl-style", cdlStyle_, "CDL style: no-clamp (default) or asc (v1.2, clamps)")
        ->check(CLI::IsMember({"no-clamp", "asc"}));
    command.add_option("--lut-interp", lutInterp_, "3D LUT interpolation: tetrahedral (default) or trilinear")
        ->check(CLI::IsMember({"tetrahedral", "trilinear"}));
}

PointSteps StepOptions::steps(const CLI::App& command, StepNodes* nodes) const {
    enum class Kind { Cdl, Lut, Grade };
    struct Request {
        Kind kind;
        std::string path, id;
    };
    // parse_order lists every occurrence of every option in the order typed, which is the order
    // the steps apply in; an --cdl-id belongs to the --cdl before it.
    std::vector<Request> requests;
    size_t cdl = 0, cdlId = 0, lut = 0, grade = 0;
    for (const CLI::Option* option : command.parse_order()) {
        if (option == cdlOption_) {
            requests.push_back({Kind::Cdl, cdls_.at(cdl++), ""});
        } else if (option == lutOption_) {
            requests.push_back({Kind::Lut, luts_.at(lut++), ""});
        } else if (option == gradeOption_) {
            requests.push_back({Kind::Grade, grades_.at(grade++), ""});
        } else if (option == cdlIdOption_) {
            auto last = std::find_if(requests.rbegin(), requests.rend(), [](const Request& r) { return r.kind == Kind::Cdl; });
            if (last == requests.rend()) throw Error("--cdl-id " + cdlIds_.at(cdlId) + " must follow a --cdl");
            if (!last->id.empty())
                throw Error("--cdl-id " + cdlIds_.at(cdlId) + ": --cdl " + last->path + " already has --cdl-id " + last->id);
            last->id = cdlIds_.at(cdlId++);
        }
    }
    const CdlStyle style = parseCdlStyle(cdlStyle_);
    const LutInterpolation interp = parseLutInterpolation(lutInterp_);
    PointSteps steps;
    for (const auto& r : requests) {
        if (r.kind == Kind::Cdl) {
            steps.push_back(std::make_shared<CdlNode>(loadCdl(r.path, r.id), style, r.path));
        } else if (r.kind == Kind::Lut) {
            steps.push_back(loadLut(r.path, interp));
        } else {
            try {
                StepNodes made;
                const auto graded = compileGrade(loadGrade(r.path), std::filesystem::path(r.path).parent_path().string(), &made);
                steps.insert(steps.end(), graded.begin(), graded.end());
                if (nodes)
                    for (const auto& [step, node] : made) (*nodes)[step] = grades_.size() > 1 ? r.path + ":" + node : node;
            } catch (const Error& e) {
                const std::string message = e.what();
                throw Error(message.rfind("grade " + r.path, 0) == 0 ? message : "grade " + r.path + ": " + message);
            }
        }
    }
    return steps;
}

}  // namespace tinct
