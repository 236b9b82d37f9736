#include "tests/support/SyntheticFilm.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace tinct::test {

namespace {

// A hash of a lattice point to -1 .. 1.
float lattice(int x, int y, unsigned seed) {
    uint32_t h = uint32_t(x) * 374761393u + uint32_t(y) * 668265263u + seed * 2246822519u;
    h = (h ^ (h >> 13)) * 1274126177u;
    h ^= h >> 16;
    return float(h & 0xffff) / 32767.5f - 1.0f;
}

double smooth(double t) { return t * t * (3.0 - 2.0 * t); }

// Value noise on a lattice `cell` pixels apart, smoothly interpolated.
double valueNoise(double x, double y, double cell, unsigned seed) {
    x /= cell, y /= cell;
    const double fx = std::floor(x), fy = std::floor(y);
    const int ix = int(fx), iy = int(fy);
    const double tx = smooth(x - fx), ty = smooth(y - fy);
    const double a = lattice(ix, iy, seed), b = lattice(ix + 1, iy, seed);
    const double c = lattice(ix, iy + 1, seed), d = lattice(ix + 1, iy + 1, seed);
    return (a + (b - a) * tx) * (1 - ty) + (c + (d - c) * tx) * ty;
}

}  // namespace

float filmTexture(double x, double y, unsigned seed) {
    const double s = seed * 0.37;
    double v = 0.5 + 0.08 * std::sin(0.21 * x + 0.13 * y + s) + 0.06 * std::sin(0.07 * x - 0.31 * y + 2 * s);
    v += 0.14 * valueNoise(x, y, 7.0, seed) + 0.07 * valueNoise(x, y, 3.0, seed + 11);
    return float(v);
}

Film makeFilm(const FilmSettings& s) {
    Film film;
    film.settings = s;
    std::mt19937 random(s.seed);
    std::normal_distribution<float> grain(0.0f, s.grain);
    constexpr int kObjectW = 60, kObjectH = 40;
    constexpr double kFastRadius = 4.0;
    for (int n = 0; n < s.frames; ++n) {
        const bool second = s.cut >= 0 && n >= s.cut;
        const int t = second ? n - s.cut : n;
        const unsigned scene = second ? s.seed + 100 : s.seed;
        // The second shot moves the other way, over other textures.
        const double panX = second ? -s.panY : s.panX, panY = second ? s.panX : s.panY;
        Frame f = makeFrame(s.width, s.height);
        std::vector<uint8_t> fast(size_t(s.width) * s.height, 0);
        const double ox = s.width * 0.3 + s.objectX * t, oy = s.height * 0.45 + s.objectY * t;
        const double fx = 10 + s.fastSpeed * t, fy = s.height * 0.25;
        for (int y = 0; y < s.height; ++y)
            for (int x = 0; x < s.width; ++x) {
                float v = filmTexture(x - panX * t, y - panY * t, scene);
                float tint = 0.0f;
                if (x >= ox && x < ox + kObjectW && y >= oy && y < oy + kObjectH) {
                    v = 0.75f * filmTexture(x - ox, y - oy, scene + 50) + 0.1f;
                    tint = 0.05f;
                }
                if (!second && std::hypot(x - fx, y - fy) <= kFastRadius) {
                    v = 0.92f;
                    fast[size_t(y) * s.width + x] = 1;
                }
                float* p = &f.rgba[(size_t(y) * s.width + x) * 4];
                p[0] = v + tint + grain(random);
                p[1] = v + grain(random);
                p[2] = v - tint + grain(random);
                p[3] = 1.0f;
            }
        film.clean[n] = f;
        film.damaged[n] = std::move(f);
        film.damage[n] = std::vector<float>(size_t(s.width) * s.height, 0.0f);
        film.fast[n] = std::move(fast);
    }
    return film;
}

void addBlotches(Film& film, double coverage, int maxRadius, unsigned seed) {
    const int w = film.settings.width, h = film.settings.height;
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (auto& [n, frame] : film.damaged) {
        auto& damage = film.damage[n];
        double covered = 0;
        while (covered < coverage * w * h) {
            const double cx = unit(random) * w, cy = unit(random) * h;
            // Small blotches are far more common than large ones.
            const double r = 1.0 + (maxRadius - 1.0) * std::pow(unit(random), 2.5);
            const double aspect = 0.6 + 0.8 * unit(random);
            const bool dark = unit(random) < 0.6;
            const float level = dark ? float(0.02 + 0.1 * unit(random)) : float(0.95 + 0.05 * unit(random));
            const float opacity = float(0.75 + 0.25 * unit(random));
            for (int y = std::max(0, int(cy - r - 2)); y < std::min(h, int(cy + r + 2)); ++y)
                for (int x = std::max(0, int(cx - r * aspect - 2)); x < std::min(w, int(cx + r * aspect + 2)); ++x) {
                    const double d = std::hypot((x - cx) / aspect, y - cy);
                    const double a = std::clamp(r + 0.5 - d, 0.0, 1.0) * opacity;  // a one-pixel soft edge
                    if (a <= 0) continue;
                    float& cover = damage[size_t(y) * w + x];
                    if (cover == 0) covered += 1;
                    cover = std::max(cover, float(a));
                    float* p = &frame.rgba[(size_t(y) * w + x) * 4];
                    for (int c = 0; c < 3; ++c) p[c] = float(p[c] + (level - p[c]) * a);
                }
        }
    }
}

