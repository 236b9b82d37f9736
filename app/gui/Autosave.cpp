// Autosave and recovery: every edit is written (atomically, by saveGrade) to an autosave file; a
// clean exit removes it, so one found at start is what a crashed or killed session left.
#include <cstdlib>
#include <filesystem>

#include "app/gui/Station.h"

namespace tinct {

std::string autosavePathFor(const std::string& gradePath) {
    if (!gradePath.empty()) return gradePath + ".autosave";
    const char* state = std::getenv("XDG_STATE_HOME");
    const char* home = std::getenv("HOME");
    std::filesystem::path dir = state ? std::filesystem::path(state) / "tinct"
                                      : std::filesystem::path(home ? home : ".") / ".local/state/tinct";
    return (dir / "untitled.grade.json.autosave").string();
}

}  // namespace tinct
