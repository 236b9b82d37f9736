// The render dialog: what to write and which frames, then the engine's render on its own thread.
#include <imgui.h>

#include <filesystem>

#include "app/gui/BackgroundRender.h"
#include "app/gui/MediaSource.h"
#include "app/gui/Panels.h"
#include "engine/Error.h"
#include "engine/graph/GradeCompiler.h"

namespace tinct {

namespace {

const char* const kCodecs[] = {"prores", "dnxhr", "h264", "hevc", "ffv1"};
const char* const kProresProfiles[] = {"proxy", "lt", "standard", "hq", "4444", "4444xq"};
const char* const kDnxhrProfiles[] = {"lb", "sq", "hq", "hqx", "444"};

bool isMovie(const std::string& path) {
    const std::string ext = std::filesystem::path(path).extension().string();
    return ext == ".mov" || ext == ".mxf" || ext == ".mp4" || ext == ".mkv";
}

template <size_t N>
void combo(const char* label, std::string& value, const char* const (&choices)[N]) {
    if (!ImGui::BeginCombo(label, value.c_str())) return;
    for (const char* c : choices)
        if (ImGui::Selectable(c, value == c)) value = c;
    ImGui::EndCombo();
}

}  // namespace

void startRequestedRender(StationState& state, BackgroundRender& render, const MediaSource& media) {
    if (!state.render.start) return;
    state.render.start = false;
    if (media.isSample()) throw Error("the sample footage lives in memory; open media (a file or a sequence) to render it");
    if (state.render.output.empty()) throw Error("render: give an output file or pattern");
    RenderSettings settings;
    settings.frames.inputPattern = media.path();
    settings.frames.outputPattern = state.render.output;
    if (!state.render.wholeClip) {
        const int last = state.clip.out < 0 ? media.frameCount() - 1 : state.clip.out;
        settings.frames.frames = FrameRange{int(media.frameNumber(state.clip.in)), int(media.frameNumber(last))};
    }
    settings.steps = compileGrade(state.editor.grade(), state.baseDirectory);
    settings.color = state.color;
    if (isMovie(state.render.output)) {
        settings.encode.codec = state.render.codec;
        if (state.render.codec == "prores" || state.render.codec == "dnxhr") settings.encode.profile = state.render.profile;
    }
    render.start(std::move(settings));
    state.notify("rendering to " + state.render.output);
}

void drawRenderDialog(StationState& state, BackgroundRender& render, const MediaSource& media) {
    RenderRequest& r = state.render;
    if (!r.open) return;
    if (r.output.empty() && !media.isSample())
        r.output = (std::filesystem::path(media.directory()) / "graded" / "graded.####.exr").string();
    ImGui::SetNextWindowSize({460, 0}, ImGuiCond_FirstUseEver);
    ImGui::Begin("Render", &r.open, ImGuiWindowFlags_NoCollapse);
    const bool busy = render.running();
    ImGui::BeginDisabled(busy);
    char output[1024];
    std::snprintf(output, sizeof output, "%s", r.output.c_str());
    if (ImGui::InputText("output", output, sizeof output)) r.output = output;
    ImGui::TextDisabled(".exr .dpx .tif .png sequences (####), or a .mov movie");
    if (isMovie(r.output)) {
        const std::string before = r.codec;
        combo("codec", r.codec, kCodecs);
        if (r.codec != before) r.profile = r.codec == "prores" ? "hq" : r.codec == "dnxhr" ? "hq" : "";
        if (r.codec == "prores") combo("profile", r.profile, kProresProfiles);
        if (r.codec == "dnxhr") combo("profile", r.profile, kDnxhrProfiles);
    }
    ImGui::Checkbox("whole clip (else in to out)", &r.wholeClip);
    if (ImGui::Button("Render")) r.start = true;
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!busy);
    if (ImGui::Button("Cancel")) render.cancel();
    ImGui::EndDisabled();
    const BackgroundRender::Status s = render.status();
    if (s.total > 0) ImGui::ProgressBar(float(s.done) / float(s.total), {-1, 0});
    if (!s.text.empty()) {
        if (s.failed) ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 110, 100, 255));
        ImGui::TextWrapped("%s", s.text.c_str());
        if (s.failed) ImGui::PopStyleColor();
    }
    ImGui::End();
}

}  // namespace tinct
