package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"patoolkit/civil"
)

// The Returns page shows what the return will say and every warning
// before anything is made; by keyboard the person saves the return (the
// service's PDF, byte for byte) and marks it as sent, which closes the
// period and lists it under past returns.
func TestReturnsPageReviewsThenSavesAndSends(t *testing.T) {
	u, svc, dir := yearEndUI(t)
	account := u.Account().ID
	shortcut(t, u, sectionReturns.shortcut())
	wantText(t, u, "Returns to the council")
	choices, err := svc.ReturnPeriodChoices(account)
	if err != nil || len(choices) == 0 {
		t.Fatalf("period choices: %v %v", choices, err)
	}
	r, err := svc.ReturnDoc(account, choices[0].From, choices[0].To)
	if err != nil {
		t.Fatal(err)
	}
	wantText(t, u, "What the return for "+r.PeriodText()+" will say")
	for _, w := range r.Warnings {
		wantText(t, u, w)
	}
	for _, kv := range r.Summary() {
		wantText(t, u, kv[0]+": "+kv[1])
	}
	capture(t, u, "returns.png")

	// The last quarter, by the arrow keys on the period.
	u.win.Canvas().Focus(focusedSelect(t, u))
	press(t, u, fyne.KeyRight)
	q := choices[1]
	wantText(t, u, "What the return for "+q.From.Long()+" to "+q.To.Long()+" will say")

	// Save it as PDF: the focus is on the period; Tab to the first save.
	u.win.Canvas().Focus(button(t, u, "Save the return as PDF…"))
	press(t, u, fyne.KeyReturn)
	wantForm(t, u, "Save the return as PDF")
	press(t, u, fyne.KeyReturn)
	path := filepath.Join(dir, "council-return-"+q.From.String()+"-to-"+q.To.String()+".pdf")
	waitForWork(t, u)
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("nothing saved: %v\n%s", err, allText(u))
	}
	x, err := svc.StoredReturn(account, q.From, q.To)
	if err != nil || !bytes.Equal(got, x.PDF) {
		t.Fatalf("the saved file is not the stored return (%v)", err)
	}
	wantText(t, u, "Saved to "+path+".")
	wantText(t, u, "Saved in "+dir+".")

	// Mark it as sent: asked first, with the focus on "No".
	u.win.Canvas().Focus(button(t, u, "Mark as sent to the council…"))
	press(t, u, fyne.KeyReturn)
	wantText(t, u, "closes the period")
	pressButton(t, u, "No, go back")
	if rs, _ := svc.Returns(account); len(rs) != 1 || !rs[0].Sent.IsZero() {
		t.Fatalf("No marked it as sent: %+v", rs)
	}
	u.win.Canvas().Focus(button(t, u, "Mark as sent to the council…"))
	press(t, u, fyne.KeyReturn)
	u.win.Canvas().FocusNext()
	pressButton(t, u, "Yes, mark it as sent")
	rs, _ := svc.Returns(account)
	if len(rs) != 1 || rs[0].Sent != civil.Of(today) {
		t.Fatalf("returns after sending: %+v", rs)
	}
	wantText(t, u, "is marked as sent")
	day := civil.Of(today).UK()
	button(t, u, "Save again: "+q.From.UK()+" to "+q.To.UK()+" (made "+day+", sent "+day+")…")
	walk(u.win.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*keyButton); ok && strings.HasPrefix(b.Text, "Mark as sent") {
			t.Error("a sent return can be marked as sent again")
		}
	})
}

func TestLastSavedDirKeepsSpaces(t *testing.T) {
	for notice, want := range map[string]string{
		"Saved to /home/pat/My Documents/return.pdf.": "/home/pat/My Documents",
		"Saved to /tmp/r.pdf.":                        "/tmp",
		"The return is marked as sent.":               "",
	} {
		if got := lastSavedDir(notice); got != want {
			t.Errorf("lastSavedDir(%q) = %q, want %q", notice, got, want)
		}
	}
}
