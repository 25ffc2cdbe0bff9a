//go:build !ci

package main

import (
	"os"
	"runtime"
)

// displayAvailable reports whether a window could be opened: on Linux and
// the BSDs, only under X11 or Wayland (DISPLAY or WAYLAND_DISPLAY set).
// Windows and macOS always have one. A set but unusable DISPLAY is caught
// when the window is made (showWindow).
func displayAvailable() bool {
	switch runtime.GOOS {
	case "windows", "darwin", "android", "ios", "js":
		return true
	}
	return os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != ""
}
