#pragma once
// The mouse as a script drives it: where it is and which buttons are held this frame. The window
// puts it in place of the real mouse after the backend reads GLFW, so ImGui's own hover, click and
// drag logic runs exactly as for a person.
namespace tinct {

struct ScriptedMouse {
    float x = 0, y = 0;           // window pixels
    bool down[3] = {false, false, false};  // left, right, middle
    float wheel = 0;              // notches this frame, up positive
};

}  // namespace tinct
