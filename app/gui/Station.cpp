// The station's frame loop: input, panels, shortcuts and script actions change StationState; the
// engine turns the grade and colour settings into GPU programs; the window presents the result.
#include "app/gui/Station.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <OpenColorIO/OpenColorIO.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "app/gui/BackgroundRender.h"
#include "app/gui/BackgroundRepairCount.h"
#include "app/gui/MediaSource.h"
#include "app/gui/UploadedFrames.h"
#include "app/gui/NodeThumbnails.h"
#include "app/gui/Panels.h"
#include "app/gui/PixelProbe.h"
#include "app/gui/ScriptReplay.h"
#include "app/gui/StationWindow.h"
#include "app/gui/ViewerRenderer.h"
#include "engine/Error.h"
#include "engine/color/ColorConfig.h"
#include "engine/gpu/GpuContext.h"
#include "engine/graph/GradeCompiler.h"
#include "engine/graph/RepairOverlay.h"
#include "engine/io/AtomicOutput.h"
#include "engine/io/PngWriter.h"
#include "engine/nodes/QualifierPick.h"
#include "engine/scopes/ScopeJob.h"
#include "engine/scopes/ViewerAids.h"

namespace fs = std::filesystem;

namespace tinct {
namespace {

using Clock = std::chrono::steady_clock;

// What the programs were last built from; a difference means a rebuild.
struct BuiltFrom {
    Grade grade;
    std::string overlaid;  // with the repair overlay on: the node selected then (it may be the one shown)
    bool valid = false;
};

PointSteps calibrationSteps(const std::string& path) {
    if (path.empty()) return {};
    if (!fs::is_regular_file(path)) throw Error("calibration LUT " + path + ": no such file");
    Grade g;
    g.nodes.push_back(makeNode("lut", "calibration"));
    g.nodes[0].params.set("file", fs::absolute(path).string());
    return compileGrade(g, "");
}

// The qualifier picker's stroke, released: the node's ranges from what it sees at those pixels, the
// working-space image graded up to the node's input.
void applyQualifierPick(GpuContext& gpu, StationState& state, const ColorPlan& plan, MediaSource& media, int64_t number) {
    QualifierPicker& picker = *state.picker;
    const GradeNode* found = state.editor.grade().find(picker.node);
    if (!found || found->type != "qualifier") throw Error("the qualifier picker's node " + picker.node + " is gone");
    const GradeNode node = *found;  // the edit below replaces the grade `found` points into
    PointSteps upstream;
    if (!node.inputs.empty() && node.inputs[0] != kSourceInput) {
        Grade g = state.editor.grade();
        g.output = node.inputs[0];
        upstream = compileGrade(g, state.baseDirectory);
    }
    const auto samples = sampleThroughSteps(gpu, aroundGrade(upToWorking(plan), upstream), media.source(), number, picker.stroke);
    state.editor.setParams(node.id, pickQualifierRanges(node.params, samples, picker.extend),
                           picker.extend ? "extend the qualifier" : "pick the qualifier");
    state.notify("qualifier " + node.id + ": ranges from " + std::to_string(samples.size()) + " pixel(s)");
}

void handleShortcuts(StationState& state, const std::function<void()>& save) {
    const ImGuiIO& io = ImGui::GetIO();
    // A drag ends when the button is released: the next edit of the same control is a new undo step.
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) state.editor.endGesture();
    if (io.WantTextInput) return;
    auto pressed = [](int key) { return ImGui::IsKeyPressed(key, false); };
    try {
        if (io.KeyAlt && pressed(GLFW_KEY_S)) state.selected = state.editor.addNode("primaries", state.selected);
        if (io.KeyAlt && (pressed(GLFW_KEY_P) || pressed(GLFW_KEY_L))) {
            if (!state.editor.grade().find(state.selected)) state.selected = state.editor.addNode("primaries", "");
            state.selected = pressed(GLFW_KEY_P) ? state.editor.addParallel(state.selected) : state.editor.addLayer(state.selected);
        }
        if (io.KeyCtrl && pressed(GLFW_KEY_G)) state.grabStill();
        if (io.KeyCtrl && pressed(GLFW_KEY_R)) state.render.open = true;
        if (io.KeyCtrl && pressed(GLFW_KEY_D) && state.editor.grade().find(state.selected))
            state.editor.setBypass(state.selected, !state.editor.grade().find(state.selected)->bypass);
        if (io.KeyShift && !io.KeyCtrl && pressed(GLFW_KEY_D) && !state.editor.grade().nodes.empty()) {
            bool all = true;  // all bypassed: enable all; else bypass all (one edit, one undo)
            for (const auto& n : state.editor.grade().nodes) all = all && n.bypass;
            state.editor.setBypassAll(!all);
        }
        if (io.KeyCtrl && pressed(GLFW_KEY_Z)) {
            if (io.KeyShift) {
                if (state.editor.canRedo()) state.editor.redo();
            } else if (state.editor.canUndo()) {
                state.editor.undo();
            }
        }
        if (io.KeyCtrl && pressed(GLFW_KEY_S)) save();
        if (pressed(GLFW_KEY_SPACE)) state.clip.playing = !state.clip.playing;
        if (ImGui::IsKeyPressed(GLFW_KEY_LEFT)) state.clip.index = std::max(0, state.clip.index - 1);
        if (ImGui::IsKeyPressed(GLFW_KEY_RIGHT)) ++state.clip.index;  // clamped by the clip bar
        if (pressed(GLFW_KEY_F1)) state.showHelp = !state.showHelp;
        if (pressed(GLFW_KEY_ESCAPE)) state.picker.reset();
    } catch (const Error& e) {
        state.notify(e.what(), true);
    }
}

}  // namespace

