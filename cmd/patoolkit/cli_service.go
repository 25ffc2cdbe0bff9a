package main

import "patoolkit/service"

func isServiceInputError(err error) bool { return service.IsInput(err) }

// messageOf returns the one-line message to print for err: the service's
// one message function, which says what was refused, or for an internal
// error that nothing was changed and where the log is.
func messageOf(err error) string { return service.ErrorMessage(err) }
