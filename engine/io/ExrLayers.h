#pragma once
// Which channels of which part make up the colour layer a user asked for. EXRs from renderers
// hold many layers (diffuse.R, specular.R, ...) either in one part or in one part per layer;
// users name a layer, and this finds it wherever the file put it.
#include <ImfChannelList.h>
#include <ImfHeader.h>
#include <ImfMultiPartInputFile.h>

#include <string>
#include <vector>

namespace tinct {

struct ExrLayerChoice {
    int part = 0;
    std::string prefix;  // "" for the unnamed layer, "diffuse." for layer "diffuse"
};

// Layers whose channels end in R, G, B, A or Y; "" stands for the unnamed layer. Sorted.
std::vector<std::string> colourLayers(const Imf::ChannelList& channels);

// Every layer name OpenEXR sees (the part before the last '.'), plus "" when some channels
// have no layer. Sorted.
std::vector<std::string> allLayers(const Imf::ChannelList& channels);

// layer "" is the unnamed layer of the first part that has one; otherwise a layer name found in
// any part, or a part's name. Throws tinct::Error listing the file's layers when nothing matches,
// and refuses deep parts.
ExrLayerChoice findExrLayer(const Imf::MultiPartInputFile& file, const std::string& layer,
                            const std::string& path);

}  // namespace tinct
