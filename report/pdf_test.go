package report

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite testdata from what the writers give now (go test ./report -update)")

// golden compares got with testdata/name, or writes it there with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v: write it with go test ./report -update", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s has changed; if the change is meant, run go test ./report -update and review the diff.\ngot:\n%s", path, got)
	}
}

// pdfText returns the text of a PDF, as pdftotext (poppler-utils) reads it.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is missing: install poppler-utils (scripts/deps.sh test does) to check the PDFs' text")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", in, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (install poppler-utils): %v", err)
	}
	return string(out)
}

func TestDocTextAndDeterminism(t *testing.T) {
	made := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	build := func() []byte {
		d := NewDoc("Timesheet", "Managed by Jane Smith for Tom Smith", made, false)
		d.Heading("Zoë Ní Bhriain")
		d.Pairs([][2]string{{"Period", "06/04/2026 to 05/05/2026"}, {"Gross pay", "£1,156.25"}})
		rows := make([][]string, 80)
		for i := range rows {
			rows[i] = []string{"Łukasz Nowak", "Mon 06/04/2026", "08:00–12:00", "£52.40"}
		}
		d.Table([]Column{{Heading: "PA"}, {Heading: "Date", Width: 35}, {Heading: "Times", Width: 30}, {Heading: "Pay", Width: 25, Align: "R"}}, rows)
		d.SignatureLines("PA's signature", "Employer's signature")
		var buf bytes.Buffer
		if _, err := d.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	a, b := build(), build()
	if !bytes.Equal(a, b) {
		t.Error("the same document gave different bytes")
	}
	text := pdfText(t, a)
	golden(t, "doc.txt", []byte(text))
	for _, want := range []string{"Timesheet", "Managed by Jane Smith for Tom Smith", "Zoë Ní Bhriain", "£1,156.25",
		"Łukasz Nowak", "Page 1 of 3", "Page 3 of 3", "Made with PA Employer Toolkit on 20/11/2026", "Employer's signature"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	// The heading row repeats on the second page.
	if strings.Count(text, "Times") < 2 {
		t.Error("table heading not repeated on page 2")
	}
}
