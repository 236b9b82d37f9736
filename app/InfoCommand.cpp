// tinct info: what a file or sequence holds, from headers only.
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/Commands.h"
#include "engine/Error.h"
#include "engine/io/ExrInfo.h"
#include "engine/io/FrameSequence.h"
#include "engine/media/MediaKind.h"
#include "engine/media/MovieSource.h"
#include "engine/media/StillImage.h"
#include "engine/media/PlaneLayout.h"

namespace tinct {

namespace {

std::string window(const nlohmann::json& w) {
    if (!w.is_object() || !w.contains("xMin")) return w.dump();
    return "(" + w["xMin"].dump() + "," + w["yMin"].dump() + ")-(" + w["xMax"].dump() + "," + w["yMax"].dump() + ")";
}

std::string plain(const nlohmann::json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

void printExr(const nlohmann::json& exr) {
    std::cout << exr["path"].get<std::string>() << "\n";
    for (const auto& part : exr["parts"]) {
        std::cout << "  part " << part["index"].dump();
        if (part.contains("name")) std::cout << " \"" << plain(part["name"]) << "\"";
        std::cout << ": " << plain(part["type"]) << ", " << plain(part["compression"]) << "\n";
        std::cout << "    data window " << window(part["dataWindow"]) << ", display window "
                  << window(part["displayWindow"]) << "\n";
        std::cout << "    channels";
        for (const auto& c : part["channels"]) std::cout << " " << plain(c["name"]) << "(" << plain(c["type"]) << ")";
        std::cout << "\n";
        if (part.contains("attributes"))
            for (const auto& [name, value] : part["attributes"].items())
                std::cout << "    " << name << ": " << plain(value) << "\n";
    }
}

// A DPX, TIFF or PNG frame: what FFmpeg's decoder reports.
nlohmann::json describeStill(const std::string& file) {
    Frame frame;
    readStillImage(file, frame);
    const PlaneLayout& l = *frame.planeLayout;
    return {{"path", file}, {"width", frame.width}, {"height", frame.height}, {"pixel_format", l.describe()},
            {"bit_depth", l.comp[0].depth}, {"alpha", l.alpha}};
}

void run(const std::string& path, bool json) {
    if (mediaKindOf(path) == MediaKind::Movie) {
        const MovieSource movie(path);  // with its frame index: the true frame count, gaps, variable rate
        const MovieInfo& info = *movie.movie();
        std::cout << (json ? info.toJson().dump(2) + "\n" : info.toText());
        return;
    }
    const FrameSequence sequence = FrameSequence::parse(path);
    nlohmann::json out;
    std::string firstFile = path;
    if (sequence.isSequence()) {
        out["sequence"] = describeSequence(sequence);
        if (out["sequence"]["first"].is_null()) throw Error(path + ": no frames of this sequence exist");
        firstFile = sequence.pathFor(out["sequence"]["first"].get<int>());
    }
    const bool still = mediaKindOf(firstFile) == MediaKind::StillImage;
    if (still) out["image"] = describeStill(firstFile);
    else out["exr"] = describeExr(firstFile);
    if (json) {
        std::cout << out.dump(2) << "\n";
        return;
    }
    if (sequence.isSequence()) {
        const auto& s = out["sequence"];
        std::cout << path << ": frames " << s["first"].dump() << "-" << s["last"].dump() << ", " << s["count"].dump()
                  << " present";
        if (s["missing"].get<int>() > 0) std::cout << ", missing " << plain(s["gapsText"]);
        std::cout << "\nfirst frame: ";
    }
    if (still) {
        const auto& i = out["image"];
        std::cout << plain(i["path"]) << "\n  " << i["width"].dump() << "x" << i["height"].dump() << ", "
                  << plain(i["pixel_format"]) << ", " << i["bit_depth"].dump() << "-bit" << (i["alpha"].get<bool>() ? ", alpha" : "")
                  << "\n";
        return;
    }
    printExr(out["exr"]);
}

}  // namespace

void addInfoCommand(CLI::App& app, CommandContext&) {
    auto path = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    CLI::App* command = app.add_subcommand("info", "Describe an EXR, DPX, TIFF or PNG file or sequence, or a movie");
    command->add_option("path", *path, "file, sequence pattern or movie")->required();
    command->add_flag("--json", *json, "print JSON");
    command->callback([path, json] { run(*path, *json); });
}

}  // namespace tinct
