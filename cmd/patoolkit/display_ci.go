//go:build ci

package main

// displayAvailable: with the ci tag the window runs on Fyne's headless
// driver, which needs no display.
func displayAvailable() bool { return true }
