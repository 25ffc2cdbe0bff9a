package field

import (
	"errors"
	"fmt"
	"testing"
)

func TestErrors(t *testing.T) {
	var e Errors
	if e.Err() != nil {
		t.Fatal("no errors is not an error")
	}
	e.Add("name", "Type the %s.", "name")
	e.Add("ni", "NI number must look like AB 12 34 56 C.")
	if e.Error() != "Type the name. NI number must look like AB 12 34 56 C." {
		t.Errorf("Error() = %q", e.Error())
	}
	for _, c := range []struct{ field, want string }{{"name", "Type the name."}, {"ni", "NI number must look like AB 12 34 56 C."}, {"other", ""}} {
		t.Run(c.field, func(t *testing.T) {
			if got := e.For(c.field); got != c.want {
				t.Errorf("For(%q) = %q, want %q", c.field, got, c.want)
			}
		})
	}
	wrapped := fmt.Errorf("saving: %w", e.Err())
	if got := Of(wrapped); len(got) != 2 || got[1].Field != "ni" {
		t.Errorf("Of(wrapped) = %v", got)
	}
	if got := Of(fmt.Errorf("x: %w", Error{Field: "date", Message: "m"})); len(got) != 1 || got.For("date") != "m" {
		t.Errorf("Of(one) = %v", got)
	}
	if Of(errors.New("plain")) != nil {
		t.Error("a plain error has fields")
	}
	if got := New("date", "Type a date as %s.", "DD/MM/YYYY"); got.For("date") != "Type a date as DD/MM/YYYY." {
		t.Errorf("New = %v", got)
	}
}
