#pragma once
#include <string>

namespace tinct {

// OpenColorIO reports a file it could not read with one paragraph per format it tried; a person
// needs only the reason the format matching the extension gave. Returns that reason, or the
// message unchanged when it has no such shape.
std::string ocioReason(const std::string& message);

}  // namespace tinct
