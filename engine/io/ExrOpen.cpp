#include "engine/io/ExrOpen.h"

#include "engine/Error.h"

#include <filesystem>
#include <system_error>

namespace tinct {

std::unique_ptr<Imf::MultiPartInputFile> openExrFile(const std::string& path) {
    // OpenEXR's own message for a missing file is accurate but buried; say it plainly first.
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (!std::filesystem::exists(status))
        throw Error(path + ": no such file");
    if (std::filesystem::is_directory(status))
        throw Error(path + ": is a directory, not an EXR file");
    try {
        return std::make_unique<Imf::MultiPartInputFile>(path.c_str());
    } catch (...) {
        rethrowAsExrError(path, std::current_exception());
    }
}

void rethrowAsExrError(const std::string& path, std::exception_ptr failure) {
    try {
        std::rethrow_exception(failure);
    } catch (const Error&) {
        throw;  // already names the file
    } catch (const std::bad_alloc&) {
        throw Error(path + ": not enough memory to read this image");
    } catch (const std::exception& e) {
        throw Error(path + ": cannot read as OpenEXR: " + e.what());
    } catch (...) {
        throw Error(path + ": cannot read as OpenEXR: unknown failure");
    }
}

}  // namespace tinct
