#!/usr/bin/env bash
# One-step set-up on Debian/Ubuntu.
#   ./bootstrap.sh app    install what is missing, then start the app
#   ./bootstrap.sh test   install what is missing, then run the whole test suite
# Extra arguments after `test` go to pytest; after `app` to the interviewer command.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
VENV=${INTERVIEWER_VENV:-$ROOT/.venv}
PYTHON=${PYTHON:-python3}

APT_PACKAGES=(espeak-ng libespeak-ng1 libportaudio2 libsndfile1 pulseaudio pulseaudio-utils xvfb xauth
  libxcb-cursor0 libxkbcommon-x11-0 libegl1 libgl1 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libdbus-1-3 libfontconfig1
  fonts-noto-color-emoji
  python3-venv desktop-file-utils appstream strace poppler-utils)

install_system_packages() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "Missing system packages: ${missing[*]}" >&2
      echo "Install them with: apt-get install ${missing[*]} (as root), then run this again." >&2
      exit 1
    fi
  fi
  echo "Installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_python_packages() {
  if [ ! -x "$VENV/bin/python" ]; then
    echo "Creating virtual environment in $VENV"
    "$PYTHON" -m venv "$VENV"
  fi
  local stamp="$VENV/.interviewer-installed"
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e ".[test]"
    touch "$stamp"
  fi
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
  app)
    install_system_packages
    install_python_packages
    exec "$VENV/bin/interviewer" "$@"
    ;;
  test)
    install_system_packages
    install_python_packages
    # Virtual speaker and microphone, so audio tests run on machines with no sound card.
    source "$ROOT/tools/virtual-audio.sh"
    start_virtual_audio
    export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
    # Xvfb gives screenshot tests a real X server; the rest of the suite runs offscreen.
    pytest_run() { xvfb-run -a -s "-screen 0 1600x1000x24" "$VENV/bin/python" -m pytest "$@"; }
    [ $# -gt 0 ] && { pytest_run "$@"; exit; }
    # The whole suite in two steps: the tests that play and record through the shared virtual
    # devices (marked audio; they time the interviewer's reactions) one at a time on a quiet
    # machine, then the rest on every core (pytest-xdist), which halves CI's time.
    workers=$(nproc); [ "$workers" -lt 2 ] && workers=2; [ "$workers" -gt 4 ] && workers=4
    status=0
    pytest_run -m "audio and not slow" -p no:cacheprovider -rfEs || status=$?
    pytest_run -m "not audio and not slow" -n "$workers" -p no:cacheprovider -rfEs || status=$?
    exit $status
    ;;
  *)
    echo "usage: ./bootstrap.sh app|test [args...]" >&2
    exit 2
    ;;
esac