void addFixedDefects(Film& film, int count, unsigned seed) {
    const int w = film.settings.width, h = film.settings.height;
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> xs(8, w - 10), ys(8, h - 10), kinds(0, 4), channels(0, 2);
    std::vector<std::pair<int, int>> sites;
    while (int(sites.size()) < count) {
        const int x = xs(random), y = ys(random);
        bool apart = true;
        for (const auto& [sx, sy] : sites) apart = apart && std::max(std::abs(sx - x), std::abs(sy - y)) >= 8;
        if (!apart) continue;
        sites.emplace_back(x, y);
        const int kind = kinds(random), channel = channels(random);
        const int size = kind == 4 ? 2 : 1;
        for (int dy = 0; dy < size; ++dy)
            for (int dx = 0; dx < size; ++dx) {
                const size_t i = size_t(y + dy) * w + x + dx;
                for (auto& [n, frame] : film.damaged) {
                    film.damage[n][i] = 1.0f;
                    float* p = &frame.rgba[i * 4];
                    for (int c = 0; c < 3; ++c) {
                        if (kind == 0) p[c] = 0.0f;
                        if (kind == 1) p[c] = 1.0f;
                        if (kind == 2) p[c] += 0.3f;
                        if (kind == 3 && c == channel) p[c] = 1.0f;
                        if (kind == 4) p[c] *= 0.45f;
                    }
                }
            }
    }
}

void addScratches(Film& film, int count, unsigned seed) {
    const int w = film.settings.width, h = film.settings.height;
    constexpr double kPi = 3.14159265358979323846;
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<double> sites;
    while (int(sites.size()) < count) {
        const double x = 24 + unit(random) * (w - 48);
        bool apart = true;
        for (double s : sites) apart = apart && std::abs(s - x) >= 30;
        if (apart) sites.push_back(x);
    }
    for (const double site : sites) {
        const double width = 1 + int(unit(random) * 3);
        const double opacity = 0.05 + 0.2 * unit(random);
        const float level = unit(random) < 0.5 ? 0.02f : 0.98f;
        const double rowDrift = 3.0 * (unit(random) - 0.5), frameDrift = 0.2 * (unit(random) - 0.5);
        const double phase = 2 * kPi * unit(random);
        for (auto& [n, frame] : film.damaged) {
            auto& damage = film.damage[n];
            for (int y = 0; y < h; ++y) {
                const double centre = site + rowDrift * (double(y) / h - 0.5) + frameDrift * double(n);
                const double a = opacity * (0.75 + 0.25 * std::sin(2 * kPi * y / (0.8 * h) + phase));
                for (int x = int(std::floor(centre - width / 2)); x <= int(centre + width / 2); ++x) {
                    const double cover = std::clamp(std::min(x + 1.0, centre + width / 2) - std::max(double(x), centre - width / 2), 0.0, 1.0);
                    if (cover <= 0 || x < 0 || x >= w) continue;
                    const size_t i = size_t(y) * w + x;
                    damage[i] = std::max(damage[i], float(a * cover));
                    float* p = &frame.rgba[i * 4];
                    for (int c = 0; c < 3; ++c) p[c] = float(p[c] + (level - p[c]) * a * cover);
                }
            }
        }
    }
}

float channelDistance(const Frame& a, const Frame& b, size_t pixel) {
    float d = 0;
    for (int c = 0; c < 3; ++c) d = std::max(d, std::abs(a.rgba[pixel * 4 + c] - b.rgba[pixel * 4 + c]));
    return d;
}

