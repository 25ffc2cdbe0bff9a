package report

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"patoolkit/civil"
	"patoolkit/report/reporttest"
)

func exampleHoliday() []HolidayDoc {
	d := civil.MustParse
	return []HolidayDoc{
		{PA: "Zoë Ní Bhriain", On: d("2025-08-12"), From: d("2025-04-06"), To: d("2026-04-05"), Method: "5.6 weeks",
			Entitlement: "112 hours", Carried: "0 hours", Taken: "8 hours", Booked: "12 hours", Remaining: "92 hours",
			Explanation: []string{"A full year's holiday is 5.6 weeks of 20 hours: 112 hours."},
			Holidays: []HolidayRow{{From: d("2025-08-11"), To: d("2025-08-15"), Taken: "8 hours", Booked: "12 hours", Note: "Summer holiday."},
				{From: d("2025-12-24"), To: d("2025-12-24"), Booked: "4 hours"}}},
		{PA: "Sam Okafor", On: d("2025-08-12"), From: d("2025-04-06"), To: d("2026-04-05"), Method: "rolled up: paid in each payslip",
			Entitlement: "31 hours 55 minutes (paid in each payslip)", Carried: "0 hours", Taken: "0 hours", Booked: "0 hours", Remaining: "31 hours 55 minutes"},
	}
}

func TestHolidayPDF(t *testing.T) {
	made := time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)
	build := func() []byte {
		var buf bytes.Buffer
		if err := HolidayPDF(&buf, "Priya Shah manages the money", made, exampleHoliday()); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	a, b := build(), build()
	if !bytes.Equal(a, b) {
		t.Error("the same holiday records gave different bytes")
	}
	keepPDF(t, "holiday.pdf", a)
	text := reporttest.PDFText(t, a)
	reporttest.Golden(t, filepath.Join("testdata", "holiday.txt"), []byte(text), *update, refresh)
	pages := strings.Split(text, "\f")
	for _, tc := range []struct {
		page int
		want string
	}{
		{0, "Zoë Ní Bhriain: holiday as on 12 August 2025"}, {0, "06/04/2025 to 05/04/2026"}, {0, "Remaining"}, {0, "92 hours"},
		{0, "11/08/2025 to 15/08/2025"}, {0, "Summer holiday."}, {0, "24/12/2025"}, {0, "How the entitlement was worked out"},
		{0, "Carried over from last year"},
		{1, "Sam Okafor"}, {1, "paid in each payslip"}, {1, "No holiday is taken or booked"},
	} {
		if tc.page >= len(pages) || !strings.Contains(pages[tc.page], tc.want) {
			t.Errorf("page %d lacks %q", tc.page+1, tc.want)
		}
	}
	if err := HolidayPDF(&bytes.Buffer{}, "", made, nil); !errors.Is(err, ErrNoHolidayRecords) {
		t.Errorf("no records: err %v", err)
	}
}
