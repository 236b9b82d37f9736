#include "engine/io/ExrAttributeJson.h"

#include "engine/io/ExrCompression.h"

#include <ImfBoxAttribute.h>
#include <ImfChromaticitiesAttribute.h>
#include <ImfCompressionAttribute.h>
#include <ImfDoubleAttribute.h>
#include <ImfEnvmapAttribute.h>
#include <ImfFloatAttribute.h>
#include <ImfFloatVectorAttribute.h>
#include <ImfIntAttribute.h>
#include <ImfKeyCodeAttribute.h>
#include <ImfLineOrderAttribute.h>
#include <ImfMatrixAttribute.h>
#include <ImfRationalAttribute.h>
#include <ImfStringAttribute.h>
#include <ImfStringVectorAttribute.h>
#include <ImfTimeCodeAttribute.h>
#include <ImfVecAttribute.h>

#include <charconv>
#include <cstdio>
#include <cstdlib>

namespace tinct {
namespace {

using nlohmann::json;

template <class T>
const T* as(const Imf::Attribute& attribute) {
    auto typed = dynamic_cast<const Imf::TypedAttribute<T>*>(&attribute);
    return typed ? &typed->value() : nullptr;
}

json vec(const Imath::V2f& v) { return {floatForJson(v.x), floatForJson(v.y)}; }
json vec(const Imath::V3f& v) { return {floatForJson(v.x), floatForJson(v.y), floatForJson(v.z)}; }

template <class Box>
json box(const Box& b) {
    return {{"xMin", b.min.x}, {"yMin", b.min.y}, {"xMax", b.max.x}, {"yMax", b.max.y}};
}

template <class Matrix, int N>
json matrix(const Matrix& m) {
    json rows = json::array();
    for (int r = 0; r < N; ++r) {
        json row = json::array();
        for (int c = 0; c < N; ++c) row.push_back(floatForJson(m[r][c]));
        rows.push_back(row);
    }
    return rows;
}

// SMPTE 12M writes drop-frame timecode with ';' before the frames.
std::string timeCodeText(const Imf::TimeCode& tc) {
    char text[16];
    std::snprintf(text, sizeof text, "%02d:%02d:%02d%c%02d", tc.hours(), tc.minutes(),
                  tc.seconds(), tc.dropFrame() ? ';' : ':', tc.frame());
    return text;
}

json chromaticities(const Imf::Chromaticities& c) {
    return {{"red", vec(c.red)}, {"green", vec(c.green)}, {"blue", vec(c.blue)},
            {"white", vec(c.white)}};
}

json rational(const Imf::Rational& r) {
    return {{"numerator", r.n}, {"denominator", r.d},
            {"value", r.d == 0 ? json(nullptr) : json(double(r.n) / double(r.d))}};
}

json keyCode(const Imf::KeyCode& k) {
    return {{"filmMfcCode", k.filmMfcCode()}, {"filmType", k.filmType()},
            {"prefix", k.prefix()}, {"count", k.count()}, {"perfOffset", k.perfOffset()},
            {"perfsPerFrame", k.perfsPerFrame()}, {"perfsPerCount", k.perfsPerCount()}};
}

}  // namespace

double floatForJson(float value) {
    char text[32];
    auto [end, ec] = std::to_chars(text, text + sizeof text - 1, value);
    if (ec != std::errc()) return value;
    *end = '\0';
    return std::strtod(text, nullptr);
}

json exrAttributeToJson(const Imf::Attribute& a) {
    if (auto v = as<std::string>(a)) return *v;
    if (auto v = as<int>(a)) return *v;
    if (auto v = as<float>(a)) return floatForJson(*v);
    if (auto v = as<double>(a)) return *v;
    if (auto v = as<Imath::V2f>(a)) return vec(*v);
    if (auto v = as<Imath::V3f>(a)) return vec(*v);
    if (auto v = as<Imath::V2i>(a)) return {v->x, v->y};
    if (auto v = as<Imath::V3i>(a)) return {v->x, v->y, v->z};
    if (auto v = as<Imath::V2d>(a)) return {v->x, v->y};
    if (auto v = as<Imath::V3d>(a)) return {v->x, v->y, v->z};
    if (auto v = as<Imath::Box2i>(a)) return box(*v);
    if (auto v = as<Imath::Box2f>(a)) return box(*v);
    if (auto v = as<Imath::M33f>(a)) return matrix<Imath::M33f, 3>(*v);
    if (auto v = as<Imath::M44f>(a)) return matrix<Imath::M44f, 4>(*v);
    if (auto v = as<Imf::StringVector>(a)) return *v;
    if (auto v = as<Imf::FloatVector>(a)) {
        json values = json::array();
        for (float f : *v) values.push_back(floatForJson(f));
        return values;
    }
    if (auto v = as<Imf::Chromaticities>(a)) return chromaticities(*v);
    if (auto v = as<Imf::TimeCode>(a)) return timeCodeText(*v);
    if (auto v = as<Imf::Rational>(a)) return rational(*v);
    if (auto v = as<Imf::KeyCode>(a)) return keyCode(*v);
    if (auto v = as<Imf::Compression>(a)) return imfCompressionName(*v);
    if (auto v = as<Imf::LineOrder>(a))
        return *v == Imf::INCREASING_Y ? "increasingY" : *v == Imf::DECREASING_Y ? "decreasingY"
                                                                                 : "randomY";
    if (auto v = as<Imf::Envmap>(a)) return *v == Imf::ENVMAP_LATLONG ? "latlong" : "cube";
    return {{"type", a.typeName()}};
}

}  // namespace tinct
