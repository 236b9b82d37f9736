#include "engine/media/LibavError.h"

extern "C" {
#include <libavutil/error.h>
#include <libavutil/log.h>
}

#include "engine/Error.h"

namespace tinct {

std::string libavErrorText(int code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return text;
}

void quietLibavLogs() { av_log_set_level(AV_LOG_QUIET); }

int checkLibav(int code, const std::string& path, const std::string& what) {
    if (code < 0) throw Error(path + ": " + what + ": " + libavErrorText(code));
    return code;
}

}  // namespace tinct
