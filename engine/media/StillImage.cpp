#include "engine/media/StillImage.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <vector>

#include "engine/Error.h"
#include "engine/io/AtomicOutput.h"
#include "engine/media/EncodeOptions.h"
#include "engine/media/LibavError.h"
#include "engine/media/LibavHandles.h"
#include "engine/media/PictureFrame.h"
#include "engine/media/PlaneLayout.h"

namespace tinct {

AVCodecID stillImageCodec(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (ext == ".dpx") return AV_CODEC_ID_DPX;
    if (ext == ".tif" || ext == ".tiff") return AV_CODEC_ID_TIFF;
    if (ext == ".png") return AV_CODEC_ID_PNG;
    return AV_CODEC_ID_NONE;
}

void readStillImage(const std::string& path, Frame& frame) {
    quietLibavLogs();
    const AVCodecID id = stillImageCodec(path);
    const AVCodec* codec = avcodec_find_decoder(id);
    if (!codec) throw Error(path + ": not a DPX, TIFF or PNG file name");
    std::ifstream file(path, std::ios::binary);
    if (!file) throw Error(path + ": " + (std::filesystem::exists(path) ? "cannot open" : "no such file"));
    std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    if (bytes.empty()) throw Error(path + ": the file is empty");

    CodecContext decoder(avcodec_alloc_context3(codec));
    decoder->thread_count = 1;  // a sequence is read by several threads already
    // Decoders may read a little past the data; FFmpeg asks for this zeroed padding.
    bytes.resize(bytes.size() + AV_INPUT_BUFFER_PADDING_SIZE, 0);
    checkLibav(avcodec_open2(decoder.get(), codec, nullptr), path, "cannot open the decoder");
    AvPacket packet = makeAvPacket();
    packet->data = bytes.data();
    packet->size = int(bytes.size() - AV_INPUT_BUFFER_PADDING_SIZE);
    const int sent = avcodec_send_packet(decoder.get(), packet.get());
    if (sent < 0) throw Error(path + ": damaged or unreadable " + codec->name + " file (" + libavErrorText(sent) + ")");
    avcodec_send_packet(decoder.get(), nullptr);
    AvFrame picture = makeAvFrame();
    const int got = avcodec_receive_frame(decoder.get(), picture.get());
    if (got < 0) throw Error(path + ": damaged or unreadable " + codec->name + " file (" + libavErrorText(got) + ")");
    if (picture->decode_error_flags || (picture->flags & AV_FRAME_FLAG_CORRUPT))
        throw Error(path + ": the picture is damaged");
    frameFromPicture(*picture, path, frame);
}

void writeStillImage(const std::string& path, const Frame& frame, const EncoderChoice& choice) {
    if (frame.storage != PixelStorage::Planes || !frame.planeLayout)
        throw Error("internal error: an image frame must come as planes");
    quietLibavLogs();
    const AVCodec* codec = avcodec_find_encoder_by_name(choice.encoder.c_str());
    if (!codec) throw Error(path + ": this FFmpeg has no " + choice.encoder + " encoder");
    CodecContext encoder(avcodec_alloc_context3(codec));
    encoder->width = frame.width;
    encoder->height = frame.height;
    encoder->pix_fmt = frame.planeLayout->pixelFormat;
    encoder->time_base = {1, 24};
    encoder->thread_count = 1;  // a sequence is written by several threads already
    checkLibav(avcodec_open2(encoder.get(), codec, nullptr), path, "the " + choice.encoder + " encoder refuses this picture");
    AvFrame picture = makeAvFrame();
    picture->format = encoder->pix_fmt;
    picture->width = frame.width;
    picture->height = frame.height;
    checkLibav(av_frame_get_buffer(picture.get(), 0), path, "out of memory");
    unpackPlanes(frame.planes.data(), *frame.planeLayout, *picture);
    checkLibav(avcodec_send_frame(encoder.get(), picture.get()), path, "encoding failed");
    checkLibav(avcodec_send_frame(encoder.get(), nullptr), path, "encoding failed");
    AvPacket packet = makeAvPacket();
    checkLibav(avcodec_receive_packet(encoder.get(), packet.get()), path, "encoding failed");

    AtomicOutput out(path);
    {
        std::ofstream file(out.tempPath(), std::ios::binary);
        file.write(reinterpret_cast<const char*>(packet->data), packet->size);
        if (!file.flush()) throw Error(path + ": cannot write (disk full?)");
    }
    out.commit();
}

}  // namespace tinct
