#include "tests/support/FilmRender.h"

#include <nlohmann/json.hpp>

#include "engine/Error.h"
#include "engine/graph/Evaluator.h"
#include "engine/graph/FrameRunner.h"
#include "engine/graph/GradeCompiler.h"
#include "tests/support/MemorySource.h"

namespace tinct::test {

PointSteps compileGradeJson(const std::string& json) {
    return compileGrade(gradeFromJson(nlohmann::json::parse(json), "test"), "");
}

std::string compileError(const std::string& json) {
    try {
        compileGradeJson(json);
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

std::string singleNodeGrade(const std::string& type, const std::string& id, const std::string& params) {
    return R"({"tinct_grade": 2, "nodes": [{"id": ")" + id + R"(", "type": ")" + type + R"(", "params": )" + params + "}]}";
}

std::map<int64_t, Frame> renderFilm(GpuContext& gpu, const std::string& gradeJson, const Film& film,
                                    FilmRenderOptions options) {
    MemorySource source(film.damaged);
    if (options.tellCuts && film.settings.cut >= 0) source.setCuts({film.settings.cut});
    Evaluator evaluator(gpu, compileGradeJson(gradeJson), source);
    FrameRunner runner(gpu, evaluator, source);
    std::map<int64_t, Frame> out;
    for (int i = 0; i < film.settings.frames; ++i) {
        const int64_t n = options.backwards ? film.settings.frames - 1 - i : i;
        out[n] = runner.run(n);
    }
    return out;
}

}  // namespace tinct::test
