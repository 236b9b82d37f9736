#include "tests/support/LutConfig.h"

#include <cmath>
#include <fstream>

namespace tinct::test {

std::string writeClampingLutConfig(const TempDir& dir) {
    {
        std::ofstream lut(dir.file("lutlog.spi1d"));
        constexpr int kLength = 4096;
        lut << "Version 1\nFrom 0.0 1.0\nLength " << kLength << "\nComponents 1\n{\n";
        for (int i = 0; i < kLength; ++i) lut << 0.18 * std::pow(2.0, -10.0 + 16.0 * i / (kLength - 1)) << "\n";
        lut << "}\n";
    }
    {
        // A look as a 3D LUT on display code values: a gentle S-curve and a warm cross-talk.
        std::ofstream cube(dir.file("look.cube"));
        constexpr int kSize = 17;
        cube << "LUT_3D_SIZE " << kSize << "\n";
        auto s = [](double v) { return v * v * (3 - 2 * v); };
        for (int b = 0; b < kSize; ++b)
            for (int g = 0; g < kSize; ++g)
                for (int r = 0; r < kSize; ++r) {
                    const double R = r / double(kSize - 1), G = g / double(kSize - 1), B = b / double(kSize - 1);
                    cube << 0.5 * (R + s(R)) << " " << 0.9 * (0.5 * (G + s(G))) + 0.1 * R << " " << 0.5 * (B + s(B)) << "\n";
                }
    }
    std::ofstream yaml(dir.file("config.ocio"));
    yaml << R"(ocio_profile_version: 2
search_path: "."
roles:
  default: linear
  scene_linear: linear
  color_timing: lutlog
displays:
  sRGB:
    - !<View> {name: Standard, colorspace: srgb_display}
    - !<View> {name: Look, colorspace: look_display}
    - !<View> {name: Raw, colorspace: raw}
active_displays: []
active_views: []
colorspaces:
  - !<ColorSpace>
    name: linear
    encoding: scene-linear
  - !<ColorSpace>
    name: lutlog
    encoding: log
    to_scene_reference: !<FileTransform> {src: lutlog.spi1d, interpolation: linear}
  - !<ColorSpace>
    name: srgb_display
    from_scene_reference: !<ExponentWithLinearTransform> {gamma: 2.4, offset: 0.055, direction: inverse}
  - !<ColorSpace>
    name: look_display
    from_scene_reference: !<GroupTransform>
      children:
        - !<ExponentWithLinearTransform> {gamma: 2.4, offset: 0.055, direction: inverse}
        - !<FileTransform> {src: look.cube, interpolation: linear}
  - !<ColorSpace>
    name: raw
    isdata: true
)";
    return dir.file("config.ocio");
}

}  // namespace tinct::test
