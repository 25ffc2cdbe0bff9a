package rota

import (
	"errors"
	"strings"
	"testing"

	"patoolkit/civil"
)

const controlWords = "can't contain a control character (an invisible character such as Escape). Type it again without it."

// wantFieldError checks err is bad input about field, saying want, without
// the refused character in it.
func wantFieldError(t *testing.T, err error, field, want string) {
	t.Helper()
	if err == nil {
		t.Fatalf("accepted, want %q", want)
	}
	if !errors.Is(err, ErrInvalid) || Field(err) != field || !strings.Contains(err.Error(), want) {
		t.Fatalf("%v (field %q), want an ErrInvalid about %q saying %q", err, Field(err), field, want)
	}
	if strings.ContainsAny(err.Error(), "\x1b\a") {
		t.Fatalf("the message echoes the character: %q", err)
	}
}

// wantErr fails the test unless err is nil when want is "", or an error
// saying want.
func wantErr(t *testing.T, what string, err error, want string) {
	t.Helper()
	if want == "" {
		if err != nil {
			t.Fatalf("%s = %v, want nil", what, err)
		}
		return
	}
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("%s = %v, want it to contain %q", what, err, want)
	}
}

func TestCheckNote(t *testing.T) {
	for _, c := range []struct{ name, note, want string }{
		{"plain", "Bring the key; Łukasz covers.", ""},
		{"blank", "", ""},
		{"500 characters", strings.Repeat("x", 500), ""},
		{"131,000 characters", strings.Repeat("x", 131_000), "The note is too long: keep it under 500 characters."},
		{"terminal code", "key\x1b[2J", "The note " + controlWords},
		{"not UTF-8", "caf\xe9", "The note can't be read"},
		{"two lines", "one\ntwo", "The note must be on one line"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := CheckNote(c.note)
			if c.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			wantFieldError(t, err, "note", c.want)
		})
	}
}

func TestCheckPatternName(t *testing.T) {
	if err := CheckPatternName("Weekday mornings"); err != nil {
		t.Fatal(err)
	}
	wantFieldError(t, CheckPatternName("  "), "name", "Give the pattern a name")
	wantFieldError(t, CheckPatternName("Mornings\x1b[2J"), "name", "The pattern's name "+controlWords)
	wantFieldError(t, CheckPatternName(strings.Repeat("x", 501)), "name", "too long")
}

func TestTimesheetTextIsChecked(t *testing.T) {
	ts := newTS(t)
	wantFieldError(t, ts.SetNote("late\x1b[2J"), "note", "The timesheet's note "+controlWords)
	wantFieldError(t, ts.SetNote(strings.Repeat("x", 131_000)), "note", "too long")
	if ts.Note != "" {
		t.Fatalf("a refused note was kept: %q", ts.Note)
	}
	must(t, ts.SetNote("Mileage claimed for the hospital trip."))

	on := civil.MustParse("2026-11-16")
	wantFieldError(t, ts.Sign(paName, "Sarah\x1b[2J Jones", on), "signed_name", "The name typed "+controlWords)
	wantFieldError(t, ts.Sign(paName, "Sarah\nJones", on), "signed_name", "one line")
	if ts.Status != Draft {
		t.Fatal("signed with a refused name")
	}
	must(t, signIt(&ts))
	wantFieldError(t, ts.Approve("Tom\x1b[2J", civil.MustParse("2026-11-20")), "approved_by", "The approver's name "+controlWords)
	wantFieldError(t, ts.Approve(strings.Repeat("T", 501), civil.MustParse("2026-11-20")), "approved_by", "too long")
	if ts.Status != Signed {
		t.Fatal("approved by a refused name")
	}
	must(t, approveIt(&ts))
}

func TestEntryNoteIsChecked(t *testing.T) {
	ts := newTS(t)
	e := ts.Entries[0]
	e.Note = "parking\x1b[2J"
	wantFieldError(t, ts.SetEntry(0, e), "note", "The note "+controlWords)
	e.Note = "parking £3"
	must(t, ts.SetEntry(0, e))
}
