// Writes film-like footage for the restoration benchmarks (bench/restore_vs_ffmpeg.sh): the clean
// frames and the same frames under seeded damage, as float EXR sequences, made by the generator the
// restoration tests use (tests/support/SyntheticFilm). DAMAGE: `dust` (blotches over 0.6% of pixels
// a frame), `flicker` (+-10% global, +-8% local, +-3% colour breathing, as the tests use) or
// `defects` (fixed-position dead, stuck and hot pixels and sensor dust, one site per 820 pixels) or
// `scratches` (three vertical line scratches, 1 to 3 pixels wide, 5% to 25% opaque, drifting; with
// them DIR/mask.png, white where any frame has scratch: the mask an inpainting filter is given).
// Usage: bench_film_footage DIR WIDTH HEIGHT FRAMES DAMAGE
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "engine/io/ExrWriter.h"
#include "engine/io/PngWriter.h"
#include "tests/support/SyntheticFilm.h"

int main(int argc, char** argv) {
    const std::string damage = argc == 6 ? argv[5] : "";
    if (damage != "dust" && damage != "flicker" && damage != "defects" && damage != "scratches" && damage != "grain" && damage != "weave") {
        std::fprintf(stderr, "usage: %s DIR WIDTH HEIGHT FRAMES dust|flicker|defects|scratches|grain|weave\n", argv[0]);
        return 2;
    }
    const std::string dir = argv[1];
    tinct::test::FilmSettings settings;
    settings.width = std::atoi(argv[2]), settings.height = std::atoi(argv[3]), settings.frames = std::atoi(argv[4]);
    settings.cut = settings.frames / 2 + 1;
    // Motion and object sizes scale with the picture, as they would on a scan of the same shot.
    const double scale = settings.width / 256.0;
    settings.panX *= scale, settings.panY *= scale, settings.objectX *= scale, settings.objectY *= scale;
    settings.fastSpeed *= scale;
    tinct::test::Film film = tinct::test::makeFilm(settings);
    if (damage == "dust") {
        // Blotches of 1 to about 36 pixels across, as the dust node expects them (max_size 40 by default).
        tinct::test::addBlotches(film, 0.006, std::clamp(int(8 * scale), 8, 18), 21);
    } else if (damage == "flicker") {
        tinct::test::addFlicker(film, 0.10, 0.08, 0.03, 5);
    } else if (damage == "weave") {
        tinct::test::addWeave(film, 1.5 * std::max(1.0, scale / 3.0), 23);  // +-1.5 pixels at 768x576, more above
    } else if (damage == "grain") {
        tinct::test::addGrain(film, 0.013, 17);  // about 38 dB, strongest in the mid-tones
    } else if (damage == "defects") {
        tinct::test::addFixedDefects(film, settings.width * settings.height / 820, 3);
    } else {
        tinct::test::addScratches(film, 3, 3);
        std::vector<uint8_t> mask(size_t(settings.width) * settings.height * 4, 0);
        for (const auto& [n, damage] : film.damage)
            for (size_t p = 0; p < damage.size(); ++p)
                if (damage[p] > 0) mask[p * 4] = mask[p * 4 + 1] = mask[p * 4 + 2] = 255;
        tinct::writePng(dir + "/mask.png", settings.width, settings.height, mask);
    }
    tinct::ExrWriteOptions float32;
    float32.pixelType = tinct::PixelType::Float;  // no half rounding in the quality comparison
    char name[64];
    for (const auto& [n, frame] : film.clean) {
        std::snprintf(name, sizeof name, "/clean.%04ld.exr", long(n));
        tinct::writeExr(dir + name, frame, float32);
        std::snprintf(name, sizeof name, "/damaged.%04ld.exr", long(n));
        tinct::writeExr(dir + name, film.damaged.at(n), float32);
    }
    return 0;
}
