package report

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	ical "github.com/emersion/go-ical"

	"patoolkit/report/reporttest"
)

func TestWriteICSParses(t *testing.T) {
	london, _ := time.LoadLocation("Europe/London")
	start := time.Date(2026, 10, 24, 22, 0, 0, 0, london)
	end := time.Date(2026, 10, 25, 8, 0, 0, 0, london)
	long := strings.Repeat("Łukasz covers; bring the key, please. ", 5)
	c := Calendar{Name: "Shifts for Zoë Ní Bhriain", Stamp: time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC),
		Events: []Event{
			{UID: "shift-1@patoolkit", Start: start, End: end, Summary: "Sleep-in for Tom", Description: long + "\nLine two", Location: "5 Illustration Street, St Helens"},
			{UID: "shift-2@patoolkit", Start: start.AddDate(0, 0, 7), End: end.AddDate(0, 0, 7), Summary: "Day", Cancelled: true},
		}}
	var buf bytes.Buffer
	if err := WriteICS(&buf, c); err != nil {
		t.Fatal(err)
	}
	reporttest.Golden(t, filepath.Join("testdata", "calendar.ics"), buf.Bytes(), *update, refresh)
	for _, l := range strings.Split(strings.TrimSuffix(buf.String(), "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line longer than 75 octets: %q", l)
		}
	}
	cal, err := ical.NewDecoder(&buf).Decode()
	if err != nil {
		t.Fatalf("a real iCalendar reader refused the file: %v", err)
	}
	events := cal.Events()
	if len(events) != 2 {
		t.Fatalf("events = %d", len(events))
	}
	e := events[0]
	gotStart, err := e.DateTimeStart(london)
	if err != nil || !gotStart.Equal(start) {
		t.Errorf("start = %v %v", gotStart, err)
	}
	gotEnd, _ := e.DateTimeEnd(london)
	if gotEnd.Sub(gotStart) != 11*time.Hour {
		t.Errorf("length across the clock change = %v, want 11h", gotEnd.Sub(gotStart))
	}
	desc, _ := e.Props.Text(ical.PropDescription)
	if desc != long+"\nLine two" {
		t.Errorf("description round trip = %q", desc)
	}
	loc, _ := e.Props.Text(ical.PropLocation)
	if loc != "5 Illustration Street, St Helens" {
		t.Errorf("location = %q", loc)
	}
	name := cal.Props.Get("X-WR-CALNAME")
	if name == nil || name.Value != "Shifts for Zoë Ní Bhriain" {
		t.Errorf("calendar name = %v", name)
	}
	if st := events[1].Props.Get(ical.PropStatus); st == nil || st.Value != "CANCELLED" {
		t.Errorf("status = %v", st)
	}
	if err := WriteICS(&buf, Calendar{Events: []Event{{UID: "x", Start: end, End: start}}}); err == nil {
		t.Error("an event ending before it starts was written")
	}
}
