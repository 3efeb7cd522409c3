#!/usr/bin/env bash
# Installs every Debian package needed to build, test and run ArchLens.
# Idempotent: apt-get skips what is already there, so running it again is cheap.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git clang-format
  # model layer
  nlohmann-json3-dev
  # tests
  catch2
  # Qt 6: Quick, Controls, Layouts, Dialogs, Shapes, Svg, Test, plus what QML loads at run time
  qt6-base-dev qt6-base-dev-tools qt6-declarative-dev qt6-declarative-dev-tools qt6-svg-dev
  qt6-shadertools-dev libqt6svg6 qt6-qpa-plugins qt6-image-formats-plugins
  qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtqml-workerscript
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-templates
  qml6-module-qtquick-layouts qml6-module-qtquick-dialogs qml6-module-qtquick-shapes
  qml6-module-qtquick-window qml6-module-qtcore qml6-module-qt-labs-settings
  qml6-module-qt-labs-platform qml6-module-qt-labs-folderlistmodel qml6-module-qttest
  libgl-dev libgl1-mesa-dri libglx-mesa0 libxkbcommon-dev
  # plots
  libqcustomplot-dev libqcustomplot2.1-qt6
  # automatic layout
  libgraphviz-dev graphviz
  # headless runs, screenshots and UI checks
  xvfb xauth xdotool x11-utils fonts-dejavu-core
  # looking at exported reports
  poppler-utils libxml2-utils
  # fuzzing (tests/fuzz): Clang and its runtime, which holds libFuzzer and the sanitizers
  clang libclang-rt-14-dev
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: everything is installed already"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
