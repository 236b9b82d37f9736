#include "engine/io/ExrLayers.h"

#include "engine/Error.h"

#include <ImfPartType.h>

#include <algorithm>
#include <array>
#include <set>

namespace tinct {
namespace {

constexpr std::array<const char*, 5> kColourSuffixes = {"R", "G", "B", "A", "Y"};

bool hasColourChannel(const Imf::ChannelList& channels, const std::string& prefix) {
    for (const char* suffix : kColourSuffixes)
        if (channels.findChannel(prefix + suffix)) return true;
    return false;
}

bool isDeep(const Imf::Header& header) {
    return header.hasType() && Imf::isDeepData(header.type());
}

std::string partLabel(const Imf::Header& header, int index) {
    std::string label = "part " + std::to_string(index);
    if (header.hasName()) label += " ('" + header.name() + "')";
    return label;
}

// The first part holding the prefix's colour channels, preferring flat parts over deep ones so
// that a file with both is still readable.
int findPartWithLayer(const Imf::MultiPartInputFile& file, const std::string& prefix) {
    for (bool deep : {false, true})
        for (int i = 0; i < file.parts(); ++i)
            if (isDeep(file.header(i)) == deep && hasColourChannel(file.header(i).channels(), prefix))
                return i;
    return -1;
}

int findPartNamed(const Imf::MultiPartInputFile& file, const std::string& name) {
    for (int i = 0; i < file.parts(); ++i)
        if (file.header(i).hasName() && file.header(i).name() == name) return i;
    return -1;
}

std::string availableLayers(const Imf::MultiPartInputFile& file) {
    std::set<std::string> layers, parts;
    std::string deep;
    for (int i = 0; i < file.parts(); ++i) {
        if (isDeep(file.header(i))) {
            deep += (deep.empty() ? "" : ", ") + partLabel(file.header(i), i);
            continue;
        }
        for (const auto& layer : colourLayers(file.header(i).channels()))
            layers.insert(layer.empty() ? "(unnamed: R, G, B, A or Y)" : layer);
        if (file.header(i).hasName()) parts.insert(file.header(i).name());
    }
    auto join = [](const std::set<std::string>& names) {
        std::string text;
        for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
        return text.empty() ? std::string("none") : text;
    };
    std::string text = "layers in this file: " + join(layers);
    if (!parts.empty()) text += "; parts: " + join(parts);
    if (!deep.empty()) text += "; deep (not readable): " + deep;
    return text;
}

ExrLayerChoice checked(const Imf::MultiPartInputFile& file, ExrLayerChoice choice,
                       const std::string& path) {
    if (isDeep(file.header(choice.part)))
        throw Error(path + ": " + partLabel(file.header(choice.part), choice.part) +
                    " is a deep image; Tinct reads only flat (scanline or tiled) images");
    return choice;
}

}  // namespace

std::vector<std::string> colourLayers(const Imf::ChannelList& channels) {
    std::set<std::string> layers;
    for (auto it = channels.begin(); it != channels.end(); ++it) {
        const std::string name = it.name();
        const size_t dot = name.rfind('.');
        const std::string suffix = dot == std::string::npos ? name : name.substr(dot + 1);
        if (std::find(kColourSuffixes.begin(), kColourSuffixes.end(), suffix) != kColourSuffixes.end())
            layers.insert(dot == std::string::npos ? "" : name.substr(0, dot));
    }
    return {layers.begin(), layers.end()};
}

std::vector<std::string> allLayers(const Imf::ChannelList& channels) {
    std::set<std::string> layers;
    channels.layers(layers);
    for (auto it = channels.begin(); it != channels.end(); ++it)
        if (std::string(it.name()).find('.') == std::string::npos) layers.insert("");
    return {layers.begin(), layers.end()};
}

ExrLayerChoice findExrLayer(const Imf::MultiPartInputFile& file, const std::string& layer,
                            const std::string& path) {
    const std::string prefix = layer.empty() ? "" : layer + ".";
    if (int part = findPartWithLayer(file, prefix); part >= 0)
        return checked(file, {part, prefix}, path);
    if (layer.empty())
        throw Error(path + ": no unnamed colour layer (channels R, G, B, A or Y); " +
                    availableLayers(file));
    // A part's name stands for that part's unnamed layer, or for its only layer.
    if (int part = findPartNamed(file, layer); part >= 0) {
        const auto layers = colourLayers(file.header(part).channels());  // "" sorts first
        if (!layers.empty() && (layers[0].empty() || layers.size() == 1))
            return checked(file, {part, layers[0].empty() ? "" : layers[0] + "."}, path);
        throw Error(path + ": part '" + layer + "' has " +
                    (layers.empty() ? "no colour channels" : "several colour layers") + "; " +
                    availableLayers(file));
    }
    throw Error(path + ": no layer '" + layer + "'; " + availableLayers(file));
}

}  // namespace tinct
