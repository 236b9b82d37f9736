// The clip bar: play, pause, step, scrub, frame number and timecode, in and out points.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "app/gui/MediaSource.h"
#include "app/gui/Panels.h"

namespace tinct {

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
    // SMPTE non-drop timecode of the frame's position in the clip, at the clip's rate.
    const int fps = int(clip.fps + 0.5), n = clip.index;
    ImGui::Text("frame %d   %02d:%02d:%02d:%02d   in %d out %d   %s", int(media.frameNumber(clip.index)), n / (fps * 3600),
                n / (fps * 60) % 60, n / fps % 60, n % fps, int(media.frameNumber(clip.in)), int(media.frameNumber(out)),
                media.name().c_str());
    ImGui::SetNextItemWidth(-1);
    ImGui::SliderInt("##scrub", &clip.index, 0, std::max(last, 0), "");
    clip.index = std::clamp(clip.index, 0, std::max(last, 0));
    ImGui::End();
}

}  // namespace tinct
