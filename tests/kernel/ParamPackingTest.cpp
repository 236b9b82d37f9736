// Parameters packed as their declarations say: the positions worked out by hand here for a
// declaration list of every packable type, and the GLSL that reads them back.
#include <gtest/gtest.h>

#include "engine/Error.h"
#include "engine/kernel/ParamPacking.h"

using namespace tinct;

namespace {

std::vector<ParamDecl> decls() {
    return {
        {"gain", ParamType::Number, 0, 10, {2}, "slider", {}, ""},
        {"tint", ParamType::Rgb, 0, 10, {0.1, 0.2, 0.3, 0}, "wheel", {}, ""},
        {"on", ParamType::Flag, 0, 1, {1}, "checkbox", {}, ""},
        {"mode", ParamType::Choice, 0, 0, {}, "menu", {"a", "b", "c"}, ""},
        {"lift", ParamType::Rgbm, -1, 1, {0.5, 0.6, 0.7, 0.8}, "wheel", {}, ""},
        {"shape", ParamType::Polygon, -1, 2, {0.25, 0.75, 0.25, 0.75}, "polygon", {}, ""},
        {"unused", ParamType::Number, 0, 1, {0.9}, "slider", {}, ""},
    };
}

TEST(ParamPacking, ScalarsFillVec4sInOrderVectorsTakeTheirOwnAndPolygonsFollow) {
    NodeParams values = defaultParams(decls());
    values.set("mode", std::string("c"));
    values.set("shape", CurvePoints{{0.1, 0.2}, {0.3, 0.4}, {0.5, 0.6}});
    // In the order asked: gain in vec4 0; tint vec4 1; on and mode (c = 2) share vec4 2; lift vec4 3;
    // the polygon's vertex count vec4 4, then its 4 vertices (padded with the last) vec4s 5-8.
    // "unused" is not asked for.
    const ParamPacking packing(decls(), {"gain", "tint", "on", "mode", "lift", "shape"}, 4);
    EXPECT_EQ(packing.vec4Count(), 9u);
    const std::vector<float> p = packing.pack(values);
    const std::vector<float> expected = {2,    0,    0,    0,    0.1f, 0.2f, 0.3f, 0, 1,    2,    0, 0,
                                         0.5f, 0.6f, 0.7f, 0.8f, 3,    0,    0,    0, 0.1f, 0.2f, 0, 0,
                                         0.3f, 0.4f, 0,    0,    0.5f, 0.6f, 0,    0, 0.5f, 0.6f, 0, 0};
    EXPECT_EQ(p, expected);
    // Read from params[10 ...]: in the order asked, each as its type.
    EXPECT_EQ(packing.arguments(10), "params[10].x, params[11].rgb, (params[12].x != 0.0), int(params[12].y), params[13], "
                                     "int(params[14].x), 15u");
}

TEST(ParamPacking, WhatCannotBePackedIsRefused) {
    std::vector<ParamDecl> d = decls();
    d.push_back({"curve", ParamType::Points, 0, 1, {0, 1, 0, 1}, "curve", {}, ""});
    EXPECT_THROW(ParamPacking(d, {"curve"}), Error);
    EXPECT_THROW(ParamPacking(d, {"nothing"}), Error);
    NodeParams values = defaultParams(d);
    values.set("shape", CurvePoints(5, {0.5, 0.5}));
    EXPECT_THROW(ParamPacking(d, {"shape"}, 4).pack(values), Error);  // more vertices than room
}

}  // namespace
