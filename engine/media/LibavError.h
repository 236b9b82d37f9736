#pragma once
// FFmpeg's error codes as text, for messages that name the file and what failed.
#include <string>

namespace tinct {

// av_strerror's text for an AVERROR code.
std::string libavErrorText(int code);

// Throws tinct::Error "path: what: <libav's reason>" when code < 0; returns code otherwise.
int checkLibav(int code, const std::string& path, const std::string& what);

// Silences FFmpeg's own log lines, which would interleave with Tinct's messages; its errors reach the
// user through tinct::Error instead. Idempotent.
void quietLibavLogs();

}  // namespace tinct
