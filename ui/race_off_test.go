//go:build !race

package ui

// raceDetector is set when the tests run under the race detector.
const raceDetector = false
