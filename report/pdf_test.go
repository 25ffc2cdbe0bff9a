package report

import (
	"bytes"
	"flag"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"patoolkit/report/reporttest"
)

// update rewrites testdata from what the writers give now.
var update = flag.Bool("update", false, "rewrite testdata (go test ./report -update)")

const refresh = "go test ./report -update"

func TestDocTextAndDeterminism(t *testing.T) {
	made := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	build := func() []byte {
		d := NewDoc("Timesheet", "Jane Smith manages the money for Tom Smith, as the suitable person", made, false)
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
	text := reporttest.PDFText(t, a)
	reporttest.Golden(t, filepath.Join("testdata", "doc.txt"), []byte(text), *update, refresh)
	for _, want := range []string{"Timesheet", "Jane Smith manages the money for Tom Smith, as the suitable person", "Zoë Ní Bhriain", "£1,156.25",
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
