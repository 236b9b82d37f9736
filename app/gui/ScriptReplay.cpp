#include "app/gui/ScriptReplay.h"

#include <algorithm>
#include <fstream>

#include "app/gui/Panels.h"
#include "engine/Error.h"
#include "engine/io/AtomicOutput.h"
#include "engine/nodes/NodeTypes.h"

namespace tinct {
namespace {

std::array<float, 2> windowPoint(const nlohmann::json& p, const StationState& state) {
    if (p.is_array()) return {p.at(0).get<float>(), p.at(1).get<float>()};
    if (p.contains("image")) {
        const ViewerState& v = state.viewer;
        const auto& i = p.at("image");
        return {v.areaX + (i.at(0).get<float>() - v.originX) * v.scale, v.areaY + (i.at(1).get<float>() - v.originY) * v.scale};
    }
    const std::string key = p.at("node").get<std::string>() + ":" + p.value("pin", std::string("body"));
    const auto it = state.nodePoints.find(key);
    if (it == state.nodePoints.end()) throw Error("the node editor shows no " + key);
    return it->second;
}

int buttonIndex(const nlohmann::json& a) {
    const std::string b = a.value("button", std::string("left"));
    if (b == "left") return 0;
    if (b == "right") return 1;
    if (b == "middle") return 2;
    throw Error("unknown button '" + b + "' (left, right, middle)");
}

}  // namespace

ScriptReplay::ScriptReplay(const std::string& path) : path_(path) {
    std::ifstream in(path);
    if (!in) throw Error(path + ": cannot open the script");
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw Error(path + ": not JSON: " + e.what());
    }
    if (!json.is_array()) throw Error(path + ": a script is a JSON array of actions");
    for (auto& a : json) {
        if (!a.is_object() || !a.contains("action")) throw Error(path + ": every action is an object with \"action\"");
        actions_.push_back(a);
    }
}

