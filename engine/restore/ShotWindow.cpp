#include "engine/restore/ShotWindow.h"

#include <algorithm>

namespace tinct {

ShotWindow windowWithinShot(const std::vector<VkBuffer>& inputs, int radius) {
    const int centre = int(inputs.size() / 2);
    // A side ends at its first input that repeats one nearer n: the shot's mirror image. At equal
    // distance the frame after n is taken as the true one (only a fully mirrored window ties).
    std::vector<VkBuffer> seen = {inputs[size_t(centre)]};
    int reach[2] = {0, 0};  // frames before, after
    bool open[2] = {true, true};
    for (int d = 1; d <= centre; ++d)
        for (int side : {1, 0}) {
            if (!open[side]) continue;
            const VkBuffer b = inputs[size_t(side ? centre + d : centre - d)];
            if (std::find(seen.begin(), seen.end(), b) != seen.end()) {
                open[side] = false;
            } else {
                seen.push_back(b);
                reach[side] = d;
            }
        }
    ShotWindow w;
    w.before = std::min(reach[0], radius), w.after = std::min(reach[1], radius);
    const int spare = 2 * radius - w.before - w.after;
    const int more = std::min(spare, reach[1] - w.after);
    w.after += more;
    w.before += std::min(spare - more, reach[0] - w.before);
    w.slots.push_back(size_t(centre));
    for (int k = 1; k <= w.before; ++k) w.slots.push_back(size_t(centre - k));
    for (int k = 1; k <= w.after; ++k) w.slots.push_back(size_t(centre + k));
    return w;
}

}  // namespace tinct
