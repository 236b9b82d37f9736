#pragma once
// Opening an EXR is where most user mistakes surface (wrong path, not an EXR, a broken header).
// The reader and `tinct info` share this so that both report them the same way.
#include <ImfMultiPartInputFile.h>

#include <exception>
#include <memory>
#include <string>

namespace tinct {

// Opens every part's header; uses OpenEXR's global thread pool for later reads.
std::unique_ptr<Imf::MultiPartInputFile> openExrFile(const std::string& path);

// Turns whatever OpenEXR or the standard library threw into a tinct::Error naming the file.
[[noreturn]] void rethrowAsExrError(const std::string& path, std::exception_ptr failure);

}  // namespace tinct
