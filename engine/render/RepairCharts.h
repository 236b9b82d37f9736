#pragma once
// The images of `restore report`, drawn with cairo: a strip plot of repairs per frame (one strip
// per repairing node, a bar per frame), and a contact sheet of frames, each as scanned with the
// repair mattes laid over it beside the cleaned result. The layouts are public so that tests can
// find each bar and picture.
#include <string>
#include <vector>

#include "engine/render/RepairThumbnail.h"

namespace tinct {

struct ChartImage {
    int width = 0, height = 0;
    std::vector<uint8_t> rgba;  // as writePng takes it
};

// One node's repairs at each frame of the job, in the job's frame order.
struct RepairSeries {
    std::string node;
    Rgb8 colour;
    std::vector<uint32_t> repairs;
};

// Where the plot puts things: strip k spans rows [stripTop(k), stripTop(k) + kStripHeight); its bars
// stand on row stripTop(k) + kStripHeight - 1 and are at most kStripHeight - kBarHeadroom tall.
struct PlotLayout {
    static constexpr int kWidth = 1200, kLeft = 170, kRight = 20, kTop = 40, kStripHeight = 110, kStripGap = 16;
    static constexpr int kBarHeadroom = 14, kAxis = 44;
    size_t frames = 0, strips = 0;
    int height() const { return kTop + int(strips) * (kStripHeight + kStripGap) + kAxis; }
    int stripTop(size_t k) const { return kTop + int(k) * (kStripHeight + kStripGap); }
    int plotWidth() const { return kWidth - kLeft - kRight; }
    // The image columns [first, last) frame i's bar may fill; with more frames than columns a column
    // shows the most repairs of the frames that fall in it.
    std::pair<int, int> columns(size_t i) const;
    // The bar height, in pixels, of `repairs` in a strip whose most is `most`.
    static int barHeight(uint32_t repairs, uint32_t most);
};

// `frameNumbers`: the job's frames (the x axis); `marked`: frames to mark under the axis (those on
// the contact sheet).
ChartImage drawRepairPlot(const std::vector<int>& frameNumbers, const std::vector<RepairSeries>& series,
                          const std::vector<int>& marked);

struct SheetCell {
    std::string caption;         // "frame 1043: dust 37, scratch 2"
    Thumbnail scanned, cleaned;  // the same size in every cell
};

// Cell i sits at row i / kColumns, column i % kColumns; its scanned picture's top-left corner is
// scannedAt(i), the cleaned one's cleanedAt(i).
struct SheetLayout {
    static constexpr int kColumns = 2, kMargin = 16, kGap = 6, kCaption = 26, kLegend = 34;
    int thumbWidth = 0, thumbHeight = 0;
    size_t cells = 0;
    int cellWidth() const { return 2 * thumbWidth + kGap; }
    int cellHeight() const { return kCaption + thumbHeight; }
    int width() const;
    int height() const;
    std::pair<int, int> scannedAt(size_t i) const;
    std::pair<int, int> cleanedAt(size_t i) const;
};

// `legend`: each node and its colour, drawn across the top.
ChartImage drawContactSheet(const std::vector<SheetCell>& cells, const std::vector<std::pair<std::string, Rgb8>>& legend);

}  // namespace tinct
