#include "engine/kernel/FrameStep.h"

#include "engine/Error.h"

namespace tinct {

uint32_t channelsOf(FrameKind kind) {
    switch (kind) {
    case FrameKind::Rgba: return 4;
    case FrameKind::Matte: return 1;
    case FrameKind::Motion: return 2;
    }
    return 4;
}

const char* frameKindName(FrameKind kind) {
    switch (kind) {
    case FrameKind::Rgba: return "RGBA";
    case FrameKind::Matte: return "matte";
    case FrameKind::Motion: return "motion field";
    }
    return "RGBA";
}

std::string FrameStep::glsl(const StepSlot&) const {
    throw Error("internal error: a fused kernel was asked to run " + describe());
}

}  // namespace tinct
