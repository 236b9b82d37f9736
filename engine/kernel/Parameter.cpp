#include "engine/kernel/Parameter.h"

#include <cmath>
#include <sstream>

#include "engine/Error.h"
#include "engine/io/FrameRange.h"

namespace tinct {

namespace {

std::string range(const ParamDecl& d) {
    std::ostringstream s;
    s << d.min << " .. " << d.max;
    return s.str();
}

double checked(const ParamDecl& d, const nlohmann::json& v, const std::string& where) {
    if (!v.is_number()) throw Error(where + ": expected a number, got " + v.dump());
    const double x = v.get<double>();
    if (!(x >= d.min && x <= d.max)) throw Error(where + ": " + v.dump() + " is outside " + range(d));
    return x;
}

}  // namespace

const ParamValue& NodeParams::get(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end()) throw Error("internal error: no parameter '" + name + "'");
    return it->second;
}

double NodeParams::number(const std::string& name) const { return std::get<double>(get(name)); }
int NodeParams::wholeNumber(const std::string& name, const std::string& unit) const {
    const double v = number(name);
    if (v != std::floor(v)) throw Error(name + " must be a whole number of " + unit + ", got " + std::to_string(v));
    return int(v);
}
std::array<double, 4> NodeParams::rgbm(const std::string& name) const { return std::get<std::array<double, 4>>(get(name)); }
bool NodeParams::flag(const std::string& name) const { return std::get<bool>(get(name)); }
const std::string& NodeParams::text(const std::string& name) const { return std::get<std::string>(get(name)); }
const CurvePoints& NodeParams::points(const std::string& name) const { return std::get<CurvePoints>(get(name)); }

NodeParams defaultParams(const std::vector<ParamDecl>& decls) {
    NodeParams p;
    for (const auto& d : decls) {
        switch (d.type) {
            case ParamType::Number: p.set(d.name, d.defaults[0]); break;
            case ParamType::Rgbm: p.set(d.name, d.defaults); break;
            case ParamType::Rgb: p.set(d.name, std::array<double, 4>{d.defaults[0], d.defaults[1], d.defaults[2], 0}); break;
            case ParamType::Flag: p.set(d.name, d.defaults[0] != 0); break;
            case ParamType::Choice: p.set(d.name, d.choices.empty() ? std::string() : d.choices.front()); break;
            case ParamType::File:
            case ParamType::Frames: p.set(d.name, std::string()); break;
            case ParamType::Points: p.set(d.name, CurvePoints{{d.defaults[0], d.defaults[2]}, {d.defaults[1], d.defaults[3]}}); break;
            case ParamType::Polygon:
                p.set(d.name, CurvePoints{{d.defaults[0], d.defaults[2]}, {d.defaults[1], d.defaults[2]},
                                          {d.defaults[1], d.defaults[3]}, {d.defaults[0], d.defaults[3]}});
                break;
        }
    }
    return p;
}

ParamValue paramFromJson(const ParamDecl& d, const nlohmann::json& v, const std::string& where) {
    switch (d.type) {
        case ParamType::Number: return checked(d, v, where);
        case ParamType::Rgbm:
        case ParamType::Rgb: {
            const size_t n = d.type == ParamType::Rgbm ? 4 : 3;
            if (!v.is_array() || v.size() != n)
                throw Error(where + ": expected an array of " + std::to_string(n) + " numbers (" +
                            (n == 4 ? "red, green, blue, master" : "red, green, blue") + "), got " + v.dump());
            std::array<double, 4> out{};
            for (size_t i = 0; i < n; ++i) out[i] = checked(d, v[i], where + "[" + std::to_string(i) + "]");
            return out;
        }
        case ParamType::Flag:
            if (!v.is_boolean()) throw Error(where + ": expected true or false, got " + v.dump());
            return v.get<bool>();
        case ParamType::Choice: {
            if (!v.is_string()) throw Error(where + ": expected a string, got " + v.dump());
            const std::string s = v.get<std::string>();
            for (const auto& c : d.choices)
                if (c == s) return s;
            std::string allowed;
            for (const auto& c : d.choices) allowed += (allowed.empty() ? "" : ", ") + c;
            throw Error(where + ": '" + s + "' is not one of " + allowed);
        }
        case ParamType::File:
            if (!v.is_string()) throw Error(where + ": expected a file name, got " + v.dump());
            return v.get<std::string>();
        case ParamType::Frames:
            if (!v.is_string()) throw Error(where + ": expected frames as text (\"1012, 1040-1042\"), got " + v.dump());
            try {
                parseFrameList(v.get<std::string>());
            } catch (const Error& e) {
                throw Error(where + ": " + e.what());
            }
            return v.get<std::string>();
        case ParamType::Points:
        case ParamType::Polygon: {
            const bool curve = d.type == ParamType::Points;
            const size_t least = curve ? 2 : 3;
            if (!v.is_array() || v.size() < least)
                throw Error(where + ": expected at least " + (curve ? "two" : "three") + " [x, y] points, got " + v.dump());
            CurvePoints points;
            for (size_t i = 0; i < v.size(); ++i) {
                const std::string at = where + "[" + std::to_string(i) + "]";
                if (!v[i].is_array() || v[i].size() != 2) throw Error(at + ": expected [x, y], got " + v[i].dump());
                points.push_back({checked(d, v[i][0], at + "[0]"), checked(d, v[i][1], at + "[1]")});
                if (curve && i > 0 && points[i][0] <= points[i - 1][0]) throw Error(at + ": x must increase from point to point");
            }
            return points;
        }
    }
    return 0.0;
}

nlohmann::json paramToJson(const ParamDecl& d, const ParamValue& v) {
    switch (d.type) {
        case ParamType::Number: return std::get<double>(v);
        case ParamType::Rgbm: {
            const auto a = std::get<std::array<double, 4>>(v);
            return {a[0], a[1], a[2], a[3]};
        }
        case ParamType::Rgb: {
            const auto a = std::get<std::array<double, 4>>(v);
            return {a[0], a[1], a[2]};
        }
        case ParamType::Flag: return std::get<bool>(v);
        case ParamType::Points:
        case ParamType::Polygon: {
            nlohmann::json points = nlohmann::json::array();
            for (const auto& p : std::get<CurvePoints>(v)) points.push_back({p[0], p[1]});
            return points;
        }
        default: return std::get<std::string>(v);
    }
}

}  // namespace tinct
