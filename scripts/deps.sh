#!/usr/bin/env bash
# Installs what building the toolkit needs, when it is missing:
#   - Go 1.26 or newer
#   - a C compiler and the OpenGL and X11 headers (the window uses them)
#   - with "test": poppler-utils, whose pdftotext the PDF tests read with,
#     and for the HTML check (scripts/axe-check) Chromium, Node.js and
#     axe-core (npm ci --prefix scripts/axe)
# On Debian and Ubuntu it installs them with apt-get (as root, or through
# sudo). Elsewhere it says what to install. Without Chromium or Node.js the
# HTML check is skipped, so their absence is told but not fatal.
set -euo pipefail

APT_PACKAGES=${APT_PACKAGES:-"gcc libc6-dev pkg-config libgl1-mesa-dev xorg-dev libwayland-dev libxkbcommon-dev wayland-protocols"}
if [ "${1:-}" = test ]; then
  APT_PACKAGES="$APT_PACKAGES poppler-utils"
  # Ubuntu's chromium is a snap, which a test cannot drive: there the
  # HTML check wants Google Chrome's .deb instead (see below).
  if ! grep -qsE '^ID(_LIKE)?=.*ubuntu' /etc/os-release; then
    APT_PACKAGES="$APT_PACKAGES chromium"
  fi
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

# --- with "test": Node.js, axe-core and Chromium (for scripts/axe-check) ---
if [ "${1:-}" = test ]; then
  axe_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/axe"
  if ! command -v npm >/dev/null 2>&1 && [ "$(uname -s)" = Linux ] && have_apt; then
    apt_install " nodejs npm"
  fi
  if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
    say "the HTML check (scripts/axe-check) needs Node.js 16 or newer and npm, and is skipped until then:"
    say "  install Node.js from https://nodejs.org/ (or your system's nodejs and npm), then run: npm ci --prefix scripts/axe"
  elif ! node -e '
      // node_modules is stale unless it holds what package-lock.json pins.
      const fs = require("fs"), path = require("path"), dir = process.argv[1];
      const lock = JSON.parse(fs.readFileSync(path.join(dir, "package-lock.json"), "utf8"));
      for (const [p, want] of Object.entries(lock.packages)) {
        if (p === "") continue;
        const have = JSON.parse(fs.readFileSync(path.join(dir, p, "package.json"), "utf8"));
        if (have.version !== want.version) process.exit(1);
      }' "$axe_dir" 2>/dev/null; then
    say "installing the HTML check's packages: npm ci --prefix scripts/axe"
    if ! npm ci --prefix "$axe_dir" --no-audit --no-fund --loglevel=error >/dev/null; then
      say "npm ci --prefix scripts/axe failed; the HTML check is skipped until it works"
    fi
  fi
  if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1 &&
     ! command -v google-chrome-stable >/dev/null 2>&1 && ! command -v google-chrome >/dev/null 2>&1 &&
     [ -z "${CHROMIUM:-}" ] && ! [ -d "/Applications/Google Chrome.app" ]; then
    say "the HTML check (scripts/axe-check) needs Chromium or Google Chrome, and is skipped until then:"
    say "  Debian: sudo apt-get install chromium; Ubuntu: Google Chrome's .deb from https://www.google.com/chrome/ (the chromium snap cannot be driven from a test)"
    say "  Fedora: sudo dnf install chromium; Arch: sudo pacman -S chromium; macOS: Google Chrome, or set CHROMIUM to the program"
  fi
fi
