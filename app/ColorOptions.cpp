#include "app/ColorOptions.h"

namespace tinct {

void addColorOptions(CLI::App& command, ColorRequest& request) {
    command.add_option("--config", request.config,
                       "OCIO config (default: the OCIO environment variable, else Tinct's luts/config.ocio)");
    command.add_option("--input-colorspace", request.input,
                       "colour space of the source, or auto (EXR chromaticities); default auto when converting");
    command.add_option("--working-colorspace", request.working,
                       "colour space the grade runs in (default: the config's color_timing role)");
    command.add_option("--output-colorspace", request.output, "colour space to write (default: the input's)");
    command.add_option("--display", request.display, "display to write for (with --view)");
    command.add_option("--view", request.view, "view of the display (default: the display's first)");
    command.add_option("--look", request.looks, "OCIO look applied after the grade; repeatable")->allow_extra_args(false);
}

}  // namespace tinct
