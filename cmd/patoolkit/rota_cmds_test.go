package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	ical "github.com/emersion/go-ical"

	"patoolkit/report/reporttest"
)

func TestRotaAddListCheck(t *testing.T) {
	path := demoFile(t)
	acc := "Tom's care"
	// A sleep-in across the October 2026 clock change: 11 hours, none paid by the hour.
	code, out, stderr := cli(t, "rota", "add", "--data", path, "--account", acc, "--pa", "łukasz nowak",
		"--start", "2026-10-24 22:00", "--end", "2026-10-25 08:00", "--type", "sleep-in", "--woken-minutes", "30")
	if code != 0 || !strings.Contains(out, "11 hours") {
		t.Fatalf("rota add: %d %q %q", code, out, stderr)
	}
	code, out, _ = cli(t, "rota", "list", "--data", path, "--account", acc, "--from", "2026-10-24", "--to", "2026-10-24", "--json")
	if code != 0 {
		t.Fatal(out)
	}
	var shifts []map[string]any
	if err := json.Unmarshal([]byte(out), &shifts); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	var found map[string]any
	for _, s := range shifts {
		if s["start"] == "2026-10-24T22:00:00+01:00" {
			found = s
		}
	}
	if found == nil {
		t.Fatalf("the sleep-in is not listed: %s", out)
	}
	if got := keys(found); !reflect.DeepEqual(got, []string{"end", "id", "minutes", "pa", "paid_minutes", "start", "status", "type"}) {
		t.Errorf("keys = %v", got)
	}
	if found["end"] != "2026-10-25T08:00:00+00:00" || found["minutes"] != 660.0 || found["paid_minutes"] != 30.0 ||
		found["pa"] != "Łukasz Nowak" || found["type"] != "sleep-in" || found["status"] != "planned" {
		t.Errorf("shift = %v", found)
	}
	// The same PA on an overlapping shift is refused, and nothing is stored.
	wantRefusal(t, 2, "already on a shift", "rota", "add", "--data", path, "--account", acc, "--pa", "Łukasz Nowak",
		"--start", "2026-10-25 07:00", "--end", "2026-10-25 09:00")
	wantRefusal(t, 2, "There is no 01:30 on 29/03/2026", "rota", "add", "--data", path, "--account", acc, "--pa", "Łukasz Nowak",
		"--start", "2026-03-29 01:30", "--end", "2026-03-29 05:00")
	wantRefusal(t, 2, "--type", "rota", "add", "--data", path, "--account", acc, "--pa", "Łukasz Nowak",
		"--start", "2026-12-01 08:00", "--end", "2026-12-01 09:00", "--type", "nap")
	wantRefusal(t, 2, `no PA called "Nobody"`, "rota", "add", "--data", path, "--account", acc, "--pa", "Nobody",
		"--start", "2026-12-01 08:00", "--end", "2026-12-01 09:00")
	wantRefusal(t, 2, "unknown rota command", "rota", "fly")
	wantRefusal(t, 2, "--from is needed", "rota", "list", "--data", path, "--account", acc)
	wantRefusal(t, 2, "before --from", "rota", "list", "--data", path, "--account", acc, "--from", "2026-10-02", "--to", "2026-10-01")

	// A 25-hour shift fires its check; warnings do not change the exit code.
	if code, _, stderr := cli(t, "rota", "add", "--data", path, "--account", acc, "--pa", "Łukasz Nowak",
		"--start", "2026-12-20 08:00", "--end", "2026-12-21 09:00", "--break-minutes", "60"); code != 0 {
		t.Fatalf("long shift: %s", stderr)
	}
	code, out, _ = cli(t, "rota", "check", "--data", path, "--account", acc, "--from", "2026-12-14", "--to", "2026-12-27", "--json")
	if code != 0 {
		t.Fatal(out)
	}
	var ws []map[string]any
	json.Unmarshal([]byte(out), &ws)
	rules := map[string]bool{}
	for _, w := range ws {
		if got := keys(w); !reflect.DeepEqual(got, []string{"date", "message", "pa", "rule"}) {
			t.Errorf("warning keys = %v", got)
		}
		rules[w["rule"].(string)] = true
	}
	if !rules["shift-over-24h"] {
		t.Errorf("rules fired = %v", rules)
	}
	code, out, _ = cli(t, "rota", "check", "--data", path, "--account", acc, "--from", "2026-12-14", "--to", "2026-12-27")
	if code != 0 || !strings.Contains(out, "[shift-over-24h] 20/12/2026:") {
		t.Errorf("check text: %d %q", code, out)
	}
}

func TestExports(t *testing.T) {
	path := demoFile(t)
	dir := t.TempDir()
	rotaPDF := filepath.Join(dir, "rota.pdf")
	if code, _, stderr := cli(t, "export", "rota", "--data", path, "--account", "Priya's support", "--from", "2025-08-11", "--to", "2025-08-17", "--out", rotaPDF); code != 0 {
		t.Fatal(stderr)
	}
	text := reporttest.PDFFileText(t, rotaPDF)
	for _, want := range []string{"Rota: 11/08/2025 to 17/08/2025", "Week of 11/08/2025", "Zoë Ní Bhriain", "[cover for Zoë Ní", "[agency]", "22:00–07:00"} {
		if !strings.Contains(text, want) {
			t.Errorf("rota PDF lacks %q:\n%s", want, text)
		}
	}
	tsPDF := filepath.Join(dir, "ts.pdf")
	if code, _, stderr := cli(t, "export", "timesheets", "--data", path, "--account", "Tom's care", "--from", "2026-11-01", "--to", "2026-11-20", "--out", tsPDF); code != 0 {
		t.Fatal(stderr)
	}
	text = reporttest.PDFFileText(t, tsPDF)
	for _, want := range []string{"Łukasz Nowak", "Declaration by the PA", "PA's signature (Łukasz Nowak)", "Employer's signature (Jane Smith)", "Jane Smith manages the money for Tom Smith, as the suitable person"} {
		if !strings.Contains(text, want) {
			t.Errorf("timesheet PDF lacks %q", want)
		}
	}
	icsPath := filepath.Join(dir, "l.ics")
	if code, _, stderr := cli(t, "export", "ics", "--data", path, "--account", "Tom's care", "--from", "2026-11-16", "--to", "2026-11-29", "--pa", "Łukasz Nowak", "--out", icsPath); code != 0 {
		t.Fatal(stderr)
	}
	f, _ := os.Open(icsPath)
	defer f.Close()
	cal, err := ical.NewDecoder(f).Decode()
	if err != nil {
		t.Fatalf("the calendar does not parse: %v", err)
	}
	// The fortnight has six shifts.
	if n := len(cal.Events()); n != 6 {
		t.Errorf("events = %d, want 6", n)
	}
	wantRefusal(t, 2, "--pa NAME is needed", "export", "ics", "--data", path, "--account", "Tom's care", "--from", "2026-11-16", "--to", "2026-11-29", "--out", icsPath)
	wantRefusal(t, 2, "unknown export", "export", "photos", "--data", path)
	wantRefusal(t, 2, "--out FILE is needed", "export", "rota", "--data", path, "--account", "Tom's care", "--from", "2026-11-16", "--to", "2026-11-29")
	wantRefusal(t, 2, "at most 400 days", "export", "rota", "--data", path, "--account", "Tom's care", "--from", "2020-01-01", "--to", "2026-11-29", "--out", rotaPDF)
}
