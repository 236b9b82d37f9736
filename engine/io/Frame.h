#pragma once
// A frame as the engine sees it on the CPU side: RGBA32F pixels of the data window, plus what the
// writer needs to give the output the same geometry and attributes as the source.
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace tinct {

// An inclusive pixel rectangle, as OpenEXR describes data and display windows.
struct PixelWindow {
    int xMin = 0, yMin = 0, xMax = -1, yMax = -1;
    int width() const { return xMax - xMin + 1; }
    int height() const { return yMax - yMin + 1; }
    bool operator==(const PixelWindow&) const = default;
};

enum class PixelType { Half, Float, Uint };

// The source file's header attributes (chromaticities, timecode, frame rate, ...), carried opaquely
// from reader to writer so that outputs keep them. Defined in io/ExrAttributes.h.
struct ExrAttributes;

struct Frame {
    int width = 0, height = 0;   // size of the data window
    std::vector<float> rgba;     // width * height * 4 floats, rows top to bottom
    PixelWindow dataWindow;
    PixelWindow displayWindow;
    PixelType sourcePixelType = PixelType::Half;  // widest type among the channels read
    bool hasAlpha = false;       // false: alpha was filled with 1
    std::shared_ptr<const ExrAttributes> attributes;  // may be null for generated frames

    size_t pixelCount() const { return size_t(width) * size_t(height); }
};

// Allocates an RGBA frame whose data and display windows are both (0,0)-(w-1,h-1).
Frame makeFrame(int width, int height);

}  // namespace tinct
