// Writes film-like footage for the dust benchmark (bench/dust_vs_ffmpeg.sh): the clean frames and the
// same frames under seeded blotches (0.6% of pixels a frame), as float EXR sequences, made by the
// generator the restoration tests use (tests/support/SyntheticFilm).
// Usage: bench_dust_footage DIR WIDTH HEIGHT FRAMES
#include <cstdio>
#include <algorithm>
#include <cstdlib>
#include <string>

#include "engine/io/ExrWriter.h"
#include "tests/support/SyntheticFilm.h"

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: %s DIR WIDTH HEIGHT FRAMES\n", argv[0]);
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
    // Blotches of 1 to about 36 pixels across, as the dust node expects them (max_size 40 by default).
    tinct::test::addBlotches(film, 0.006, std::clamp(int(8 * scale), 8, 18), 21);
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
