#!/usr/bin/env bash
# Installs every Debian package Tinct needs to build, run and test. Idempotent: packages already
# present are skipped, so a second run costs one dpkg query.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake pkg-config ninja-build
  # Vulkan: loader, headers, shader compilers, validation layers, lavapipe (CPU Vulkan), vulkaninfo
  libvulkan-dev glslc libshaderc-dev spirv-tools vulkan-validationlayers mesa-vulkan-drivers vulkan-tools
  # the station (GUI issue) and its tests under Xvfb
  libglfw3-dev libimgui-dev libstb-dev xvfb xauth
  # colour, images, movies
  libopencolorio-dev opencolorio-tools libopenexr-dev libimath-dev openexr libpng-dev
  libavformat-dev libavcodec-dev libavutil-dev libswscale-dev ffmpeg
  # report plots and contact sheets (`restore report`): cairo draws, its text in DejaVu
  libcairo2-dev fonts-dejavu-core
  # command line, JSON, tests; python3 regenerates the shipped LUTs and runs nothing at build time
  python3
  libcli11-dev nlohmann-json3-dev libgtest-dev libgmock-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

echo "setup: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
