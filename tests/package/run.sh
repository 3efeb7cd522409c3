#!/usr/bin/env bash
# The Debian package, built and tried as a person would get it: builds the .deb (and the
# tarball) from a configured build folder, validates its desktop entry, AppStream metadata
# and the package itself (lintian: no errors), checks that its dependencies hold every QML
# module and Qt plugin the program loads, installs it with apt-get, and then, with the build
# folder moved away and from another directory, runs the installed program: --version,
# --help, check and report on an installed example, and the window under a virtual X server,
# where File > Save As saves the design under a typed name and the screen is photographed.
#
# Usage: tests/package/run.sh [BUILD_DIR] (default: build). Installs the package into this
# machine (root, or sudo), and the tools it needs (lintian, desktop-file-utils, appstream,
# xvfb, xdotool, x11-apps, netpbm). Leaves the package, the report, the saved design and
# the screenshots in BUILD_DIR/package-test/. Exit status 0 when every check passes.
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
here=$(dirname "$(readlink -f "$0")")
work=$build/package-test
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
step() { echo "== package [$SECONDS s] $*"; }
fail() {
  echo "FAIL: $*" >&2
  exit 1
}

step "tools"
tools=(lintian desktop-file-utils appstream dpkg-dev file xvfb xauth xdotool x11-apps netpbm)
missing=()
for p in "${tools[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null || {
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" >/dev/null
  }
fi

step "build the package"
rm -rf "$work"
mkdir -p "$work/tree" "$work/elsewhere" "$work/home"
# The program, the icons and the manual page; a build made by the README's command has them.
cmake --build "$build" --target archlens archlens_package_files
(cd "$build" && cpack -G "DEB;TGZ" >"$work/cpack.log") || {
  cat "$work/cpack.log"
  fail "cpack"
}
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
deb=$(ls "$build"/archlens_"$version"_*.deb)
cp "$deb" "$build"/archlens-"$version"-*.tar.gz "$work/"
deb=$work/$(basename "$deb")
echo "$(basename "$deb"): $(du -h "$deb" | cut -f1)"
dpkg-deb -f "$deb" Package Version Architecture Depends Recommends
dpkg-deb -c "$deb" | awk '{print $6}' >"$work/contents.txt"
dpkg-deb -x "$deb" "$work/tree"

step "what the package holds"
expect=(
  ./usr/bin/archlens
  ./usr/share/applications/archlens.desktop
  ./usr/share/mime/packages/archlens.xml
  ./usr/share/icons/hicolor/scalable/apps/archlens.svg
  ./usr/share/icons/hicolor/scalable/mimetypes/application-x-archlens.svg
  ./usr/share/man/man1/archlens.1.gz
  ./usr/share/doc/archlens/copyright
  ./usr/share/doc/archlens/changelog.gz
  ./usr/share/archlens/examples/url-shortener.archlens
)
for size in 16 22 24 32 48 64 128 256; do
  expect+=("./usr/share/icons/hicolor/${size}x${size}/apps/archlens.png"
    "./usr/share/icons/hicolor/${size}x${size}/mimetypes/application-x-archlens.png")
done
for f in "${expect[@]}"; do grep -qxF "$f" "$work/contents.txt" || fail "the package lacks $f"; done
# The window library, where the program looks for it: beside the program's folder.
grep -qE '^\./usr/lib/([a-z0-9_-]+/)?archlens/libarchlens_window\.so$' "$work/contents.txt" ||
  fail "the package lacks the window library"
for size in 16 48 256; do
  png=$work/tree/usr/share/icons/hicolor/${size}x${size}/apps/archlens.png
  file "$png" | grep -q "PNG image data, $size x $size" || fail "$png: $(file -b "$png")"
