#include "engine/color/OcioErrors.h"

namespace tinct {

std::string ocioReason(const std::string& message) {
    const std::string marker = "failed with: ";
    const size_t at = message.find(marker);
    if (at == std::string::npos) return message;
    std::string reason = message.substr(at + marker.size());
    // The next format's paragraph starts with four spaces and a quote.
    if (size_t next = reason.find("    '"); next != std::string::npos) reason.resize(next);
    while (!reason.empty() && (reason.back() == ' ' || reason.back() == '\n')) reason.pop_back();
    return reason;
}

}  // namespace tinct
