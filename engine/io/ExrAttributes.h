#pragma once
// The header of the source part travels with the frame, so that an output written from it keeps
// the source's chromaticities, timecode, frame rate and studio attributes. The writer decides
// which of them still apply; the reader keeps them all.
#include <ImfHeader.h>

namespace tinct {

struct ExrAttributes {
    Imf::Header header;
};

}  // namespace tinct
