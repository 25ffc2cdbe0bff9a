package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"patoolkit/civil"
)

const controlWords = "can't contain a control character (an invisible character such as Escape). Type it again without it."

// TestTextThatIsNotTextIsShownBesideItsField: text pasted with a terminal
// code in it, or a note far too long, is refused beside its field, the
// form stays open with what was typed, and nothing is stored.
func TestTextThatIsNotTextIsShownBesideItsField(t *testing.T) {
	t.Run("shift note", func(t *testing.T) {
		u, svc := newTestUI(t, rotaFixture(t))
		f := sarahsMondayShiftForm(t, u)
		f.field("start").focus.(*keyEntry).SetText("08:00")
		f.field("end").focus.(*keyEntry).SetText("12:00")
		for _, c := range []struct{ note, want string }{
			{"Bring the key\x1b[2J", "⚠ The note " + controlWords},
			{strings.Repeat("x", 131_000), "⚠ The note is too long: keep it under 500 characters."},
		} {
			t.Run(fmt.Sprint(c.note), func(t *testing.T) {
				note := f.field("note").focus.(*keyEntry)
				note.SetText(c.note)
				u.win.Canvas().Focus(note)
				press(t, u, fyne.KeyReturn)
				if u.form != f {
					t.Fatal("the form closed")
				}
				if got := f.problem("note"); got != c.want {
					t.Errorf("beside the note: %q, want %q (summary %q)", got, c.want, f.summary.Text)
				}
				if note.Text != c.note {
					t.Error("what was typed was lost")
				}
			})
		}
		if shifts, _ := svc.Shifts(u.Account().ID, civil.New(2026, 11, 1), civil.New(2026, 12, 31)); len(shifts) != 0 {
			t.Errorf("%d shifts stored", len(shifts))
		}
	})
	t.Run("money owed", func(t *testing.T) {
		u, svc := newDemoUI(t)
		openPriya(t, u)
		before, _ := svc.OwedItems(u.Account().ID, civil.Date{})
		u.ShowSection(sectionMoney)
		button(t, u, "Add money owed").OnTapped()
		f := u.form
		f.field("payee").focus.(*keyEntry).SetText("Sample\x1b]0;pwned\a Agency")
		f.field("amount").focus.(*keyEntry).SetText("120")
		due := f.field("due").focus.(*keyEntry)
		due.SetText("30/11/2026")
		u.win.Canvas().Focus(due)
		press(t, u, fyne.KeyReturn)
		if got := f.problem("payee"); got != "⚠ The payee "+controlWords || u.form != f {
			t.Errorf("beside the payee: %q", got)
		}
		if after, _ := svc.OwedItems(u.Account().ID, civil.Date{}); len(after) != len(before) {
			t.Error("the money owed was stored")
		}
	})
	t.Run("PA's name", func(t *testing.T) {
		u, svc := newTestUI(t, rotaFixture(t))
		u.showAddPA()
		f := u.form
		name := f.field("name").focus.(*keyEntry)
		name.SetText("Zoë\x1b[2J Ní Bhriain")
		f.field("start_date").focus.(*keyEntry).SetText("01/12/2026")
		u.win.Canvas().Focus(name)
		press(t, u, fyne.KeyReturn)
		if got := f.problem("name"); got != "⚠ The PA's name "+controlWords || u.form != f {
			t.Errorf("beside the name: %q (summary %q)", got, f.summary.Text)
		}
		if pas, _ := svc.PAs(u.Account().ID); len(pas) != 2 {
			t.Errorf("%d PAs stored", len(pas))
		}
	})
}
