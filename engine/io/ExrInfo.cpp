#include "engine/io/ExrInfo.h"

#include "engine/io/ExrAttributeJson.h"
#include "engine/io/ExrCompression.h"
#include "engine/io/ExrLayers.h"
#include "engine/io/ExrOpen.h"

#include <ImfChannelList.h>
#include <ImfHeader.h>
#include <ImfPartType.h>
#include <ImfTileDescription.h>

#include <algorithm>
#include <array>
#include <set>
#include <string_view>

namespace tinct {
namespace {

using nlohmann::json;

// Attributes that describePart reports as fields of their own.
constexpr std::array<std::string_view, 11> kShownAsFields = {
    "channels", "compression", "dataWindow", "displayWindow", "lineOrder", "tiles",
    "type", "name", "chunkCount", "version", "pixelAspectRatio"};

json window(const Imath::Box2i& b) {
    return {{"xMin", b.min.x}, {"yMin", b.min.y}, {"xMax", b.max.x}, {"yMax", b.max.y},
            {"width", b.max.x - b.min.x + 1}, {"height", b.max.y - b.min.y + 1}};
}

const char* pixelTypeName(Imf::PixelType type) {
    switch (type) {
        case Imf::HALF: return "half";
        case Imf::FLOAT: return "float";
        case Imf::UINT: return "uint";
        default: return "unknown";
    }
}

const char* levelModeName(Imf::LevelMode mode) {
    switch (mode) {
        case Imf::ONE_LEVEL: return "one";
        case Imf::MIPMAP_LEVELS: return "mipmap";
        case Imf::RIPMAP_LEVELS: return "ripmap";
        default: return "unknown";
    }
}

json describeChannels(const Imf::ChannelList& channels) {
    json list = json::array();
    for (auto it = channels.begin(); it != channels.end(); ++it)
        list.push_back({{"name", it.name()}, {"type", pixelTypeName(it.channel().type)},
                        {"xSampling", it.channel().xSampling},
                        {"ySampling", it.channel().ySampling}});
    return list;
}

json describePart(const Imf::Header& header, int index) {
    json part;
    part["index"] = index;
    if (header.hasName()) part["name"] = header.name();
    // Single-part files need not store a type; their tiles attribute says which they are.
    part["type"] = header.hasType() ? header.type()
                                    : header.hasTileDescription() ? Imf::TILEDIMAGE
                                                                  : Imf::SCANLINEIMAGE;
    part["tiled"] = header.hasTileDescription();
    if (header.hasTileDescription()) {
        const auto& tiles = header.tileDescription();
        part["tileSize"] = {tiles.xSize, tiles.ySize};
        part["levelMode"] = levelModeName(tiles.mode);
    }
    part["compression"] = imfCompressionName(header.compression());
    part["dataWindow"] = window(header.dataWindow());
    part["displayWindow"] = window(header.displayWindow());
    part["pixelAspectRatio"] = floatForJson(header.pixelAspectRatio());
    part["lineOrder"] = exrAttributeToJson(header["lineOrder"]);
    part["channels"] = describeChannels(header.channels());
    part["layers"] = allLayers(header.channels());
    json attributes = json::object();
    for (auto it = header.begin(); it != header.end(); ++it)
        if (std::find(kShownAsFields.begin(), kShownAsFields.end(), it.name()) ==
            kShownAsFields.end())
            attributes[it.name()] = exrAttributeToJson(it.attribute());
    part["attributes"] = attributes;
    return part;
}

}  // namespace

json describeExr(const std::string& path) {
    auto file = openExrFile(path);
    try {
        json info;
        info["path"] = path;
        info["parts"] = json::array();
        std::set<std::string> layers;
        for (int i = 0; i < file->parts(); ++i) {
            info["parts"].push_back(describePart(file->header(i), i));
            for (const auto& layer : allLayers(file->header(i).channels())) layers.insert(layer);
        }
        info["layers"] = layers;
        return info;
    } catch (...) {
        rethrowAsExrError(path, std::current_exception());
    }
}

}  // namespace tinct
