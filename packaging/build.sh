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
SIZE_TARGET_MB=400
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

step "Bundle self-check (offscreen, no network)"
QT_QPA_PLATFORM=offscreen HF_HUB_OFFLINE=1 "$BUNDLE/interviewer" --self-check

step "Bundle size"
size_mb=$(du -sm "$BUNDLE" | cut -f1)
echo "bundle size: ${size_mb} MB (target < ${SIZE_TARGET_MB} MB)"
du -sm "$BUNDLE"/_internal/* | sort -rn | head -8
if [ "$size_mb" -ge "$SIZE_TARGET_MB" ]; then
  echo "bundle is over the ${SIZE_TARGET_MB} MB target" >&2
  exit 1
fi

step "Desktop entry and AppStream metadata"
desktop-file-validate packaging/linux/io.github.interviewer.Interviewer.desktop
appstreamcli validate --no-net packaging/linux/io.github.interviewer.Interviewer.metainfo.xml

if [ "$RUN_SLOW_TEST" = 1 ]; then
  step "Slow packaging test on the bundle just built"
  INTERVIEWER_BUNDLE_DIR="$BUNDLE" QT_QPA_PLATFORM=offscreen \
    "$BUILD_VENV/bin/python" -m pytest -m slow -p no:cacheprovider tests/test_packaging.py
fi
echo
echo "done: $BUNDLE (${size_mb} MB)"
