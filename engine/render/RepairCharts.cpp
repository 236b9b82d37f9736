#include "engine/render/RepairCharts.h"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "engine/Error.h"

namespace tinct {

namespace {

// A cairo image to draw on, read out as writePng's RGBA once drawn.
class Canvas {
public:
    Canvas(int width, int height)
        : surface_(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height), cairo_surface_destroy),
          cr_(cairo_create(surface_.get()), cairo_destroy) {
        check();
        cairo_select_font_face(cr(), "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
        // Bars and pictures land on whole pixels, so that each is exactly where its layout says.
        cairo_set_antialias(cr(), CAIRO_ANTIALIAS_NONE);
        fill(0, 0, width, height, {30, 30, 32});
    }
    cairo_t* cr() { return cr_.get(); }

    void fill(double x, double y, double w, double h, Rgb8 c) {
        colour(c);
        cairo_rectangle(cr(), x, y, w, h);
        cairo_fill(cr());
    }
    void text(double x, double y, const std::string& s, double size, Rgb8 c, bool bold = false) {
        cairo_select_font_face(cr(), "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                               bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(cr(), size);
        colour(c);
        cairo_move_to(cr(), x, y);
        cairo_show_text(cr(), s.c_str());
    }
    double textWidth(const std::string& s, double size) {
        cairo_set_font_size(cr(), size);
        cairo_text_extents_t e;
        cairo_text_extents(cr(), s.c_str(), &e);
        return e.x_advance;
    }
    // Copies a picture's pixels in as they are (no scaling, no blending), within the image.
    void picture(int x0, int y0, const Thumbnail& t) {
        cairo_surface_flush(surface_.get());
        uint8_t* data = cairo_image_surface_get_data(surface_.get());
        const int stride = cairo_image_surface_get_stride(surface_.get());
        const int w = std::min(t.width, cairo_image_surface_get_width(surface_.get()) - x0);
        const int h = std::min(t.height, cairo_image_surface_get_height(surface_.get()) - y0);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                const uint8_t* p = &t.rgb[(size_t(y) * t.width + x) * 3];
                *reinterpret_cast<uint32_t*>(data + size_t(y0 + y) * stride + size_t(x0 + x) * 4) =
                    0xff000000u | uint32_t(p[0]) << 16 | uint32_t(p[1]) << 8 | p[2];
            }
        cairo_surface_mark_dirty(surface_.get());
    }
    ChartImage image() {
        check();
        cairo_surface_flush(surface_.get());
        ChartImage out;
        out.width = cairo_image_surface_get_width(surface_.get());
        out.height = cairo_image_surface_get_height(surface_.get());
        const uint8_t* data = cairo_image_surface_get_data(surface_.get());
        const int stride = cairo_image_surface_get_stride(surface_.get());
        out.rgba.resize(size_t(out.width) * out.height * 4);
        for (int y = 0; y < out.height; ++y)
            for (int x = 0; x < out.width; ++x) {
                const uint32_t v = *reinterpret_cast<const uint32_t*>(data + size_t(y) * stride + size_t(x) * 4);
                uint8_t* o = &out.rgba[(size_t(y) * out.width + x) * 4];
                o[0] = uint8_t(v >> 16), o[1] = uint8_t(v >> 8), o[2] = uint8_t(v), o[3] = 255;
            }
        return out;
    }

private:
    void colour(Rgb8 c) { cairo_set_source_rgb(cr(), c[0] / 255.0, c[1] / 255.0, c[2] / 255.0); }
    void check() {
        const cairo_status_t status = cairo_status(cr_.get());
        if (status != CAIRO_STATUS_SUCCESS) throw Error(std::string("cairo: ") + cairo_status_to_string(status));
    }
    std::unique_ptr<cairo_surface_t, void (*)(cairo_surface_t*)> surface_;
    std::unique_ptr<cairo_t, void (*)(cairo_t*)> cr_;
};

constexpr Rgb8 kText{225, 225, 225}, kDim{150, 150, 155}, kStrip{44, 44, 48};

}  // namespace

std::pair<int, int> PlotLayout::columns(size_t i) const {
    const int p = plotWidth();
    const int a = int(int64_t(i) * p / int64_t(frames)), b = int(int64_t(i + 1) * p / int64_t(frames));
    return {kLeft + a, kLeft + std::max(b, a + 1)};
}

int PlotLayout::barHeight(uint32_t repairs, uint32_t most) {
    if (repairs == 0 || most == 0) return 0;
    return std::max(1, int(std::lround(double(repairs) / most * (kStripHeight - kBarHeadroom))));
}

ChartImage drawRepairPlot(const std::vector<int>& frameNumbers, const std::vector<RepairSeries>& series,
                          const std::vector<int>& marked) {
    PlotLayout layout{frameNumbers.size(), series.size()};
    Canvas canvas(PlotLayout::kWidth, layout.height());
    canvas.text(PlotLayout::kLeft, 24,
                "Repairs per frame, frames " + std::to_string(frameNumbers.front()) + "-" + std::to_string(frameNumbers.back()),
                15, kText, true);
    for (size_t k = 0; k < series.size(); ++k) {
        const RepairSeries& s = series[k];
        const int top = layout.stripTop(k), bottom = top + PlotLayout::kStripHeight;
        canvas.fill(PlotLayout::kLeft, top, layout.plotWidth(), PlotLayout::kStripHeight, kStrip);
        uint64_t total = 0;
        size_t repairedFrames = 0;
        uint32_t most = 0;
        for (uint32_t r : s.repairs) total += r, repairedFrames += r > 0, most = std::max(most, r);
        canvas.fill(12, top + 6, 12, 12, s.colour);
        canvas.text(30, top + 17, s.node, 14, kText, true);
        canvas.text(12, top + 40, std::to_string(total) + " repairs", 12, kDim);
        canvas.text(12, top + 58, "in " + std::to_string(repairedFrames) + " of " + std::to_string(s.repairs.size()) + " frames", 12, kDim);
        canvas.text(12, top + 76, "most " + std::to_string(most) + " in a frame", 12, kDim);
        for (size_t i = 0; i < s.repairs.size(); ++i) {
            const int h = PlotLayout::barHeight(s.repairs[i], most);
            if (h == 0) continue;
            auto [a, b] = layout.columns(i);
            if (b - a >= 3) --b;  // a gap between wide bars
            canvas.fill(a, bottom - h, b - a, h, s.colour);
        }
    }
    // The frame axis: numbers at up to eight places, the contact sheet's frames marked beneath.
    const int axis = layout.stripTop(series.size()) - PlotLayout::kStripGap + 4;
    const size_t ticks = std::min<size_t>(8, frameNumbers.size());
    for (size_t t = 0; t < ticks; ++t) {
        const size_t i = ticks == 1 ? 0 : t * (frameNumbers.size() - 1) / (ticks - 1);
        const auto [a, b] = layout.columns(i);
        const std::string label = std::to_string(frameNumbers[i]);
        const double x = std::clamp((a + b) / 2.0 - canvas.textWidth(label, 11) / 2, 0.0,
                                    PlotLayout::kWidth - canvas.textWidth(label, 11));
        canvas.fill((a + b) / 2, axis, 1, 5, kDim);
        canvas.text(x, axis + 18, label, 11, kDim);
    }
    for (int frame : marked) {
        const auto at = std::find(frameNumbers.begin(), frameNumbers.end(), frame);
        if (at == frameNumbers.end()) continue;
        const auto [a, b] = layout.columns(size_t(at - frameNumbers.begin()));
        canvas.fill((a + b) / 2 - 1, axis + 24, 3, 8, {255, 255, 255});
    }
    if (!marked.empty()) canvas.text(12, axis + 32, "| on the contact sheet", 11, kDim);
    return canvas.image();
}

int SheetLayout::width() const {
    const int columns = int(std::clamp<size_t>(cells, 1, kColumns));
    return kMargin + columns * (cellWidth() + kMargin);
}

int SheetLayout::height() const {
    const int rows = int((std::max<size_t>(cells, 1) + kColumns - 1) / kColumns);
    return kLegend + kMargin + rows * (cellHeight() + kMargin);
}

std::pair<int, int> SheetLayout::scannedAt(size_t i) const {
    const int column = int(i % kColumns), row = int(i / kColumns);
    return {kMargin + column * (cellWidth() + kMargin), kLegend + kMargin + row * (cellHeight() + kMargin) + kCaption};
}

std::pair<int, int> SheetLayout::cleanedAt(size_t i) const {
    const auto [x, y] = scannedAt(i);
    return {x + thumbWidth + kGap, y};
}

ChartImage drawContactSheet(const std::vector<SheetCell>& cells, const std::vector<std::pair<std::string, Rgb8>>& legend) {
    SheetLayout layout;
    layout.cells = cells.size();
    if (!cells.empty()) layout.thumbWidth = cells.front().scanned.width, layout.thumbHeight = cells.front().scanned.height;
    Canvas canvas(std::max(layout.width(), 640), layout.height());
    double x = SheetLayout::kMargin;
    canvas.text(x, 22, "left: as scanned, repairs marked; right: cleaned.", 13, kText);
    x += canvas.textWidth("left: as scanned, repairs marked; right: cleaned.", 13) + 16;
    for (const auto& [node, colour] : legend) {
        canvas.fill(x, 11, 12, 12, colour);
        canvas.text(x + 17, 22, node, 13, kText);
        x += 17 + canvas.textWidth(node, 13) + 16;
    }
    if (cells.empty()) canvas.text(SheetLayout::kMargin, SheetLayout::kLegend + SheetLayout::kMargin + 16, "No frame was repaired.", 13, kText);
    for (size_t i = 0; i < cells.size(); ++i) {
        const auto [sx, sy] = layout.scannedAt(i);
        const auto [cx, cy] = layout.cleanedAt(i);
        canvas.text(sx, sy - 8, cells[i].caption, 13, kText);
        canvas.picture(sx, sy, cells[i].scanned);
        canvas.picture(cx, cy, cells[i].cleaned);
    }
    return canvas.image();
}

}  // namespace tinct
