#include "engine/color/LutFile.h"

#include <filesystem>

#include "engine/Error.h"
#include "engine/color/OcioErrors.h"

namespace OCIO = OCIO_NAMESPACE;

namespace tinct {

LutInterpolation parseLutInterpolation(const std::string& name) {
    if (name == "tetrahedral") return LutInterpolation::Tetrahedral;
    if (name == "trilinear" || name == "linear") return LutInterpolation::Trilinear;
    throw Error("unknown LUT interpolation '" + name + "': use tetrahedral or trilinear");
}

std::shared_ptr<const OcioGpuStep> loadLut(const std::string& path, LutInterpolation interpolation) {
    if (!std::filesystem::is_regular_file(path)) throw Error("LUT " + path + ": no such file");
    const char* interpName = interpolation == LutInterpolation::Tetrahedral ? "tetrahedral" : "trilinear";
    auto transform = OCIO::FileTransform::Create();
    transform->setSrc(path.c_str());
    // "Best" is tetrahedral for 3D LUTs and linear for 1D ones, where asking for tetrahedral would
    // only make OCIO warn and fall back to linear.
    transform->setInterpolation(interpolation == LutInterpolation::Tetrahedral ? OCIO::INTERP_BEST
                                                                                : OCIO::INTERP_LINEAR);
    transform->setDirection(OCIO::TRANSFORM_DIR_FORWARD);
    // OCIO insists on a correction id for collections; --lut takes the first, as --cdl does.
    const std::string extension = std::filesystem::path(path).extension().string();
    if (extension == ".ccc" || extension == ".cdl") transform->setCCCId("0");
    try {
        auto processor = OCIO::Config::CreateRaw()->getProcessor(transform);
        return sharedOcioGpuStep(processor, "LUT " + path + " (" + interpName + ")");
    } catch (const OCIO::Exception& e) {
        throw Error("LUT " + path + ": " + ocioReason(e.what()));
    }
}

}  // namespace tinct