void runStation(GpuContext& gpu, const StationOptions& o) {
    MediaSource media(gpu, o.media, o.sampleWidth, o.sampleHeight);
    const LoadedConfig config = loadConfig(o.color.config);
    StationState state;
    state.color = o.color;
    state.calibrationLut = o.calibrationLut;
    if (state.color.display.empty()) state.color.display = config.config->getDefaultDisplay();
    if (state.color.view.empty()) state.color.view = config.config->getDefaultView(state.color.display.c_str());
    state.gradePath = o.grade;
    state.baseDirectory = media.directory();
    if (!o.grade.empty()) {
        state.baseDirectory = fs::absolute(o.grade).parent_path().string();
        if (fs::exists(o.grade)) state.editor = GradeEditor(loadGrade(o.grade));
    }
    const std::string autosave = o.autosave.empty() ? autosavePathFor(o.grade) : o.autosave;
    if (fs::exists(autosave)) {
        if (o.recover) {
            state.editor = GradeEditor(loadGrade(autosave));
            state.notify("recovered the autosave " + autosave);
        } else {
            state.notify("an autosave from a session that did not end cleanly is at " + autosave +
                             "; File > Recover autosave opens it",
                         true);
        }
    }
    ScriptReplay script = o.script.empty() ? ScriptReplay() : ScriptReplay(o.script);

    StationWindow window(gpu, o.width, o.height, "Tinct", o.hdr10 ? SwapchainSignal::Hdr10 : SwapchainSignal::Sdr);
    state.swapchain = window.description();
    state.swapchainHdr10 = window.isHdr10();
    UploadedFrames frames(gpu, media);
    ViewerRenderer renderer(gpu, media, frames);
    NodeThumbnails thumbnails(gpu, media, frames);
    BackgroundRender backgroundRender;
    BackgroundRepairCount repairCount;
    int loadedIndex = -1;
    int64_t shownNumber = -1;
    Frame frame;  // the frame shown, for the picker's source values
    BuiltFrom built;
    bool changedLastFrame = false;
    ColorPlan plan;
    Grade autosaved = state.editor.grade();
    std::optional<std::array<int, 2>> probedPick;
    PickedValues picked;
    bool probeDirty = true;
    int extraFrames = 0, framesDone = 0;
    std::string pendingScreenshot;
    std::vector<double> latencies;
    std::optional<Clock::time_point> editStarted, lastPresented;
    std::vector<double> framesWhileBuilding;  // ms between presented frames while programs build

    auto save = [&](const std::string& path) {
        const std::string target = path.empty() ? state.gradePath : path;
        if (target.empty()) {
            state.notify("no grade file to save to: open the station with --grade FILE", true);
            return;
        }
        saveGrade(target, state.editor.grade());
        if (path.empty() || state.gradePath.empty()) state.gradePath = target;
        state.notify("saved " + target);
    };
    ScriptHooks hooks;
    hooks.save = save;
    hooks.screenshot = [&](const std::string& path) { pendingScreenshot = path; };
    hooks.oneToOne = [&](int w, int h) { oneToOneViewer(state.viewer, w, h); };
    hooks.startRender = [&] { startRequestedRender(state, backgroundRender, media); };
    hooks.waitRepairs = [&] {
        startRequestedRepairCount(state, repairCount, media);
        repairCount.wait();
        takeRepairCounts(state, repairCount);
        if (state.repairCounts.failed) throw Error(state.repairCounts.status);
    };
    hooks.jumpToRepair = [&](int direction) {
        const int index = repairedIndex(state, media, state.clip.index, direction);
        if (index < 0) throw Error(std::string("no frame with repairs ") + (direction > 0 ? "after" : "before") + " this one");
        state.clip.index = index;
    };
    hooks.waitRender = [&] {
        backgroundRender.wait();
        const auto status = backgroundRender.status();
        if (status.failed) throw Error(status.text);
        state.notify(status.text);
    };

    const int framesWanted = std::max(o.frames, o.screenshot.empty() && o.script.empty() ? 0 : 1);
    bool scriptFailed = false;
    while (!window.shouldClose()) {
        const bool building = renderer.building() || thumbnails.building();  // programs compiling in the background
        const bool busy = script.active() || framesWanted > 0 || state.clip.playing || extraFrames > 0 || building ||
                          !o.benchJson.empty();
        window.beginFrame(busy ? 0 : 0.05, script.mouse());

        // A script's time is the frames it steps in, and it waits out background builds: playing under
        // a script waits with it, so a scripted "wait" plays the same frames however long a build takes.
        if (state.clip.playing && !(script.active() && building)) {
            const int last = state.clip.out < 0 ? media.frameCount() - 1 : state.clip.out;
            state.clip.index = state.clip.index >= last ? state.clip.in : state.clip.index + 1;
        }
        state.clip.index = std::clamp(state.clip.index, 0, media.frameCount() - 1);
        if (state.clip.index != loadedIndex) {
            try {
                shownNumber = media.frameNumber(state.clip.index);
                frame = media.frame(shownNumber);
                renderer.showFrame(shownNumber);
                if (auto failed = thumbnails.showFrame(shownNumber); !failed.empty()) state.notify("grade: " + failed, true);
                state.thumbnailAspect = float(frame.height) / float(frame.width);
                probeDirty = true;
            } catch (const Error& e) {
                state.notify(e.what(), true);
                state.clip.playing = false;
            }
            loadedIndex = state.clip.index;
        }

        // The motion overlay's field, once per frame shown: to the next frame (at the clip's last
        // frame, from the one before, turned round).
        if (state.viewer.motionOverlay && state.motionFrom != shownNumber && frame.width > 0) {
            state.motionField = {};
            state.motionFrom = shownNumber;
            const bool last = state.clip.index + 1 >= media.frameCount();
            const int other = last ? state.clip.index - 1 : state.clip.index + 1;
            try {
                if (other >= 0) {  // `frame` is the loop's own copy: the media's next frame() leaves it be
                    state.motionField = probeMotion(gpu, frame, media.frame(media.frameNumber(other)), 32);
                    if (last)
                        for (MotionBlock& b : state.motionField.blocks) b.dx = -b.dx, b.dy = -b.dy;
                }
            } catch (const Error& e) {
                state.notify(std::string("motion: ") + e.what(), true);
            }
        }

        ImGui::BeginMainMenuBar();
        if (ImGui::BeginMenu("File")) {
            if (ImGui::MenuItem("Save grade", "Ctrl+S")) save("");
            if (ImGui::MenuItem("Recover autosave", nullptr, false, fs::exists(autosave))) {
                try {
                    state.editor.replaceGrade(loadGrade(autosave), "recover autosave");
                    state.notify("recovered the autosave " + autosave);
                } catch (const Error& e) {
                    state.notify(e.what(), true);
                }
            }
            if (ImGui::MenuItem("Render...", "Ctrl+R")) state.render.open = true;
            if (ImGui::MenuItem("Quit")) window.requestClose();
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("Edit")) {
            if (ImGui::MenuItem(("Undo " + state.editor.undoLabel()).c_str(), "Ctrl+Z", false, state.editor.canUndo()))
                state.editor.undo();
            if (ImGui::MenuItem(("Redo " + state.editor.redoLabel()).c_str(), "Ctrl+Shift+Z", false, state.editor.canRedo()))
                state.editor.redo();
            ImGui::EndMenu();
        }
        drawColourMenu(state, config);
        if (ImGui::BeginMenu("Stills")) {
            if (ImGui::MenuItem("Grab still", "Ctrl+G")) state.grabStill();
            if (ImGui::MenuItem("Wipe against the source", nullptr, state.wipeStill < 0)) state.wipeAgainst(-1);
            for (int i = 0; i < int(state.stills.size()); ++i) {
                const Still& still = state.stills[size_t(i)];
                if (ImGui::BeginMenu((still.label + "  (frame " + std::to_string(still.frameIndex + 1) + ")").c_str())) {
                    if (ImGui::MenuItem("Wipe against", nullptr, state.wipeStill == i)) state.wipeAgainst(i);
                    if (ImGui::MenuItem("Apply its grade")) state.applyStill(i);
                    ImGui::EndMenu();
                }
            }
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("Help")) {
            if (ImGui::MenuItem("Keyboard", "F1")) state.showHelp = true;
            ImGui::EndMenu();
        }
        if (!state.message.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, state.messageIsError ? IM_COL32(255, 110, 100, 255) : IM_COL32(160, 220, 160, 255));
            ImGui::TextUnformatted(state.message.c_str());
            ImGui::PopStyleColor();
        }
        ImGui::EndMainMenuBar();

        // A script waits for programs building in the background, so what it checks next (a
        // screenshot, a pick) shows its last edit, as a person would wait to see it.
        if (script.active() && !building) {
            state.sourceReads = media.reads();
            const auto before = state.editor.grade();
            try {
                script.step(state, hooks, renderer.width(), renderer.height());
            } catch (const Error& e) {
                state.notify(e.what(), true);
                std::fprintf(stderr, "tinct: error: %s\n", e.what());
                scriptFailed = true;
                window.requestClose();
            }
            if (!(state.editor.grade() == before)) editStarted = Clock::now();
            state.clip.index = std::clamp(state.clip.index, 0, media.frameCount() - 1);
        }

        if (state.picker && state.picker->strokeDone) {
            try {
                applyQualifierPick(gpu, state, plan, media, shownNumber);
            } catch (const Error& e) {
                state.notify(e.what(), true);
            }
            state.picker->stroke.clear();
            state.picker->strokeDone = false;
        }

        // Rebuild what changed: colour settings, aids or the grade. A grade that cannot compile (a LUT
        // that does not load) keeps the last good picture and says why.
        const bool gradeChanged = !built.valid || !(built.grade == state.editor.grade()) ||
                                  (state.viewer.repairOverlay && built.overlaid != state.selected);
        const bool dragging = gradeChanged && changedLastFrame;  // edits in consecutive frames
        changedLastFrame = gradeChanged;
        if (state.colourChanged || gradeChanged || state.stillChanged) {
            try {
                plan = planColor(state.color, [&] { return media.chromaticities(); });
                if (state.colourChanged)
                    for (const auto& warning : plan.warnings) state.notify("warning: " + warning);
                int overlaid = 0;
                const PointSteps grade = compileGrade(
                    state.viewer.repairOverlay ? withRepairOverlay(state.editor.grade(), state.selected, &overlaid) : state.editor.grade(),
                    state.baseDirectory);
                if (state.viewer.repairOverlay && overlaid == 0) state.notify("repairs: the grade has no dust, scratch or dead_pixels node");
                const PointSteps calibration = calibrationSteps(state.calibrationLut);
                ViewerPrograms programs;
                programs.signal = aroundGrade(plan, grade);
                // The wipe's other side: the ungraded source, or a still's grade on the still's frame.
                const Still* still = state.wipeStill >= 0 && state.wipeStill < int(state.stills.size())
                                         ? &state.stills[size_t(state.wipeStill)] : nullptr;
                programs.reference = aroundGrade(plan, still ? compileGrade(still->grade, state.baseDirectory) : PointSteps{});
                if (state.stillChanged)
                    renderer.setReferenceFrame(still && still->frameIndex != state.clip.index
                                                   ? std::optional<int64_t>(media.frameNumber(still->frameIndex))
                                                   : std::nullopt);
                // The range warning reads the display signal, so it comes before the calibration LUT.
                if (state.viewer.gamutWarning) programs.aids.push_back(std::make_shared<RangeWarningStep>());
                programs.aids.insert(programs.aids.end(), calibration.begin(), calibration.end());
                if (state.viewer.falseColour) programs.aids.push_back(std::make_shared<FalseColourStep>());
                renderer.setPrograms(programs);
                if (state.colourChanged) {
                    ScopeOptions scope;
                    scope.kinds = {state.scopeKind};
                    scope.width = 512;
                    scope.height = 256;
                    describeSignal(plan, media.chromaticities(), scope, true);
                    renderer.setScope(scope);
                    if (state.swapchainHdr10) checkHdr10Display(state, config);
                }
                if (state.messageIsError && state.message.rfind("grade:", 0) == 0) state.notify("");
                const std::string failed = thumbnails.setGrade(state.editor.grade(), plan, state.baseDirectory, state.colourChanged);
                if (!failed.empty()) state.notify("grade: " + failed, true);
            } catch (const Error& e) {
                state.notify(std::string("grade: ") + e.what(), true);
            }
            built.grade = state.editor.grade();
            built.overlaid = state.selected;
            built.valid = true;
            state.colourChanged = state.stillChanged = false;
            probeDirty = true;
        }

        if (auto failed = renderer.poll()) state.notify("grade: " + *failed, true);
        if (auto failed = thumbnails.poll(); !failed.empty()) state.notify("grade: " + failed, true);

        const StationLayout layout = StationLayout::forWindow(float(window.width()), float(window.height()));
        drawViewerPanel(state, layout.viewer, renderer.width(), renderer.height(), picked);
        drawClipBar(state, layout.clipBar, media);
        drawNodeEditor(state, layout.nodes);
        drawInspector(state, layout.inspector);
        drawScopesPanel(state, layout.scopes);
        drawHelpPanel(state);
        drawRenderDialog(state, backgroundRender, media);
        try {
            startRequestedRender(state, backgroundRender, media);
        } catch (const Error& e) {
            state.notify(e.what(), true);
        }
        try {
            startRequestedRepairCount(state, repairCount, media);
        } catch (const Error& e) {
            state.notify(e.what(), true);
        }
        takeRepairCounts(state, repairCount);
        handleShortcuts(state, [&] {
            try {
                save("");
            } catch (const Error& e) {
                state.notify(e.what(), true);
            }
        });

        renderer.setPick(state.viewer.pick);
        renderer.setViewScale(state.viewer.scale, dragging);
        CompositeLayout composite;
        const ViewerState& v = state.viewer;
        composite.viewX = v.areaX, composite.viewY = v.areaY, composite.viewW = v.areaW, composite.viewH = v.areaH;
        composite.originX = v.originX, composite.originY = v.originY, composite.scale = v.scale;
        if (v.wipe) composite.wipe = v.wipePosition * renderer.width();
        composite.scopeX = state.scopeArea[0], composite.scopeY = state.scopeArea[1];
        composite.scopeW = state.scopeArea[2], composite.scopeH = state.scopeArea[3];

        ++framesDone;
        const bool lastFrame = !script.active() && !renderer.building() && thumbnails.settled() && framesDone >= framesWanted &&
                               framesWanted > 0 && extraFrames == 0;
        WindowPixels pixels;
        const bool capture = !pendingScreenshot.empty() || (lastFrame && !o.screenshot.empty());
        window.endFrame(
            [&](VkCommandBuffer cmd) {
                renderer.record(cmd, composite, window.background(), window.width(), window.height(),
                                window.format());
                thumbnails.record(cmd, state.nodeCanvas, state.nodeThumbnails, window.background(), window.width(),
                                  window.height(), window.format());
            },
            capture ? &pixels : nullptr);
        extraFrames = std::max(0, extraFrames - 1);
        if (renderer.afterFrame()) extraFrames = 1;  // the new scope image shows in the next frame
        // Edit to screen: the first presented frame that shows the edit (after a background build,
        // for a structure edit). Frames presented meanwhile show the UI stays live.
        const auto now = Clock::now();
        if (editStarted && renderer.building() && lastPresented)
            framesWhileBuilding.push_back(std::chrono::duration<double, std::milli>(now - *lastPresented).count());
        if (editStarted && !renderer.building()) {
            latencies.push_back(std::chrono::duration<double, std::milli>(now - *editStarted).count());
            editStarted.reset();
        }
        lastPresented = now;
        if (capture && pixels.width > 0) {
            const std::string path = pendingScreenshot.empty() ? o.screenshot : pendingScreenshot;
            writePng(path, pixels.width, pixels.height, pixels.rgba);
            pendingScreenshot.clear();
        }

        // Picker: the source value from the frame in memory, the working value through the grade's
        // own steps on the GPU, the display value read back from the viewer's signal.
        if (state.viewer.pick && renderer.hasSource() && (probeDirty || probedPick != state.viewer.pick)) {
            const auto [x, y] = *state.viewer.pick;
            if (x < frame.width && y < frame.height) {
                const float* p = &frame.rgba[(size_t(y) * frame.width + x) * 4];
                picked.source = {p[0], p[1], p[2], p[3]};
                try {
                    const auto values = sampleThroughSteps(gpu, aroundGrade(upToWorking(plan), compileGrade(state.editor.grade(), state.baseDirectory)),
                                                           media.source(), shownNumber, {{x, y}});
                    if (!values.empty()) picked.working = values.front();
                } catch (const Error& e) {
                    state.notify(e.what(), true);
                }
                probedPick = state.viewer.pick;
                probeDirty = false;
                extraFrames = std::max(extraFrames, 1);
            }
        }
        if (auto d = renderer.pickedSignal()) {
            picked.display = *d;
            picked.valid = state.viewer.pick.has_value();
        }

        if (!(autosaved == state.editor.grade())) {
            try {
                const fs::path parent = fs::path(autosave).parent_path();
                if (!parent.empty()) fs::create_directories(parent);
                saveGrade(autosave, state.editor.grade());
                autosaved = state.editor.grade();
            } catch (const Error& e) {
                state.notify(std::string("autosave failed: ") + e.what(), true);
            }
        }
        if (lastFrame) break;
    }

    if (!o.benchJson.empty()) {
        nlohmann::json j;
        j["latency_ms"] = latencies;
        j["frame_ms_while_building"] = framesWhileBuilding;
        j["proxy_factor"] = renderer.proxyFactor();
        j["image"] = {renderer.width(), renderer.height()};
        j["window"] = {window.width(), window.height()};
        j["device"] = gpu.description().name;
        j["thumbnail_programs"] = {{"built", thumbnails.counts().built}, {"updated", thumbnails.counts().updated}};
        j["thumbnails_rendered"] = thumbnails.counts().rendered;
        j["source_reads"] = media.reads();
        writeTextAtomically(o.benchJson, j.dump(2) + "\n");
    }
    // A clean end: the autosave is no longer needed for recovery.
    std::error_code ec;
    fs::remove(autosave, ec);
    if (scriptFailed) throw Error("the script stopped at an action that failed");
}

}  // namespace tinct
