#!/bin/sh
# Install the unpacked Interviewer bundle for the current user (no root needed):
#   ./install.sh              copy this folder to ~/.local/opt/interviewer and add the
#                             menu entry, icons, AppStream metadata and ~/.local/bin/interviewer
#   ./install.sh --uninstall  remove all of that again
# PREFIX (default ~/.local) changes where everything goes; PREFIX=/usr/local as root installs
# for all users.
set -eu
APP_ID=io.github.interviewer.Interviewer
PREFIX=${PREFIX:-$HOME/.local}
TARGET="$PREFIX/opt/interviewer"
SHARE="$PREFIX/share"
HERE=$(cd "$(dirname "$0")" && pwd)

remove() {
  rm -rf "$TARGET"
  rm -f "$PREFIX/bin/interviewer" "$SHARE/applications/$APP_ID.desktop" \
    "$SHARE/metainfo/$APP_ID.metainfo.xml" "$SHARE/icons/hicolor/scalable/apps/$APP_ID.svg"
  for size in 64 128 256; do rm -f "$SHARE/icons/hicolor/${size}x${size}/apps/$APP_ID.png"; done
}

refresh_caches() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$SHARE/applications" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" || true
}

if [ "${1:-}" = "--uninstall" ]; then
  remove
  refresh_caches
  echo "Interviewer removed from $PREFIX"
  exit 0
fi

[ -x "$HERE/interviewer" ] || { echo "run this from the unpacked bundle (no ./interviewer beside it)" >&2; exit 1; }
remove
mkdir -p "$TARGET" "$PREFIX/bin" "$SHARE/applications" "$SHARE/metainfo"
cp -R "$HERE/." "$TARGET/"
ln -s "$TARGET/interviewer" "$PREFIX/bin/interviewer"
# The menu entry runs the installed executable by its full path: ~/.local/bin is not always
# on a desktop session's PATH.
sed "s|^Exec=interviewer|Exec=$TARGET/interviewer|; s|^TryExec=interviewer|TryExec=$TARGET/interviewer|" \
  "$HERE/share/applications/$APP_ID.desktop" > "$SHARE/applications/$APP_ID.desktop"
cp "$HERE/share/metainfo/$APP_ID.metainfo.xml" "$SHARE/metainfo/"
cp -R "$HERE/share/icons" "$SHARE/"
refresh_caches
echo "Interviewer installed in $TARGET; start it from the applications menu or run $PREFIX/bin/interviewer"
