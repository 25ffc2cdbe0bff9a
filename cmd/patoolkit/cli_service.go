package main

import (
	"errors"

	"patoolkit/service"
)

func isServiceInputError(err error) bool { return service.IsInput(err) }

// messageOf returns the one-line message to print for err.
func messageOf(err error) string {
	var ie inputError
	if errors.As(err, &ie) {
		return ie.msg
	}
	return service.ErrorMessage(err)
}
