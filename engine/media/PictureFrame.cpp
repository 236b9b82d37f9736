#include "engine/media/PictureFrame.h"

extern "C" {
#include <libavutil/pixdesc.h>
}

#include "engine/media/PlaneLayout.h"

namespace tinct {

void frameFromPicture(const AVFrame& picture, const std::string& path, Frame& frame, const AVFrame* fallback) {
    ColorSignal signal{picture.colorspace, picture.color_range, picture.chroma_location};
    if (fallback) {
        if (signal.matrix == AVCOL_SPC_UNSPECIFIED) signal.matrix = fallback->colorspace;
        if (signal.range == AVCOL_RANGE_UNSPECIFIED) signal.range = fallback->color_range;
        if (signal.siting == AVCHROMA_LOC_UNSPECIFIED) signal.siting = fallback->chroma_location;
    }
    // A fresh layout per picture (a few field copies): a recycled frame may hold another stream's, or
    // the padded layout of an encoder's planes.
    frame.planeLayout = planeLayoutFor(AVPixelFormat(picture.format), picture.width, picture.height, signal, path);
    frame.storage = PixelStorage::Planes;
    frame.width = picture.width;
    frame.height = picture.height;
    frame.dataWindow = frame.displayWindow = {0, 0, picture.width - 1, picture.height - 1};
    frame.hasAlpha = frame.planeLayout->alpha;
    // The EXR pixel type that keeps the codes apart: half resolves 10-bit codes, deeper ones need float.
    frame.sourcePixelType = frame.planeLayout->comp[0].depth > 10 ? PixelType::Float : PixelType::Half;
    frame.attributes.reset();
    frame.rgba.clear();
    frame.rgbaHalf.clear();
    packPlanes(picture, *frame.planeLayout, frame.planes);
}

}  // namespace tinct
