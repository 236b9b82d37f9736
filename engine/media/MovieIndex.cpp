#include "engine/media/MovieIndex.h"

#include <algorithm>

#include "engine/Error.h"
#include "engine/media/ConstantRate.h"
#include "engine/media/LibavError.h"
#include "engine/media/LibavHandles.h"

namespace tinct {

namespace {

struct PacketTimes {
    int64_t pts = AV_NOPTS_VALUE, dts = AV_NOPTS_VALUE, duration = 0;
    bool key = false;
    bool shown = true;  // false: decoded for reference only (outside an edit list); no picture of its own
};

bool intraOnly(const AVStream& stream) {
    const AVCodecDescriptor* d = avcodec_descriptor_get(stream.codecpar->codec_id);
    return d && (d->props & AV_CODEC_PROP_INTRA_ONLY);
}

// Every picture of an intra-only stream from the demuxer's own index (QuickTime's sample tables, AVI's
// idx1): nothing of the file's data is read. Each picture is then its packet, pts equal to dts. Empty
// when the demuxer keeps no complete index.
std::vector<PacketTimes> fromContainerIndex(const AVFormatContext& format, AVStream& stream) {
    if (!intraOnly(stream) || (format.iformat->flags & AVFMT_GENERIC_INDEX)) return {};
    const int count = avformat_index_get_entries_count(&stream);
    std::vector<PacketTimes> packets;
    for (int i = 0; i < count; ++i) {
        const AVIndexEntry* e = avformat_index_get_entry(&stream, i);
        if (!e || e->size <= 0) continue;  // AVI's empty chunks: dropped frames, no picture
        if (e->timestamp == AV_NOPTS_VALUE || (!packets.empty() && e->timestamp <= packets.back().dts)) return {};
        PacketTimes p;
        p.pts = p.dts = e->timestamp;
        p.key = true;
        p.shown = !(e->flags & AVINDEX_DISCARD_FRAME);
        packets.push_back(p);
    }
    // Durations as the demuxer gives them with each packet: up to the next one; the last as the one before.
    for (size_t i = 0; i + 1 < packets.size(); ++i) packets[i].duration = packets[i + 1].dts - packets[i].dts;
    if (packets.size() > 1) packets.back().duration = packets[packets.size() - 2].duration;
    if (stream.nb_frames > 0 && int64_t(packets.size()) != stream.nb_frames) return {};  // an index with holes
    return packets;
}

// One pass over the video packets, reading their headers and data (other streams are discarded).
std::vector<PacketTimes> fromPacketPass(AVFormatContext& format, int stream, const std::string& path) {
    std::vector<AVDiscard> discard(format.nb_streams);
    for (unsigned i = 0; i < format.nb_streams; ++i) {
        discard[i] = format.streams[i]->discard;
        if (int(i) != stream) format.streams[i]->discard = AVDISCARD_ALL;
    }
    std::vector<PacketTimes> packets;
    AvPacket packet = makeAvPacket();
    for (;;) {
        const int read = av_read_frame(&format, packet.get());
        if (read == AVERROR_EOF) break;
        // Damage stops the index here: the frames before it can be read, the rest are reported when asked for.
        if (read < 0) break;
        if (packet->stream_index == stream && packet->size > 0) {
            PacketTimes p;
            p.pts = packet->pts;
            p.dts = packet->dts;
            p.duration = packet->duration;
            p.key = packet->flags & AV_PKT_FLAG_KEY;
            p.shown = !(packet->flags & AV_PKT_FLAG_DISCARD);
            packets.push_back(p);
        }
        av_packet_unref(packet.get());
    }
    for (unsigned i = 0; i < format.nb_streams; ++i) format.streams[i]->discard = discard[i];
    checkLibav(avformat_seek_file(&format, -1, INT64_MIN, format.start_time == AV_NOPTS_VALUE ? 0 : format.start_time,
                                  INT64_MAX, 0),
               path, "cannot seek back to the start after indexing");
    return packets;
}

// Decoded pictures in presentation order with the timestamps the decoder will give them. Where every
// packet states its pts, a picture is stamped with its own packet's. Where some do not (AVI, which
// stores decode order only), the decoder stamps each picture with the dts of the packet it was
// holding back when it let the picture out: the dts sequence moved on by the decoder's delay, and the
// pictures flushed at the end take the dts that would have come next.
std::vector<IndexedPicture> picturesOf(const std::vector<PacketTimes>& packets, int delay) {
    std::vector<IndexedPicture> pictures;
    const bool allPts = std::all_of(packets.begin(), packets.end(), [](const PacketTimes& p) { return p.pts != AV_NOPTS_VALUE; });
    if (allPts) {
        for (const auto& p : packets)
            if (p.shown) pictures.push_back({p.pts, p.duration, 0});
        std::stable_sort(pictures.begin(), pictures.end(),
                         [](const IndexedPicture& a, const IndexedPicture& b) { return a.timestamp < b.timestamp; });
        return pictures;
    }
    std::vector<const PacketTimes*> shown;
    for (const auto& p : packets)
        if (p.shown) shown.push_back(&p);
    const size_t n = shown.size(), d = size_t(std::max(delay, 0));
    for (size_t k = 0; k < n; ++k) {
        if (k + d < n) {
            pictures.push_back({shown[k + d]->dts, shown[k + d]->duration, 0});
        } else {
            const PacketTimes& last = *shown.back();
            const int64_t step = last.duration > 0 ? last.duration : 1;
            pictures.push_back({last.dts + step * int64_t(k + d - n + 1), last.duration, 0});
        }
    }
    return pictures;
}

}  // namespace

std::optional<size_t> MovieIndex::pictureAt(int64_t timestamp) const {
    const auto at = std::lower_bound(pictures.begin(), pictures.end(), timestamp,
                                     [](const IndexedPicture& p, int64_t t) { return p.timestamp < t; });
    if (at == pictures.end() || at->timestamp != timestamp) return std::nullopt;
    return size_t(at - pictures.begin());
}

MovieIndex indexMovie(AVFormatContext& format, int streamIndex, AVRational rate, const std::string& path) {
    AVStream& stream = *format.streams[streamIndex];
    MovieIndex index;
    std::vector<PacketTimes> packets = fromContainerIndex(format, stream);
    index.fromContainerIndex = !packets.empty();
    if (packets.empty()) packets = fromPacketPass(format, streamIndex, path);
    index.packets = int64_t(packets.size());
    if (packets.empty()) throw Error(path + ": the video stream holds no pictures");

    const int delay = stream.codecpar->video_delay;
    index.pictures = picturesOf(packets, delay);
    if (index.pictures.empty()) throw Error(path + ": the video stream holds no pictures");

    // Where decoding starts for each picture: the last keyframe (in decode order) shown no later than
    // it, so open GOPs' leading pictures start a GOP earlier. Without pts (AVI) a keyframe's place in
    // presentation order is not known; a margin of the decoder's reordering keeps it before the picture.
    const bool allPts = std::all_of(packets.begin(), packets.end(), [](const PacketTimes& p) { return p.pts != AV_NOPTS_VALUE; });
    std::vector<int64_t> keyShownAt;  // per keyframe, an upper bound of its presentation timestamp
    int64_t shownPackets = 0;
    for (size_t i = 0; i < packets.size(); ++i) {
        const PacketTimes& p = packets[i];
        if (p.key) {
            index.keyframes.push_back({p.dts, p.pts, int64_t(i)});
            if (allPts) {
                keyShownAt.push_back(p.pts);
            } else {
                // The picture shown `margin` places after its packet bounds it from above.
                const int64_t margin = 2 * (delay + 1) + 2;
                const int64_t at = std::min<int64_t>(shownPackets + margin, int64_t(index.pictures.size()) - 1);
                keyShownAt.push_back(index.pictures[size_t(at)].timestamp);
            }
        }
        if (p.shown) ++shownPackets;
    }
    if (index.keyframes.empty()) {  // no packet flagged: decode from the start
        index.keyframes.push_back({packets.front().dts, packets.front().pts, 0});
        keyShownAt.push_back(INT64_MIN);
    }
    // Keyframe k serves pictures from max(keyShownAt[0..k]) on: a later keyframe shown earlier than an
    // earlier one (never in a sane stream) cannot take pictures back from it.
    size_t k = 0;
    int64_t reach = keyShownAt.front();
    for (auto& picture : index.pictures) {
        while (k + 1 < index.keyframes.size() && std::max(reach, keyShownAt[k + 1]) <= picture.timestamp) {
            reach = std::max(reach, keyShownAt[++k]);
        }
        picture.keyframe = k;
    }

    std::vector<PictureTiming> timing;
    for (const auto& p : index.pictures) timing.push_back({p.timestamp, p.duration});
    const int64_t start = format.start_time == AV_NOPTS_VALUE ? 0 : av_rescale_q(format.start_time, AV_TIME_BASE_Q, stream.time_base);
    index.frames = framesAtConstantRate(timing, stream.time_base, start, rate);
    if (index.frames.empty()) throw Error(path + ": no picture of the video stream falls within its frames");

    // Variable: pictures more than 1% of a frame off one frame apart. A fine time base that cannot hold
    // the frame exactly (1/1000 at 24 fps) alternates by a tick, which is no variation.
    const double frame = 1.0 / (av_q2d(rate) * av_q2d(stream.time_base));
    const double tolerance = std::max(0.01 * frame, frame > 2 ? 1.0 : 0.0);
    for (size_t i = 1; i < index.pictures.size(); ++i)
        if (std::abs(double(index.pictures[i].timestamp - index.pictures[i - 1].timestamp) - frame) > tolerance)
            index.variableRate = true;
    std::vector<bool> seen(index.pictures.size(), false);
    for (size_t n = 0; n < index.frames.size(); ++n) {
        if (n > 0 && index.frames[n] == index.frames[n - 1]) ++index.repeatedFrames;
        seen[size_t(index.frames[n])] = true;
    }
    index.droppedPictures = std::count(seen.begin(), seen.end(), false);
    return index;
}

}  // namespace tinct