done
metainfo=$(ls "$work"/tree/usr/share/metainfo/*.metainfo.xml)
[ "$(find "$work/tree/usr/share/archlens/examples" -name "*.archlens" | wc -l)" -ge 5 ] || fail "examples missing"
# The manual page has a section for every command, each with its options.
zcat "$work/tree/usr/share/man/man1/archlens.1.gz" >"$work/archlens.1"
for command in check diff export report estimate score rules catalogue; do
  grep -q "^\.SS $command$" "$work/archlens.1" || fail "the manual page has no section for $command"
done
grep -q 'fail\\-on' "$work/archlens.1" || fail "the manual page lacks check's --fail-on"

step "validate: desktop entry, AppStream, lintian"
desktop-file-validate "$work/tree/usr/share/applications/archlens.desktop"
appstreamcli validate --no-net --pedantic "$metainfo"
# Errors fail; warnings and notes are shown.
lintian --fail-on error --display-level ">=info" --tag-display-limit 0 "$deb" | tee "$work/lintian.txt" ||
  fail "lintian found errors"

step "dependencies: every QML module and Qt plugin the program loads"
qt_qml=$(sed -n 's/^Qt6Qml_DIR:PATH=//p' "$build/CMakeCache.txt")
qt_qml=$(cd "$qt_qml/../../qt6/qml" && pwd)
cmake -DSCANNER=/usr/lib/qt6/libexec/qmlimportscanner -DQML_DIR="$src/qml" -DQT_QML_DIR="$qt_qml" \
  -DDEB="$deb" -P "$here/check_depends.cmake" | tail -n 4

step "install with apt-get"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --reinstall --allow-downgrades \
  --no-install-recommends "$deb" >/dev/null
dpkg-query -W -f='${Package} ${Version} ${Status}\n' archlens | grep -q "$version install ok installed" ||
  fail "archlens $version is not installed"
# The desktop knows the file type and what opens it (the triggers of shared-mime-info and
# desktop-file-utils have run).
grep -q "application/x-archlens:\*\.archlens" /usr/share/mime/globs2 || fail "*.archlens has no MIME type"
grep -q "application/x-archlens=archlens.desktop" /usr/share/applications/mimeinfo.cache ||
  fail "no application opens application/x-archlens"

# From here on, only the installed files: the build folder is moved away (and put back on
# exit, whatever happens), the program runs from PATH in another directory with a clean
# environment.
away="$build.away-for-package-test"
[ -e "$away" ] && fail "$away exists: an earlier run was interrupted; move it back to $build"
mv "$build" "$away"
trap 'mv "$away" "$build"' EXIT
work=$away/package-test
cd "$work/elsewhere"
mkdir -p "$work/runtime" && chmod 700 "$work/runtime"
installed() {
  env -i PATH=/usr/bin:/bin HOME="$work/home" XDG_RUNTIME_DIR="$work/runtime" LANG=C.UTF-8 "$@"
}

step "the installed program on the command line"
[ "$(command -v archlens)" = /usr/bin/archlens ] || fail "archlens is not /usr/bin/archlens"
got=$(installed archlens --version)
[ "$got" = "archlens $version" ] || fail "--version says \"$got\""
# Output captured before grep reads it: grep -q stops at the first match, and under
# pipefail the program's broken pipe would fail the check.
help=$(installed archlens --help)
grep -q "archlens check FILE" <<<"$help" || fail "--help lacks check"
help=$(installed archlens check --help)
grep -q "^Usage: archlens check " <<<"$help" || fail "check --help names the program wrongly"
example=/usr/share/archlens/examples/url-shortener.archlens
status=0
installed archlens check "$example" >"$work/check.txt" || status=$?
[ "$status" -le 1 ] || fail "check on the installed example: exit $status"
grep -q "^Flows" "$work/check.txt" || fail "check printed no flows"
installed archlens report "$example" -o "$work/report.html" >/dev/null
grep -q "<html" "$work/report.html" || fail "the report is not HTML"
grep -q "data:image/" "$work/report.html" || fail "the report has no pictures"
echo "report.html: $(du -h "$work/report.html" | cut -f1)"
# Compiled-in data: the rules, the catalogue and the prompts answer from the binary alone.
[ "$(installed archlens rules | wc -l)" -ge 20 ] || fail "archlens rules lists too few rules"
catalogue=$(installed archlens catalogue)
grep -q load_balancer <<<"$catalogue" || fail "the catalogue lacks load_balancer"
installed archlens score "$example" --prompt url-shortener >/dev/null || fail "score with a bundled prompt"

step "the installed window: open, Save As under a typed name, screenshot"
xvfb-run -a -s "-screen 0 1600x1000x24" bash "$here/window.sh" "$work"

step "done: every check passed (package, report and screenshots in $build/package-test)"
