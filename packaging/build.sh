#!/usr/bin/env bash
# Build the one-folder desktop bundle in dist/interviewer and prove it works.
#
#   packaging/build.sh            build, self-check, validate desktop files, run the slow test
#   packaging/build.sh --no-test  the same without the slow pytest run (the test calls this)
#
# The build uses its own virtual environment (build/venv, or $INTERVIEWER_BUILD_VENV) with the
# app installed as a user would get it (`pip install .[package]`, not editable), so the bundle
# holds exactly the released code and nothing from a developer's environment.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PYTHON=${PYTHON:-python3}
BUILD_VENV=${INTERVIEWER_BUILD_VENV:-$ROOT/build/venv}
DIST=${INTERVIEWER_DIST_DIR:-$ROOT/dist}
WORK=${INTERVIEWER_WORK_DIR:-$ROOT/build/pyinstaller}
BUNDLE="$DIST/interviewer"
SIZE_TARGET_MB=450
RUN_SLOW_TEST=1
[ "${1:-}" = "--no-test" ] && RUN_SLOW_TEST=0

step() { printf '\n== %s\n' "$*"; }

step "Build environment: $BUILD_VENV"
[ -x "$BUILD_VENV/bin/python" ] || "$PYTHON" -m venv "$BUILD_VENV"
# Reinstall the app each build: the bundle must hold the code as it is now.
"$BUILD_VENV/bin/python" -m pip install -q --upgrade pip
"$BUILD_VENV/bin/python" -m pip install -q ".[package,test]"
"$BUILD_VENV/bin/python" -m pip install -q --force-reinstall --no-deps .

step "PyInstaller one-folder build -> $BUNDLE"
started=$(date +%s)
"$BUILD_VENV/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$DIST" --workpath "$WORK" packaging/interviewer.spec
echo "built in $(( $(date +%s) - started )) s"

step "Desktop integration files"
APP_ID=io.github.interviewer.Interviewer
install -Dm644 packaging/linux/$APP_ID.desktop "$BUNDLE/share/applications/$APP_ID.desktop"
install -Dm644 packaging/linux/$APP_ID.metainfo.xml "$BUNDLE/share/metainfo/$APP_ID.metainfo.xml"
install -Dm644 assets/interviewer.svg "$BUNDLE/share/icons/hicolor/scalable/apps/$APP_ID.svg"
for size in 64 128 256; do
  install -Dm644 "assets/interviewer-$size.png" "$BUNDLE/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
install -m755 packaging/linux/install.sh "$BUNDLE/install.sh"
desktop-file-validate "$BUNDLE/share/applications/$APP_ID.desktop"
appstreamcli validate --no-net "$BUNDLE/share/metainfo/$APP_ID.metainfo.xml"

step "Bundle self-check (offscreen, no network)"
QT_QPA_PLATFORM=offscreen HF_HUB_OFFLINE=1 "$BUNDLE/interviewer" --self-check

step "Download archive"
version=$("$BUILD_VENV/bin/python" -c "import interviewer; print(interviewer.__version__)")
ARCHIVE="$DIST/interviewer-$version-linux-$(uname -m).tar.gz"
rm -f "$DIST"/interviewer-*-linux-*.tar.gz
tar -C "$DIST" -czf "$ARCHIVE" interviewer

step "Bundle size"
# Decimal megabytes, as the target is stated (du -sb: bytes in files).
size_mb=$(( $(du -sb "$BUNDLE" | cut -f1) / 1000000 ))
archive_mb=$(( $(stat -c %s "$ARCHIVE") / 1000000 ))
echo "bundle size: ${size_mb} MB installed, ${archive_mb} MB download ($(basename "$ARCHIVE")); target < ${SIZE_TARGET_MB} MB"
if [ "$size_mb" -ge "$SIZE_TARGET_MB" ]; then
  echo "the bundle is over the ${SIZE_TARGET_MB} MB target" >&2
  exit 1
fi
echo "largest parts (MiB):"
du -sm "$BUNDLE"/_internal/* | sort -rn | sed -n 1,8p  # sed, not head: no SIGPIPE under pipefail

if [ "$RUN_SLOW_TEST" = 1 ]; then
  step "Slow packaging test on the bundle just built"
  INTERVIEWER_BUNDLE_DIR="$BUNDLE" QT_QPA_PLATFORM=offscreen \
    "$BUILD_VENV/bin/python" -m pytest -m slow -s -p no:cacheprovider tests/test_packaging.py
fi
echo
echo "done: $BUNDLE (${size_mb} MB), $ARCHIVE (${archive_mb} MB)"
