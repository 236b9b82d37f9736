#include "engine/render/Progress.h"

#include <unistd.h>

namespace tinct {

namespace {

std::string clock(double seconds) {
    const long s = long(seconds + 0.5);
    char text[32];
    if (s >= 3600) std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
    else std::snprintf(text, sizeof text, "%ld:%02ld", s / 60, s % 60);
    return text;
}

}  // namespace

Progress::Progress(size_t totalFrames, bool enabled, std::FILE* out)
    : total_(totalFrames), enabled_(enabled), terminal_(isatty(fileno(out))), out_(out),
      start_(std::chrono::steady_clock::now()), lastPrint_(start_) {}

std::string Progress::line(size_t done, size_t total, double seconds) {
    const double fps = seconds > 0 ? double(done) / seconds : 0.0;
    char text[160];
    std::snprintf(text, sizeof text, "%zu/%zu frames  %.1f fps  elapsed %s", done, total, fps, clock(seconds).c_str());
    std::string s = text;
    if (done > 0 && done < total) s += "  left " + clock(double(total - done) / fps);
    return s;
}

void Progress::frameDone() {
    ++done_;
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    const double sinceLast = std::chrono::duration<double>(now - lastPrint_).count();
    if (done_ < total_ && sinceLast < (terminal_ ? 0.1 : 2.0)) return;
    lastPrint_ = now;
    const std::string text = line(done_, total_, std::chrono::duration<double>(now - start_).count());
    if (terminal_) std::fprintf(out_, "\r\033[Ktinct: %s", text.c_str());
    else std::fprintf(out_, "tinct: %s\n", text.c_str());
    std::fflush(out_);
}

void Progress::finish() {
    if (enabled_ && terminal_) std::fprintf(out_, "\n");
}

}  // namespace tinct
