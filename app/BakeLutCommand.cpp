// tinct bake-lut: the point operations of a grade (and CDLs, LUTs, colour conversions) as one 3D LUT.
#include <cstdio>

#include "app/ColorOptions.h"
#include "app/Commands.h"
#include "app/StepOptions.h"
#include "engine/Error.h"
#include "engine/graph/LutBaker.h"

namespace tinct {

namespace {

struct BakeLutOptions {
    std::string output, shaper = "auto";
    BakeOptions bake;
    StepOptions steps;
    ColorRequest color;
};

void run(const CLI::App& command, BakeLutOptions& o, CommandContext& context) {
    const ColorPlan color = planColor(o.color, [] { return std::optional<Chromaticities>(); });
    BakeOptions bake = o.bake;
    bake.shaper = o.shaper == "on" || (o.shaper == "auto" && color.inputEncoding == "scene-linear");
    const PointSteps steps = aroundGrade(color, o.steps.steps(command));
    writeBakedLut(o.output, bakeLut(context.gpu(), steps, bake), "Tinct bake");
    std::printf("wrote %s: %d^3%s, %zu step(s)\n", o.output.c_str(), bake.size,
                bake.shaper ? (", log shaper over 0.." + std::to_string(bake.shaperMax)).c_str() : "", steps.size());
}

}  // namespace

void addBakeLutCommand(CLI::App& app, CommandContext& context) {
    auto o = std::make_shared<BakeLutOptions>();
    CLI::App* command = app.add_subcommand("bake-lut", "Bake the point operations (grade, CDL, LUT, colour) into a 3D LUT");
    command->add_option("-o,--output", o->output, "LUT to write: .cube, .3dl, .clf or .spi3d")->required();
    command->add_option("--size", o->bake.size, "lattice points per axis (default 33)");
    command->add_option("--shaper", o->shaper, "log shaper for linear input: auto (when the input colour space is "
                                               "scene-linear), on, off")
        ->check(CLI::IsMember({"auto", "on", "off"}));
    command->add_option("--shaper-max", o->bake.shaperMax, "largest linear value the shaper covers (default 64)");
    command->add_flag("--ignore-spatial", o->bake.ignoreSpatial, "leave spatial nodes out instead of refusing the grade");
    o->steps.add(*command);
    addColorOptions(*command, o->color);
    command->callback([command, o, &context] { run(*command, *o, context); });
}

}  // namespace tinct
