#pragma once
// What the restoration tests share: a grade of one node, and a test-made film through it on the GPU,
// frame by frame as a render makes it (with the film's cut told to the source, or not).
#include <map>
#include <string>

#include "engine/gpu/GpuContext.h"
#include "engine/kernel/PointStep.h"
#include "tests/support/SyntheticFilm.h"

namespace tinct::test {

// A grade (JSON text) compiled as a render compiles it.
PointSteps compileGradeJson(const std::string& json);

// The error compiling the grade raises (what a user is told), or "" when it compiles.
std::string compileError(const std::string& json);

// {"tinct_grade": 2, "nodes": [{"id": ID, "type": TYPE, "params": PARAMS}]}
std::string singleNodeGrade(const std::string& type, const std::string& id, const std::string& params = "{}");

struct FilmRenderOptions {
    bool tellCuts = true;    // the source reports the film's cut, as an EDL or a sequence gap would
    bool backwards = false;  // frames made last to first
};

// Every frame of film.damaged through the grade.
std::map<int64_t, Frame> renderFilm(GpuContext& gpu, const std::string& gradeJson, const Film& film,
                                    FilmRenderOptions options = {});

}  // namespace tinct::test
