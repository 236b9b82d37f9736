#pragma once
// A frame as the engine sees it on the CPU side: RGBA32F pixels of the data window, plus what the
// writer needs to give the output the same geometry and attributes as the source.
#include <cstddef>
#include <cstdint>
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

// How a frame's pixels are held in memory. Float (RGBA32F) is the working format; Half (RGBA16F)
// carries half-float sources and outputs through memory and over the bus at half the bytes, and
// the GPU converts at the ends of its kernel, so no CPU loop touches each value. Planes holds a
// movie's or scan's decoded samples as the decoder gave them (YUV or RGB, 8 to 16 bits), which the
// GPU converts to RGBA (engine/media); or, after the GPU, the planes an encoder takes.
enum class PixelStorage { Float, Half, Planes };

// The source file's header attributes (chromaticities, timecode, frame rate, ...), carried opaquely
// from reader to writer so that outputs keep them. Defined in io/ExrAttributes.h.
struct ExrAttributes;

// Where each plane and component of a Planes frame lies, and how its samples become RGB. Defined in
// media/PlaneLayout.h.
struct PlaneLayout;

struct Frame {
    int width = 0, height = 0;   // size of the data window
    PixelStorage storage = PixelStorage::Float;
    std::vector<float> rgba;          // Float storage: width * height * 4 floats, rows top to bottom
    std::vector<uint16_t> rgbaHalf;   // Half storage: the same layout, IEEE 754 half bit patterns
    PixelWindow dataWindow;
    PixelWindow displayWindow;
    PixelType sourcePixelType = PixelType::Half;  // widest type among the channels read
    bool hasAlpha = false;       // false: alpha was filled with 1
    std::shared_ptr<const ExrAttributes> attributes;  // may be null for generated frames
    std::vector<uint8_t> planes;                      // Planes storage: laid out as planeLayout says
    std::shared_ptr<const PlaneLayout> planeLayout;   // Planes storage only

    size_t pixelCount() const { return size_t(width) * size_t(height); }
    // Of RGBA storage; Planes frames have no fixed size per pixel (see byteCount).
    size_t bytesPerPixel() const { return storage == PixelStorage::Half ? 8 : 16; }
    // The bytes pixels() points at.
    size_t byteCount() const { return storage == PixelStorage::Planes ? planes.size() : pixelCount() * bytesPerPixel(); }
    const void* pixels() const {
        if (storage == PixelStorage::Planes) return planes.data();
        return storage == PixelStorage::Half ? static_cast<const void*>(rgbaHalf.data()) : rgba.data();
    }
    void* pixels() {
        if (storage == PixelStorage::Planes) return planes.data();
        return storage == PixelStorage::Half ? static_cast<void*>(rgbaHalf.data()) : rgba.data();
    }
};

// Everything of `from` but its pixels (size, windows, types, attributes) into `to`, whose pixel memory
// is kept for reuse.
void copyFrameInfo(const Frame& from, Frame& to);

// Allocates an RGBA frame whose data and display windows are both (0,0)-(w-1,h-1).
Frame makeFrame(int width, int height);

}  // namespace tinct
