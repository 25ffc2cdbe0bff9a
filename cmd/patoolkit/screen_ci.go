//go:build ci

package main

// screenPixels: on Fyne's headless driver (the ci tag) there is no screen,
// so its size is not known and the window keeps its normal size.
func screenPixels() (width, height int, ok bool) { return 0, 0, false }
