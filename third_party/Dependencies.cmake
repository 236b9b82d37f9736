# Turns the Debian packages Tinct builds on into CMake targets. No sources are copied here.
find_package(Vulkan REQUIRED COMPONENTS glslc)
find_package(OpenEXR 3.1 REQUIRED)
find_package(Imath REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(Threads REQUIRED)
find_package(PNG REQUIRED)
find_package(PkgConfig REQUIRED)

# Debian's OpenColorIO puts its CMake config outside the search path; its pkg-config file is reliable.
pkg_check_modules(OCIO REQUIRED IMPORTED_TARGET OpenColorIO>=2.1)
add_library(tinct::ocio ALIAS PkgConfig::OCIO)

# shaderc (GLSL -> SPIR-V at run time, for kernels generated from snippets and OCIO shader text).
# Debian 12's libshaderc.so leaves glslang symbols unresolved, and its "combined" archive still
# needs SPIRV-Tools beside it, so the static archives are linked together.
find_package(SPIRV-Tools-opt REQUIRED)
find_library(SHADERC_COMBINED shaderc_combined REQUIRED)
set(TINCT_GLSLANG_LIBS)
foreach(lib glslang SPIRV MachineIndependent GenericCodeGen OSDependent OGLCompiler HLSL)
  find_library(GLSLANG_${lib} NAMES lib${lib}.a REQUIRED)
  list(APPEND TINCT_GLSLANG_LIBS ${GLSLANG_${lib}})
endforeach()
string(REPLACE ";" "," TINCT_GLSLANG_LIBS_COMMA "${TINCT_GLSLANG_LIBS}")
add_library(tinct_shaderc INTERFACE)
# The archives refer to each other in cycles; a link group resolves them in any order.
target_link_libraries(tinct_shaderc INTERFACE
  "$<LINK_GROUP:RESCAN,${SHADERC_COMBINED},${TINCT_GLSLANG_LIBS_COMMA}>" SPIRV-Tools-opt SPIRV-Tools-static Threads::Threads)
add_library(tinct::shaderc ALIAS tinct_shaderc)

# Dear ImGui for the station: Debian's libimgui-dev is a static archive that already holds the GLFW
# and Vulkan backends (imgui_impl_glfw, imgui_impl_vulkan); its font code uses Debian's libstb.
pkg_check_modules(GLFW REQUIRED IMPORTED_TARGET glfw3>=3.3)
pkg_check_modules(STB REQUIRED IMPORTED_TARGET stb)
find_path(IMGUI_INCLUDE_DIR imgui.h PATH_SUFFIXES imgui REQUIRED)
find_library(IMGUI_LIBRARY NAMES libimgui.a imgui REQUIRED)
add_library(tinct_imgui INTERFACE)
target_include_directories(tinct_imgui INTERFACE ${IMGUI_INCLUDE_DIR} ${IMGUI_INCLUDE_DIR}/backends)
target_link_libraries(tinct_imgui INTERFACE ${IMGUI_LIBRARY} PkgConfig::STB PkgConfig::GLFW Vulkan::Vulkan)
add_library(tinct::imgui ALIAS tinct_imgui)

# FFmpeg's libraries read and write movies and scans (engine/media). swscale is not linked: colour
# conversion runs on the GPU, and swscale serves only as an oracle inside the ffmpeg program in tests.
pkg_check_modules(LIBAV REQUIRED IMPORTED_TARGET libavformat libavcodec libavutil)
add_library(tinct::libav ALIAS PkgConfig::LIBAV)

# cairo draws the plots and contact sheets of `restore report` (lines, bars, text) into images.
pkg_check_modules(CAIRO REQUIRED IMPORTED_TARGET cairo)
add_library(tinct::cairo ALIAS PkgConfig::CAIRO)
