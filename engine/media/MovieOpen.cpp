#include "engine/media/MovieOpen.h"

#include <filesystem>

#include "engine/Error.h"
#include "engine/media/LibavError.h"

namespace tinct {

InputFormat openMovie(const std::string& path) {
    quietLibavLogs();
    if (!std::filesystem::exists(path)) throw Error(path + ": no such file");
    AVFormatContext* raw = nullptr;
    const int opened = avformat_open_input(&raw, path.c_str(), nullptr, nullptr);
    if (opened < 0) throw Error(path + ": not a movie FFmpeg can read (" + libavErrorText(opened) + ")");
    InputFormat format(raw);
    checkLibav(avformat_find_stream_info(format.get(), nullptr), path, "cannot read the stream headers");
    return format;
}

}  // namespace tinct
