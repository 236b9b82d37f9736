#pragma once
// One declaration per node parameter (DESIGN.md principle 4): name, type, range, default and UI
// hint. Grade files, GPU packing, the command line and the station's inspector are all driven by
// these declarations; nodes hold no GUI code.
#include <array>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

namespace tinct {

enum class ParamType {
    Number,  // one value
    Rgbm,    // red, green, blue and master (colour wheels with a master slider)
    Rgb,     // red, green, blue
    Flag,    // on or off
    Choice,  // one of `choices`
    File,    // a path, relative to the grade file
    Points,   // curve control points: [[x, y], ...], x increasing, each coordinate within min .. max
    Polygon,  // shape vertices: [[x, y], ...], at least three, in drawing order, within min .. max
    Frames,   // frame numbers as text: "1012, 1040-1042" (engine/io/FrameRange's parseFrameList)
};

struct ParamDecl {
    std::string name;
    ParamType type = ParamType::Number;
    double min = 0, max = 1;           // for every component of Number, Rgbm and Rgb
    std::array<double, 4> defaults{};  // Number: [0]; Rgb: [0..2]; Rgbm: all four; Flag: [0] != 0;
                                       // Points: the line from (defaults[0], defaults[2]) to (defaults[1], defaults[3])
                                       // Polygon: the rectangle x defaults[0]..[1], y defaults[2]..[3]
    std::string hint;                  // "slider", "wheel", "checkbox", "menu", "file"
    std::vector<std::string> choices;  // Choice: the allowed values, the first is the default
    std::string doc;                   // one line for the inspector's tooltip and `tinct grade show`
};

using CurvePoints = std::vector<std::array<double, 2>>;
using ParamValue = std::variant<double, std::array<double, 4>, bool, std::string, CurvePoints>;

// A node's parameter values by name; every declared parameter is present.
class NodeParams {
public:
    double number(const std::string& name) const;
    // A Number that counts something (`unit`: "frames", "pixels"); a fraction is refused.
    int wholeNumber(const std::string& name, const std::string& unit) const;
    std::array<double, 4> rgbm(const std::string& name) const;  // Rgb: master is 0
    bool flag(const std::string& name) const;
    const std::string& text(const std::string& name) const;     // Choice, File and Frames
    const CurvePoints& points(const std::string& name) const;

    void set(const std::string& name, ParamValue value) { values_[name] = std::move(value); }
    const ParamValue& get(const std::string& name) const;
    const std::map<std::string, ParamValue>& values() const { return values_; }
    bool operator==(const NodeParams&) const = default;

private:
    std::map<std::string, ParamValue> values_;
};

// The declared defaults.
NodeParams defaultParams(const std::vector<ParamDecl>& decls);

// A value from JSON, checked against its declaration: type, component count, range, choices.
// Throws tinct::Error("<where>: <what is wrong>") where `where` names the file, node and field.
ParamValue paramFromJson(const ParamDecl& decl, const nlohmann::json& value, const std::string& where);
nlohmann::json paramToJson(const ParamDecl& decl, const ParamValue& value);

}  // namespace tinct
