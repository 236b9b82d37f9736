#include "engine/io/Frame.h"

#include "engine/Error.h"

#include <string>

namespace tinct {

void copyFrameInfo(const Frame& from, Frame& to) {
    to.width = from.width;
    to.height = from.height;
    to.storage = from.storage;
    to.dataWindow = from.dataWindow;
    to.displayWindow = from.displayWindow;
    to.sourcePixelType = from.sourcePixelType;
    to.hasAlpha = from.hasAlpha;
    to.attributes = from.attributes;
    to.planeLayout = from.planeLayout;
}

Frame makeFrame(int width, int height) {
    // Sizes can come from user flags (generated charts, blank frames), so a bad one is a user error.
    if (width <= 0 || height <= 0)
        throw Error("invalid frame size " + std::to_string(width) + "x" + std::to_string(height));
    Frame frame;
    frame.width = width;
    frame.height = height;
    frame.dataWindow = {0, 0, width - 1, height - 1};
    frame.displayWindow = frame.dataWindow;
    frame.rgba.assign(frame.pixelCount() * 4, 0.0f);
    // hasAlpha is false, which promises an alpha of 1 everywhere; keep that promise.
    for (size_t i = 3; i < frame.rgba.size(); i += 4) frame.rgba[i] = 1.0f;
    return frame;
}

}  // namespace tinct