void addFlicker(Film& film, double global, double local, double breathing, unsigned seed) {
    const int w = film.settings.width, h = film.settings.height;
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> unit(-1.0, 1.0);
    constexpr double kPi = 3.14159265358979323846;
    for (auto& [n, frame] : film.damaged) {
        const double g = 1.0 + global * unit(random);
        double wave[2][4];  // amplitude, direction, wavelength, phase
        for (auto& v : wave) v[0] = 0.5 * local * unit(random), v[1] = kPi * unit(random), v[2] = w * (1.0 + 0.5 * unit(random)), v[3] = kPi * unit(random);
        double channel[3];
        for (double& c : channel) c = 1.0 + breathing * unit(random);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                double l = 0;
                for (const auto& v : wave) l += v[0] * std::sin(2 * kPi * (x * std::cos(v[1]) + y * std::sin(v[1])) / v[2] + v[3]);
                float* p = &frame.rgba[(size_t(y) * w + x) * 4];
                for (int c = 0; c < 3; ++c) p[c] = float(p[c] * (g + l) * channel[c]);
            }
    }
}

void addGrain(Film& film, double strength, unsigned seed) {
    if (film.damaged.empty()) film.damaged = film.clean;
    std::mt19937 random(seed);
    std::normal_distribution<double> unit(0.0, 1.0);
    for (auto& [n, frame] : film.damaged)
        for (size_t i = 0; i < frame.rgba.size(); ++i) {
            if (i % 4 == 3) continue;
            const double v = std::clamp(double(film.clean.at(n).rgba[i]), 0.0, 1.0);
            frame.rgba[i] = float(frame.rgba[i] + grainDeviation(strength, v) * unit(random));
        }
}

void addWeave(Film& film, double amplitude, unsigned seed) {
    if (film.damaged.empty()) film.damaged = film.clean;
    const int w = film.settings.width, h = film.settings.height;
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> unit(-amplitude, amplitude);
    auto cubic = [](double x) {  // Catmull-Rom
        x = std::abs(x);
        return x < 1 ? 1.5 * x * x * x - 2.5 * x * x + 1 : x < 2 ? -0.5 * x * x * x + 2.5 * x * x - 4 * x + 2 : 0.0;
    };
    for (auto& [n, frame] : film.damaged) {
        const double dx = unit(random), dy = unit(random);
        const Frame source = frame;
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                const double sx = x - dx, sy = y - dy;
                const int ix = int(std::floor(sx)), iy = int(std::floor(sy));
                double sum[4] = {0, 0, 0, 0}, weights = 0;
                for (int j = -1; j <= 2; ++j)
                    for (int i = -1; i <= 2; ++i) {
                        const double wgt = cubic(sx - (ix + i)) * cubic(sy - (iy + j));
                        const float* p = &source.rgba[(size_t(std::clamp(iy + j, 0, h - 1)) * w + std::clamp(ix + i, 0, w - 1)) * 4];
                        for (int c = 0; c < 4; ++c) sum[c] += wgt * p[c];
                        weights += wgt;
                    }
                for (int c = 0; c < 4; ++c) frame.rgba[(size_t(y) * w + x) * 4 + c] = float(sum[c] / weights);
            }
    }
}

double grainDeviation(double strength, double value) { return strength * (0.4 + 0.6 * 4.0 * value * (1.0 - value)); }

double blockBreathing(const std::map<int64_t, Frame>& frames, const FilmSettings& s, int block) {
    const int bx = s.width / block, by = s.height / block;
    double total = 0;
    int counted = 0;
    for (int shot = 0; shot < (s.cut >= 0 ? 2 : 1); ++shot) {
        const int first = shot == 0 ? 0 : s.cut, end = s.cut >= 0 && shot == 0 ? s.cut : s.frames;
        for (int j = 0; j < by; ++j)
            for (int i = 0; i < bx; ++i) {
                std::vector<double> means;
                for (int n = first; n < end; ++n) {
                    const Frame& f = frames.at(n);
                    double sum = 0;
                    for (int y = j * block; y < (j + 1) * block; ++y)
                        for (int x = i * block; x < (i + 1) * block; ++x) {
                            const float* p = &f.rgba[(size_t(y) * s.width + x) * 4];
                            sum += 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
                        }
                    means.push_back(sum / (block * block));
                }
                double mean = 0, var = 0;
                for (double m : means) mean += m / double(means.size());
                for (double m : means) var += (m - mean) * (m - mean) / double(means.size());
                total += std::sqrt(var), ++counted;
            }
    }
    return total / counted;
}

double psnr(const std::map<int64_t, Frame>& a, const std::map<int64_t, Frame>& b) {
    double sum = 0;
    size_t count = 0;
    for (const auto& [n, fa] : a) {
        const Frame& fb = b.at(n);
        for (size_t i = 0; i < fa.rgba.size(); ++i) {
            if (i % 4 == 3) continue;
            const double d = double(fa.rgba[i]) - fb.rgba[i];
            sum += d * d;
            ++count;
        }
    }
    return 10.0 * std::log10(1.0 / std::max(sum / double(count), 1e-20));
}

}  // namespace tinct::test
