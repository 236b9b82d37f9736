// The clip bar: play, pause, step, scrub, frame number and timecode, in and out points; the repairs
// per frame of the grade's restoration nodes, counted on request, and jumps to the next repaired frame.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "app/gui/BackgroundRepairCount.h"
#include "app/gui/MediaSource.h"
#include "app/gui/Panels.h"
#include "engine/Error.h"
#include "engine/graph/GradeCompiler.h"
#include "engine/kernel/FrameStep.h"

namespace tinct {

int repairedIndex(const StationState& state, const MediaSource& media, int from, int direction) {
    const auto& repairs = state.repairCounts.repairs;
    for (int i = from + direction; i >= 0 && i < media.frameCount(); i += direction)
        if (auto at = repairs.find(media.frameNumber(i)); at != repairs.end() && at->second > 0) return i;
    return -1;
}

void startRequestedRepairCount(StationState& state, BackgroundRepairCount& count, const MediaSource& media) {
    RepairCounts& r = state.repairCounts;
    if (!r.start) return;
    r.start = false;
    if (media.isSample()) throw Error("the sample footage lives in memory; open media (a file or a sequence) to count its repairs");
    RepairScanSettings settings;
    settings.input = media.path();
    settings.steps = compileGrade(state.editor.grade(), state.baseDirectory, &settings.repairNodes);
    settings.color = state.color;
    const bool repairs = std::any_of(settings.repairNodes.begin(), settings.repairNodes.end(), [](const auto& step) {
        return step.first->frameStep() && step.first->frameStep()->repairs();
    });
    if (!repairs) throw Error("repairs: the grade has no dust, scratch, dead_pixels or frame_repair node");
    r.repairs.clear();
    r.grade = state.editor.grade();
    r.color = state.color;
    r.begun = r.running = true;
    count.start(std::move(settings));
}

void takeRepairCounts(StationState& state, const BackgroundRepairCount& count) {
    RepairCounts& r = state.repairCounts;
    if (!r.begun) return;
    auto status = count.status();
    r.repairs = std::move(status.repairs);
    r.status = status.text;
    r.failed = status.failed;
    r.done = status.done, r.total = status.total;
    const bool ended = r.running && !count.running();
    r.running = count.running();
    if (ended) state.notify(r.status, r.failed);
    // What the nodes see: the grade, and the colour settings before it.
    const ColorRequest& c = state.color;
    r.stale = !(r.grade == state.editor.grade()) || c.config != r.color.config || c.input != r.color.input ||
              c.working != r.color.working;
}

namespace {

// Over the scrub bar: a tick per repaired frame, its height the frame's repairs against the most.
void drawRepairTicks(const StationState& state, const MediaSource& media, ImVec2 min, ImVec2 max) {
    const auto& repairs = state.repairCounts.repairs;
    uint64_t most = 0;
    for (const auto& [number, count] : repairs) most = std::max(most, count);
    if (most == 0 || media.frameCount() == 0) return;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 colour = state.repairCounts.stale ? IM_COL32(140, 140, 140, 200) : IM_COL32(255, 150, 40, 230);
    const float width = max.x - min.x, height = max.y - min.y - 2;
    for (int i = 0; i < media.frameCount(); ++i) {
        const auto at = repairs.find(media.frameNumber(i));
        if (at == repairs.end() || at->second == 0) continue;
        const float x = min.x + (float(i) + 0.5f) / float(media.frameCount()) * width;
        const float h = std::max(2.0f, height * float(at->second) / float(most));
        draw->AddRectFilled({x - 1, max.y - 1 - h}, {x + 1, max.y - 1}, colour);
    }
}

}  // namespace

void drawClipBar(StationState& state, const PanelRect& rect, const MediaSource& media) {
    ClipState& clip = state.clip;
    const int last = media.frameCount() - 1;
    const int out = clip.out < 0 ? last : std::min(clip.out, last);
    ImGui::SetNextWindowPos({rect.x, rect.y});
    ImGui::SetNextWindowSize({rect.w, rect.h});
    ImGui::Begin("Clip", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                       ImGuiWindowFlags_NoTitleBar);
    if (ImGui::Button("|<")) clip.index = clip.in;
    ImGui::SameLine();
    if (ImGui::Button("<")) clip.index = std::max(clip.in, clip.index - 1);
    ImGui::SameLine();
    if (ImGui::Button(clip.playing ? "Pause" : "Play")) clip.playing = !clip.playing;
    ImGui::SameLine();
    if (ImGui::Button(">")) clip.index = std::min(out, clip.index + 1);
    ImGui::SameLine();
    if (ImGui::Button(">|")) clip.index = out;
    ImGui::SameLine();
    if (ImGui::Button("In")) clip.in = clip.index;
    ImGui::SameLine();
    if (ImGui::Button("Out")) clip.out = clip.index;
    ImGui::SameLine();
    // The count's progress or outcome on the button itself, the clip bar's text being full already.
    const RepairCounts& counts = state.repairCounts;
    if (counts.failed) ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 110, 100, 255));
    const std::string label = counts.running ? "Repairs " + std::to_string(counts.done) + "/" + std::to_string(counts.total)
                                             : counts.stale ? "Repairs*" : "Repairs";
    if (ImGui::Button((label + "###repairs").c_str())) state.repairCounts.start = true;
    if (counts.failed) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s%s", counts.status.empty() ? "count what the grade's dust, scratch and dead_pixels nodes repair in each frame of the clip"
                                                        : counts.status.c_str(),
                          counts.stale ? "\n* the grade changed since: press to count again" : "");
    ImGui::SameLine();
    if (ImGui::Button("<R") && repairedIndex(state, media, clip.index, -1) >= 0) clip.index = repairedIndex(state, media, clip.index, -1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("the previous frame with repairs");
    ImGui::SameLine();
    if (ImGui::Button("R>") && repairedIndex(state, media, clip.index, 1) >= 0) clip.index = repairedIndex(state, media, clip.index, 1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("the next frame with repairs");
    ImGui::SameLine();
    // SMPTE non-drop timecode of the frame's position in the clip, at the clip's rate.
    const int fps = int(clip.fps + 0.5), n = clip.index;
    const auto repairs = counts.repairs.find(media.frameNumber(clip.index));
    const std::string repaired = repairs == counts.repairs.end() ? "" : "  " + std::to_string(repairs->second) + " repairs";
    ImGui::Text("frame %d%s   %02d:%02d:%02d:%02d   in %d out %d   %s", int(media.frameNumber(clip.index)), repaired.c_str(),
                n / (fps * 3600), n / (fps * 60) % 60, n / fps % 60, n % fps, int(media.frameNumber(clip.in)),
                int(media.frameNumber(out)), media.name().c_str());
    ImGui::SetNextItemWidth(-1);
    ImGui::SliderInt("##scrub", &clip.index, 0, std::max(last, 0), "");
    drawRepairTicks(state, media, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    clip.index = std::clamp(clip.index, 0, std::max(last, 0));
    ImGui::End();
}

}  // namespace tinct
