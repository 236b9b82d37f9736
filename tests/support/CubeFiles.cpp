#include "tests/support/CubeFiles.h"

#include <cmath>
#include <cstdio>
#include <fstream>

namespace tinct::test {

namespace {

// A film-like look: a soft S-curve per channel plus cross-talk between channels.
void look(double r, double g, double b, double out[3]) {
    const double in[3] = {r, g, b};
    for (int c = 0; c < 3; ++c) {
        double v = 0.85 * in[c] + 0.1 * in[(c + 1) % 3] + 0.05 * in[(c + 2) % 3];
        out[c] = v * v * (3.0 - 2.0 * v) * 0.9 + 0.05 * std::sin(3.0 * v + c);
    }
}

}  // namespace

void writeCube3d(const std::string& path, int size, const std::string& header) {
    std::ofstream f(path);
    f << "TITLE \"tinct test look\"\n" << header << "LUT_3D_SIZE " << size << "\n";
    char line[128];
    for (int b = 0; b < size; ++b)
        for (int g = 0; g < size; ++g)
            for (int r = 0; r < size; ++r) {  // red changes fastest in .cube
                double out[3];
                look(r / double(size - 1), g / double(size - 1), b / double(size - 1), out);
                std::snprintf(line, sizeof line, "%.7f %.7f %.7f\n", out[0], out[1], out[2]);
                f << line;
            }
}

void writeCube1d(const std::string& path, int size, const std::string& header) {
    std::ofstream f(path);
    f << header << "LUT_1D_SIZE " << size << "\n";
    char line[128];
    for (int i = 0; i < size; ++i) {
        const double x = i / double(size - 1);
        std::snprintf(line, sizeof line, "%.7f %.7f %.7f\n", std::pow(x, 0.8), std::pow(x, 1.1), x * x);
        f << line;
    }
}

}  // namespace tinct::test