void ScriptReplay::step(StationState& state, const ScriptHooks& hooks, int imageW, int imageH) {
    if (waiting_ > 0) {
        --waiting_;
        return;
    }
    if (!mouseFrames_.empty()) {
        mouse_ = mouseFrames_.front();
        mouseFrames_.pop_front();
        return;
    }
    if (holding_ || next_ >= actions_.size()) return;
    const nlohmann::json& a = actions_[next_];
    const std::string where = path_ + ": action " + std::to_string(next_ + 1);
    ++next_;
    try {
        const std::string kind = a.at("action");
        auto node = [&]() -> std::string { return a.contains("node") ? a.at("node").get<std::string>() : state.selected; };
        if (kind == "add_node") {
            state.selected = state.editor.addNode(a.at("type"), state.selected);
        } else if (kind == "add_parallel" || kind == "add_layer") {
            const std::string type = a.value("type", "primaries");
            state.selected = kind == "add_parallel" ? state.editor.addParallel(node(), type) : state.editor.addLayer(node(), type);
        } else if (kind == "add_matte") {
            state.selected = state.editor.addMatte(node(), a.at("type"));
        } else if (kind == "render") {
            state.render.open = true;  // the dialog shows the progress, as for a person
            state.render.output = a.at("output");
            state.render.codec = a.value("codec", state.render.codec);
            state.render.profile = a.value("profile", state.render.profile);
            state.render.wholeClip = a.value("whole_clip", true);
            state.render.start = true;
            hooks.startRender();
        } else if (kind == "wait_render") {
            hooks.waitRender();
        } else if (kind == "count_repairs") {
            state.repairCounts.start = true;
        } else if (kind == "wait_repairs") {
            hooks.waitRepairs();
        } else if (kind == "next_repair") {
            state.clip.playing = false;
            hooks.jumpToRepair(a.value("by", 1) < 0 ? -1 : 1);
        } else if (kind == "grab_still") {
            state.grabStill();
        } else if (kind == "wipe_still") {
            state.wipeAgainst(a.value("index", 1) - 1);
        } else if (kind == "apply_still") {
            state.applyStill(a.value("index", 1) - 1);
        } else if (kind == "select") {
            state.selected = node();
        } else if (kind == "set_param" || kind == "move_wheel") {
            const GradeNode* n = state.editor.grade().find(node());
            if (!n) throw Error("no node '" + node() + "'");
            const NodeType* type = findNodeType(n->type);
            const std::string name = a.at("param");
            const ParamDecl* decl = nullptr;
            for (const auto& d : type->params)
                if (d.name == name) decl = &d;
            if (!decl) throw Error("node type " + n->type + " has no parameter '" + name + "'");
            const nlohmann::json& value = kind == "move_wheel" ? a.at("rgbm") : a.at("value");
            state.editor.setParam(n->id, name, paramFromJson(*decl, value, where));
        } else if (kind == "remove_node") {
            const std::string id = node();
            if (state.selected == id) state.selected.clear();
            state.editor.removeNode(id);
        } else if (kind == "bypass") {
            state.editor.setBypass(node(), a.value("on", true));
        } else if (kind == "undo") {
            state.editor.undo();
        } else if (kind == "redo") {
            state.editor.redo();
        } else if (kind == "save") {
            hooks.save(a.value("path", std::string()));
        } else if (kind == "frame") {
            state.clip.index = a.at("index");
        } else if (kind == "play" || kind == "pause") {  // as the Space key
            state.clip.playing = kind == "play";
        } else if (kind == "step") {  // as the arrow keys: frames forward (> 0) or back
            state.clip.playing = false;
            state.clip.index = std::max(0, state.clip.index + a.value("by", 1));  // the station clamps the end
        } else if (kind == "wipe") {
            state.viewer.wipe = a.value("on", true);
            state.viewer.wipePosition = a.value("position", state.viewer.wipePosition);
        } else if (kind == "gamut_warning") {
            state.viewer.gamutWarning = a.value("on", true);
            state.colourChanged = true;
        } else if (kind == "repair_overlay") {
            state.viewer.repairOverlay = a.value("on", true);
            state.colourChanged = true;
        } else if (kind == "motion_overlay") {
            state.viewer.motionOverlay = a.value("on", true);
        } else if (kind == "false_colour") {
            state.viewer.falseColour = a.value("on", true);
            state.colourChanged = true;
        } else if (kind == "zoom") {
            if (a.contains("scale")) {  // window pixels per image pixel, the image centred
                ViewerState& v = state.viewer;
                v.fit = false;
                v.scale = a.at("scale").get<float>();
                v.originX = imageW / 2.0f - v.areaW / (2 * v.scale);
                v.originY = imageH / 2.0f - v.areaH / (2 * v.scale);
            } else if (a.at("mode") == "1:1") {
                hooks.oneToOne(imageW, imageH);
            } else {
                state.viewer.fit = true;
            }
        } else if (kind == "pick") {
            state.viewer.pick = std::array<int, 2>{a.at("x").get<int>(), a.at("y").get<int>()};
        } else if (kind == "scope") {
            state.scopeKind = parseScopeKinds(a.at("kind")).at(0);
            state.colourChanged = true;
        } else if (kind == "display") {
            state.color.display = a.at("display");
            state.color.view = a.value("view", std::string());
            state.colourChanged = true;
        } else if (kind == "wait") {
            waiting_ = std::max(0, a.at("frames").get<int>() - 1);
        } else if (kind == "screenshot") {
            hooks.screenshot(a.at("path"));
        } else if (kind == "drag" || kind == "click" || kind == "hover" || kind == "scroll") {
            // Frames: arrive (hover), press, move in steps, release: ImGui sees a press on the item
            // under the cursor, a drag past its threshold, and the release where it ends.
            const auto from = windowPoint(kind == "drag" ? a.at("from") : a.at("at"), state);
            const auto to = kind == "drag" ? windowPoint(a.at("to"), state) : from;
            const int button = buttonIndex(a);
            ScriptedMouse m;
            m.x = from[0], m.y = from[1];
            mouseFrames_.push_back(m);
            if (kind == "scroll") {
                m.wheel = a.value("wheel", 1.0f);
                mouseFrames_.push_back(m);
                m.wheel = 0;
            }
            if (kind == "click" || kind == "drag") {
                m.down[button] = true;
                mouseFrames_.push_back(m);
                const int steps = kind == "drag" ? std::max(1, a.value("steps", 8)) : 0;
                for (int k = 1; k <= steps; ++k) {
                    m.x = from[0] + (to[0] - from[0]) * k / steps;
                    m.y = from[1] + (to[1] - from[1]) * k / steps;
                    mouseFrames_.push_back(m);
                }
                m.down[button] = false;
            }
            mouseFrames_.push_back(m);
            mouse_ = mouseFrames_.front();
            mouseFrames_.pop_front();
        } else if (kind == "qualifier_picker") {  // as the inspector's Pick / Pick + buttons; "on": false disarms
            if (a.value("on", true))
                state.picker = QualifierPicker{node(), a.value("extend", false)};
            else
                state.picker.reset();
        } else if (kind == "dump_layout") {
            // Where the node editor drew its boxes, pins and thumbnails last frame, for tests that
            // read a screenshot at those places.
            nlohmann::json j;
            j["node_points"] = state.nodePoints;
            j["node_thumbnails"] = state.nodeThumbnails;
            j["node_canvas"] = state.nodeCanvas;
            j["frame_index"] = state.clip.index;
            const ViewerState& v = state.viewer;  // image pixel (x, y) is at area + (x - origin) * scale
            j["viewer"] = {{"area", {v.areaX, v.areaY, v.areaW, v.areaH}}, {"origin", {v.originX, v.originY}}, {"scale", v.scale}};
            j["source_reads"] = state.sourceReads;
            j["repair_counts"] = nlohmann::json::object();  // frame number -> repairs
            for (const auto& [number, count] : state.repairCounts.repairs) j["repair_counts"][std::to_string(number)] = count;
            j["repair_status"] = state.repairCounts.status;
            j["repairs_stale"] = state.repairCounts.stale;
            if (state.viewer.motionOverlay) {  // the overlay's blocks: centre, motion, consistency miss
                nlohmann::json blocks = nlohmann::json::array();
                for (const MotionBlock& b : state.motionField.blocks) blocks.push_back({b.x, b.y, b.dx, b.dy, b.miss});
                j["motion"] = {{"from", state.motionFrom}, {"blocks", blocks}};
            }
            writeTextAtomically(a.at("path").get<std::string>(), j.dump(2) + "\n");
        } else if (kind == "hold") {
            holding_ = true;
        } else {
            throw Error("unknown action '" + kind + "'");
        }
    } catch (const nlohmann::json::exception& e) {
        throw Error(where + ": " + e.what());
    } catch (const Error& e) {
        const std::string what = e.what();
        throw Error(what.rfind(path_, 0) == 0 ? what : where + ": " + what);
    }
}

}  // namespace tinct
