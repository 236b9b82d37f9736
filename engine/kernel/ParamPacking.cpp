#include "engine/kernel/ParamPacking.h"

#include <algorithm>

#include "engine/Error.h"

namespace tinct {

ParamPacking::ParamPacking(const std::vector<ParamDecl>& decls, std::vector<std::string> names, uint32_t maxPoints)
    : maxPoints_(maxPoints) {
    uint32_t vec4 = 0, component = 0;  // the next free float
    auto nextVec4 = [&] {
        if (component > 0) ++vec4, component = 0;
    };
    std::vector<uint32_t> polygons;  // fields whose vertices come after the scalars and vectors
    for (const std::string& name : names) {
        const auto decl = std::find_if(decls.begin(), decls.end(), [&](const ParamDecl& d) { return d.name == name; });
        if (decl == decls.end()) throw Error("internal error: no parameter '" + name + "' to pack");
        Field f{*decl, 0, 0, 0};
        switch (decl->type) {
        case ParamType::Rgb:
        case ParamType::Rgbm:
            nextVec4();
            f.vec4 = vec4++;
            break;
        case ParamType::Points:
        case ParamType::File:
        case ParamType::Frames:
            throw Error("internal error: parameter '" + name + "' cannot be packed as values");
        case ParamType::Polygon:
            polygons.push_back(uint32_t(fields_.size()));
            [[fallthrough]];
        default:
            f.vec4 = vec4, f.component = component;
            if (++component == 4) ++vec4, component = 0;
        }
        fields_.push_back(std::move(f));
    }
    nextVec4();
    for (uint32_t p : polygons) {
        fields_[p].points = vec4;
        vec4 += maxPoints_;
    }
    vec4s_ = vec4;
}

std::vector<float> ParamPacking::pack(const NodeParams& values) const {
    std::vector<float> out(size_t(vec4s_) * 4, 0.0f);
    for (const Field& f : fields_) {
        float* at = &out[size_t(f.vec4) * 4 + f.component];
        const ParamDecl& d = f.decl;
        switch (d.type) {
        case ParamType::Number: *at = float(values.number(d.name)); break;
        case ParamType::Flag: *at = values.flag(d.name) ? 1.0f : 0.0f; break;
        case ParamType::Choice:
            *at = float(std::find(d.choices.begin(), d.choices.end(), values.text(d.name)) - d.choices.begin());
            break;
        case ParamType::Rgb:
        case ParamType::Rgbm: {
            const auto v = values.rgbm(d.name);
            for (int c = 0; c < 4; ++c) at[c] = float(v[size_t(c)]);
            break;
        }
        case ParamType::Polygon: {
            const CurvePoints& points = values.points(d.name);
            if (points.size() > maxPoints_)
                throw Error(d.name + ": " + std::to_string(points.size()) + " vertices; at most " + std::to_string(maxPoints_));
            *at = float(points.size());
            for (size_t i = 0; i < maxPoints_ && !points.empty(); ++i) {
                const auto& v = points[std::min(i, points.size() - 1)];
                out[(size_t(f.points) + i) * 4] = float(v[0]);
                out[(size_t(f.points) + i) * 4 + 1] = float(v[1]);
            }
            break;
        }
        default: break;
        }
    }
    return out;
}

std::string ParamPacking::arguments(uint32_t base) const {
    static const char* const lanes[] = {"x", "y", "z", "w"};
    std::string args;
    for (const Field& f : fields_) {
        const std::string at = "params[" + std::to_string(base + f.vec4) + "]";
        const std::string scalar = at + "." + lanes[f.component];
        std::string arg;
        switch (f.decl.type) {
        case ParamType::Number: arg = scalar; break;
        case ParamType::Flag: arg = "(" + scalar + " != 0.0)"; break;
        case ParamType::Choice: arg = "int(" + scalar + ")"; break;
        case ParamType::Rgb: arg = at + ".rgb"; break;
        case ParamType::Rgbm: arg = at; break;
        case ParamType::Polygon: arg = "int(" + scalar + "), " + std::to_string(base + f.points) + "u"; break;
        default: break;
        }
        args += (args.empty() ? "" : ", ") + arg;
    }
    return args;
}

}  // namespace tinct
