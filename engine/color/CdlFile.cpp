#include "engine/color/CdlFile.h"

#include <OpenColorIO/OpenColorIO.h>

#include <filesystem>
#include <sstream>

#include "engine/Error.h"
#include "engine/color/OcioErrors.h"
#include "engine/io/AtomicOutput.h"

namespace OCIO = OCIO_NAMESPACE;

namespace tinct {

CdlValues loadCdl(const std::string& path, const std::string& id) {
    if (!std::filesystem::is_regular_file(path)) throw Error("CDL " + path + ": no such file");
    OCIO::CDLTransformRcPtr cdl;
    try {
        cdl = OCIO::CDLTransform::CreateFromFile(path.c_str(), id.c_str());
    } catch (const OCIO::Exception& e) {
        throw Error("CDL " + path + (id.empty() ? "" : " (id " + id + ")") + ": " + ocioReason(e.what()));
    }
    CdlValues v;
    cdl->getSlope(v.slope.data());
    cdl->getOffset(v.offset.data());
    cdl->getPower(v.power.data());
    v.saturation = cdl->getSat();
    v.id = cdl->getID();
    for (int c = 0; c < 3; ++c)
        if (v.power[c] <= 0)
            throw Error("CDL " + path + ": power must be positive, got " + std::to_string(v.power[c]));
    if (v.saturation < 0) throw Error("CDL " + path + ": saturation must not be negative");
    return v;
}

void saveCdl(const std::string& path, const CdlValues& v) {
    const std::string extension = std::filesystem::path(path).extension().string();
    const char* format = extension == ".cc" ? "ColorCorrection" : extension == ".ccc" ? "ColorCorrectionCollection"
                       : extension == ".cdl" ? "ColorDecisionList" : nullptr;
    if (!format) throw Error(path + ": an ASC CDL file is .cc, .ccc or .cdl");
    auto cdl = OCIO::CDLTransform::Create();
    cdl->setSlope(v.slope.data());
    cdl->setOffset(v.offset.data());
    cdl->setPower(v.power.data());
    cdl->setSat(v.saturation);
    cdl->setID(v.id.c_str());
    auto group = OCIO::GroupTransform::Create();
    group->appendTransform(cdl);
    std::ostringstream xml;
    group->write(OCIO::Config::CreateRaw(), format, xml);
    writeTextAtomically(path, xml.str());
}

}  // namespace tinct
