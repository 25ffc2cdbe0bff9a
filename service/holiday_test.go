package service

import (
	"bytes"
	"strings"
	"testing"

	"patoolkit/civil"
	"patoolkit/report/reporttest"
)

// TestHolidayRecordsDemo checks the demo's holiday records: Zoë's week in
// August 2025 is taken in her leave year from 6 April 2025, Sam's holiday
// builds up from his payslips, Chris's is pro rata after he leaves.
func TestHolidayRecordsDemo(t *testing.T) {
	s, accounts := demoService(t)
	priya := accounts["Priya's support"]
	pas, err := s.PAs(priya.ID)
	if err != nil {
		t.Fatal(err)
	}
	id := map[string]int64{}
	for _, p := range pas {
		id[p.Name] = p.ID
	}
	for _, tc := range []struct {
		name, pa, on    string
		from            string
		ent, tak, booke int64
		method          string
	}{
		{"Zoë after her August holiday", "Zoë Ní Bhriain", "2025-09-01", "2025-04-06", 112 * 60, 20 * 60, 0, "5.6 weeks"},
		{"Zoë in the middle of it", "Zoë Ní Bhriain", "2025-08-12", "2025-04-06", 112 * 60, 8 * 60, 12 * 60, "5.6 weeks"},
		{"Zoë before it", "Zoë Ní Bhriain", "2025-07-01", "2025-04-06", 112 * 60, 0, 20 * 60, "5.6 weeks"},
		{"Zoë's next leave year", "Zoë Ní Bhriain", "2026-04-06", "2026-04-06", 112 * 60, 0, 0, "5.6 weeks"},
		{"Chris after leaving: pro rata", "Chris Walker", "2026-10-01", "2026-04-06", 1635, 0, 0, "5.6 weeks"}, // 4032 x 148 / 365
	} {
		t.Run(tc.name, func(t *testing.T) {
			recs, err := s.HolidayRecords(priya.ID, id[tc.pa], civil.MustParse(tc.on))
			if err != nil {
				t.Fatal(err)
			}
			if len(recs) != 1 || recs[0].PA.Name != tc.pa {
				t.Fatalf("%d records, want %s's", len(recs), tc.pa)
			}
			r := recs[0]
			if r.Year.From.String() != tc.from || r.EntitlementMinutes != tc.ent || r.TakenMinutes != tc.tak || r.BookedMinutes != tc.booke || r.Method() != tc.method {
				t.Errorf("from %s entitlement %d taken %d booked %d %q, want %s %d %d %d %q", r.Year.From, r.EntitlementMinutes, r.TakenMinutes, r.BookedMinutes, r.Method(),
					tc.from, tc.ent, tc.tak, tc.booke, tc.method)
			}
		})
	}
	t.Run("every PA, Sam's from his payslips", func(t *testing.T) {
		recs, err := s.HolidayRecords(priya.ID, 0, civil.MustParse("2025-09-01"))
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, r := range recs {
			names = append(names, r.PA.Name)
			if r.PA.Name == "Sam Okafor" && (!r.Accrues || r.WorkedMinutes == 0 || r.EntitlementMinutes == 0 || r.WorkedPeriods == 0) {
				t.Errorf("Sam's holiday does not build up from his payslips: %+v", r.HolidayRecord)
			}
		}
		if got := strings.Join(names, ", "); got != "Chris Walker, Sam Okafor, Zoë Ní Bhriain" {
			t.Errorf("records for %s", got)
		}
	})
	t.Run("a leaver long gone is left out", func(t *testing.T) {
		recs, err := s.HolidayRecords(priya.ID, 0, DemoEnd)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range recs {
			if r.PA.Name == "Chris Walker" {
				t.Error("Chris left more than 60 days before and is still listed")
			}
		}
	})
	t.Run("PDF", func(t *testing.T) {
		var buf bytes.Buffer
		if err := s.ExportHolidayPDF(&buf, priya.ID, id["Zoë Ní Bhriain"], civil.MustParse("2025-08-12")); err != nil {
			t.Fatal(err)
		}
		text := reporttest.PDFText(t, buf.Bytes())
		for _, want := range []string{"Holiday record", "Zoë Ní Bhriain", "06/04/2025 to 05/04/2026", "112 hours", "11/08/2025 to 15/08/2025", "8 hours", "12 hours", "92 hours", "Carried over from last year"} {
			if !strings.Contains(text, want) {
				t.Errorf("holiday record lacks %q:\n%s", want, text)
			}
		}
	})
}

func TestHolidayRecordsRefused(t *testing.T) {
	s, accounts := demoService(t)
	priya, tom := accounts["Priya's support"], accounts["Tom's care"]
	pas, err := s.PAs(priya.ID)
	if err != nil {
		t.Fatal(err)
	}
	zoe := pas[len(pas)-1].ID
	for _, tc := range []struct {
		name    string
		account int64
		pa      int64
		on      civil.Date
		code    Code
		says    string
	}{
		{"no day", priya.ID, zoe, civil.Date{}, Invalid, "Choose the day"},
		{"before she started", priya.ID, zoe, civil.MustParse("2025-01-01"), Invalid, "had not started by 01/01/2025"},
		{"another budget's PA", tom.ID, zoe, DemoEnd, NotFound, "not one of this budget's PAs"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.HolidayRecords(tc.account, tc.pa, tc.on)
			if ErrorCode(err) != tc.code || !strings.Contains(ErrorMessage(err), tc.says) {
				t.Errorf("err %v (code %d), want code %d saying %q", err, ErrorCode(err), tc.code, tc.says)
			}
		})
	}
}
