#!/usr/bin/env bash
# Installs what building the toolkit needs, when it is missing:
#   - Go 1.26 or newer
#   - a C compiler and the OpenGL and X11 headers (the window uses them)
#   - with "test": poppler-utils, whose pdftotext the PDF tests read with
# On Debian and Ubuntu it installs them with apt-get (as root, or through
# sudo). Elsewhere it says what to install.
set -euo pipefail

APT_PACKAGES=${APT_PACKAGES:-"gcc libc6-dev pkg-config libgl1-mesa-dev xorg-dev libwayland-dev libxkbcommon-dev wayland-protocols"}
if [ "${1:-}" = test ]; then
  APT_PACKAGES="$APT_PACKAGES poppler-utils"
fi

say() { printf 'deps: %s\n' "$*" >&2; }

have_apt() { command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    return 1
  fi
}

apt_missing() {
  local missing=""
  for p in $1; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  echo "$missing"
}

apt_install() {
  say "installing:$1"
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq ||
     ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $1 >/dev/null; then
    say "could not install them. Run this as an administrator, then try again:"
    say "  sudo apt-get install$1"
    exit 1
  fi
}

# --- Go ---
go_ok() {
  command -v go >/dev/null 2>&1 || return 1
  local v
  v=$(go env GOVERSION 2>/dev/null | sed 's/^go//') || return 1
  local major minor
  major=${v%%.*}; minor=${v#*.}; minor=${minor%%.*}
  [ "$major" -gt 1 ] || { [ "$major" -eq 1 ] && [ "$minor" -ge 26 ]; }
}

if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then
  export PATH="/usr/local/go/bin:$PATH"
fi
if ! command -v go >/dev/null 2>&1 && have_apt; then
  # Debian's Go is older than 1.26; from Go 1.21 on, "go" fetches the
  # toolchain go.mod asks for by itself (GOTOOLCHAIN=auto).
  apt_install " golang-go ca-certificates"
fi
if ! command -v go >/dev/null 2>&1; then
  say "Go is not installed. Install Go 1.26 or newer from https://go.dev/dl/ and run this again."
  exit 1
fi
if ! go_ok; then
  # go.mod names Go 1.26: a Go of 1.21 or later downloads it when asked.
  if ! GOTOOLCHAIN=auto go version >/dev/null 2>&1; then
    say "Go $(go env GOVERSION) is too old. Install Go 1.26 or newer from https://go.dev/dl/."
    exit 1
  fi
fi

# --- C compiler, OpenGL and X11 headers (for the window) ---
if [ "$(uname -s)" = Linux ]; then
  if have_apt; then
    missing=$(apt_missing "$APT_PACKAGES")
    [ -z "$missing" ] || apt_install "$missing"
  elif ! command -v gcc >/dev/null 2>&1 || ! pkg-config --exists gl x11 xcursor xrandr xinerama xi xxf86vm wayland-client xkbcommon 2>/dev/null ||
       { [ "${1:-}" = test ] && ! command -v pdftotext >/dev/null 2>&1; }; then
    say "the window needs a C compiler and the OpenGL and X11 development headers (and the tests need poppler-utils). Install them, then try again:"
    say "  Fedora:   sudo dnf install gcc libXcursor-devel libXrandr-devel mesa-libGL-devel libXi-devel libXinerama-devel libXxf86vm-devel wayland-devel libxkbcommon-devel poppler-utils"
    say "  Arch:     sudo pacman -S gcc libxcursor libxrandr libxinerama libxi mesa libxxf86vm wayland libxkbcommon poppler"
    say "  openSUSE: sudo zypper install gcc libXcursor-devel libXrandr-devel Mesa-libGL-devel libXi-devel libXinerama-devel libXxf86vm-devel wayland-devel libxkbcommon-devel poppler-tools"
    exit 1
  fi
elif [ "$(uname -s)" = Darwin ]; then
  xcode-select -p >/dev/null 2>&1 || { say "install Apple's command line tools first: xcode-select --install"; exit 1; }
fi
