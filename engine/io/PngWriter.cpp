#include "engine/io/PngWriter.h"

#include "engine/Error.h"
#include "engine/io/AtomicOutput.h"

#include <png.h>

#include <cerrno>
#include <csetjmp>
#include <cstdio>
#include <cstring>

namespace tinct {
namespace {

// Everything encodePng needs, and the message of a libpng error. Plain data only: it crosses the
// setjmp/longjmp boundary.
struct PngJob {
    std::FILE* file;
    int width;
    int height;
    bool withAlpha;
    const uint8_t* rgba8;
    char message[256];
};

// libpng calls this on any error and must not return. It keeps the message and jumps back to the
// setjmp in encodePng; no C++ object with a destructor is alive in this frame or in encodePng's,
// so the jump skips no destructors. (Throwing instead would unwind through libpng's C frames.)
[[noreturn]] void onPngError(png_structp png, png_const_charp message) {
    auto* job = static_cast<PngJob*>(png_get_error_ptr(png));
    std::snprintf(job->message, sizeof job->message, "%s", message ? message : "unknown libpng error");
    png_longjmp(png, 1);
}

// A warning never makes a file unreadable; the write goes on.
void onPngWarning(png_structp, png_const_charp) {}

// Encodes job->rgba8 into job->file. Returns false with job->message set if libpng failed.
bool encodePng(PngJob* job) {
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, job, onPngError, onPngWarning);
    if (!png) {
        std::snprintf(job->message, sizeof job->message, "libpng could not allocate its write state");
        return false;
    }
    png_infop info = png_create_info_struct(png);
    if (!info) {
        png_destroy_write_struct(&png, nullptr);
        std::snprintf(job->message, sizeof job->message, "libpng could not allocate its info state");
        return false;
    }
    // png and info are set before setjmp and never changed after it, so they are valid here.
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return false;
    }

    png_init_io(png, job->file);
    png_set_IHDR(png, info, static_cast<png_uint_32>(job->width), static_cast<png_uint_32>(job->height), 8,
                 job->withAlpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    char key[] = "Software";
    char value[] = "Tinct";
    png_text text;
    std::memset(&text, 0, sizeof text);
    text.compression = PNG_TEXT_COMPRESSION_NONE;
    text.key = key;
    text.text = value;
    png_set_text(png, info, &text, 1);
    png_write_info(png, info);
    // For RGB output the rows still hold 4 bytes a pixel; libpng drops the fourth (the filler).
    if (!job->withAlpha) png_set_filler(png, 0, PNG_FILLER_AFTER);

    const size_t rowBytes = static_cast<size_t>(job->width) * 4;
    for (int y = 0; y < job->height; ++y)
        png_write_row(png, job->rgba8 + rowBytes * static_cast<size_t>(y));
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return true;
}

}  // namespace

void writePng(const std::string& path, int width, int height, const std::vector<uint8_t>& rgba8, bool withAlpha) {
    if (width <= 0 || height <= 0)
        throw Error(path + ": cannot write a PNG of " + std::to_string(width) + "x" + std::to_string(height) +
                    " pixels");
    const size_t expected = static_cast<size_t>(width) * static_cast<size_t>(height) * 4;
    if (rgba8.size() != expected)
        throw Error(path + ": cannot write the PNG: " + std::to_string(width) + "x" + std::to_string(height) +
                    " RGBA pixels need " + std::to_string(expected) + " bytes, got " + std::to_string(rgba8.size()));

    AtomicOutput output(path);  // removes the temporary unless committed
    PngJob job{};
    job.file = std::fopen(output.tempPath().c_str(), "wb");
    if (!job.file) throw Error(path + ": cannot create the PNG: " + std::strerror(errno));
    job.width = width;
    job.height = height;
    job.withAlpha = withAlpha;
    job.rgba8 = rgba8.data();

    const bool encoded = encodePng(&job);
    const bool streamFailed = std::ferror(job.file) != 0;
    const bool closeFailed = std::fclose(job.file) != 0;  // a full disk may only show here
    const int closeErrno = errno;
    if (!encoded) throw Error(path + ": cannot write the PNG: " + job.message);
    if (streamFailed) throw Error(path + ": cannot write the PNG: write error");
    if (closeFailed) throw Error(path + ": cannot write the PNG: " + std::strerror(closeErrno));
    output.commit();
}

}  // namespace tinct
