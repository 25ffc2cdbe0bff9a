package budget

import (
	"reflect"
	"strings"
	"testing"

	"patoolkit/household"
	"patoolkit/money"
)

// statusCase builds an account whose surplus is set by the opening
// balance. Money owed is £620.00 (wages £480.00, HMRC £140.00), set aside
// £400.00 (HMRC quarter £300.00, holiday cover £100.00), contingency
// £500.00: £1,520.00 in all. Transactions in April add £1,160.00
// (+1,300.00 − 100.00 − 40.00), so balance = opening + 1,160.00 and
// surplus = opening + 1,160.00 − 1,520.00 = opening − 360.00.
// The limit is 8 weeks of £1,300.00 a month = 1,300 × 12 × 8 ÷ 52 = £2,400.00.
func statusCase(opening string) StatusInput {
	return StatusInput{
		OpeningBalance: m(opening),
		OpeningDate:    d("2026-04-01"),
		Transactions: []Transaction{
			{Date: d("2026-03-30"), Amount: m("-999.00")}, // before the opening: not counted
			{Date: d("2026-04-01"), Amount: m("1300.00")},
			{Date: d("2026-04-06"), Amount: m("-100.00")},
			{Date: d("2026-04-20"), Amount: m("-40.00")},
			{Date: d("2026-05-01"), Amount: m("1300.00")}, // after the day: not counted
		},
		On: d("2026-04-30"),
		Owed: []Owed{
			{ID: 1, Kind: OwedNetPay, Payee: "Zoe Ni Bhriain", Amount: m("480.00"), Due: d("2026-05-01")},
			{ID: 2, Kind: OwedHMRC, Payee: "HMRC", Amount: m("140.00"), Due: d("2026-05-22")},
		},
		SetAside:          []SetAside{{"HMRC quarter", m("300.00")}, {"holiday cover", m("100.00")}},
		Contingency:       m("500.00"),
		Payment:           m("1300.00"),
		PaymentFrequency:  household.Monthly,
		SurplusLimitWeeks: 8,
		Council:           "Wigan Council",
	}
}

func TestWhereIStand(t *testing.T) {
	cases := []struct {
		name     string
		opening  string
		balance  string
		surplus  string
		over     bool
		overBy   string
		headline string
	}{
		// surplus 4,000.00 − 360.00 = 3,640.00 = 2,400.00 + 1,240.00
		{"over", "4000.00", "5160.00", "3640.00", true, "1240.00",
			"You hold £1,240.00 more than Wigan Council's 8-week limit. The council may ask for it back at your review."},
		// surplus 2,450.00 − 360.00 = 2,090.00 = 2,400.00 − 310.00
		{"under", "2450.00", "3610.00", "2090.00", false, "0.00",
			"You are within Wigan Council's 8-week limit: £310.00 below it."},
		{"at", "2760.00", "3920.00", "2400.00", false, "0.00",
			"You are exactly at Wigan Council's 8-week limit (£2,400.00). Any more and the council may ask for the extra back."},
		// a penny over
		{"a penny over", "2760.01", "3920.01", "2400.01", true, "0.01",
			"You hold £0.01 more than Wigan Council's 8-week limit. The council may ask for it back at your review."},
		// balance 1,000.00 covers the £620.00 owed but not the £900.00 set aside and contingency
		{"no surplus", "-160.00", "1000.00", "-520.00", false, "0.00",
			"You can pay what you owe, but you are £520.00 short of the money set aside and the contingency. You have no surplus."},
		// balance 500.00 < owed 620.00
		{"owe more than hold", "-660.00", "500.00", "-1020.00", false, "0.00",
			"You owe more than you hold: £120.00 short. Speak to the council before it gets worse."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st, err := WhereIStand(statusCase(c.opening))
			if err != nil {
				t.Fatal(err)
			}
			if st.Balance != m(c.balance) || st.Owed != m("620.00") || st.SetAside != m("400.00") || st.Contingency != m("500.00") ||
				st.Surplus != m(c.surplus) || st.SurplusLimit != m("2400.00") || st.OverLimit != c.over || st.OverBy != m(c.overBy) {
				t.Errorf("%+v", st)
			}
			if st.Headline != c.headline {
				t.Errorf("headline %q\nwant     %q", st.Headline, c.headline)
			}
			if len(st.Warnings) != 1 || !strings.HasPrefix(st.Warnings[0], "1 transaction dated before the opening balance (01/04/2026) is not counted") {
				t.Errorf("warnings %q", st.Warnings)
			}
		})
	}

	st, _ := WhereIStand(statusCase("4000.00"))
	wantLines := []string{
		"Balance at the end of 30/04/2026: £5,160.00.",
		"Money owed: £620.00 (unpaid wages £480.00, HMRC due £140.00).",
		"Set aside for a purpose: £400.00 (HMRC quarter £300.00, holiday cover £100.00).",
		"Contingency agreed with the council: £500.00.",
		"Surplus (balance less money owed, set aside and contingency): £3,640.00.",
		"Wigan Council's limit: 8 weeks of the payment (£1,300.00 a month) = £2,400.00.",
	}
	if !reflect.DeepEqual(st.Lines, wantLines) {
		t.Errorf("lines %q", st.Lines)
	}
	if len(st.OwedByKind) != 2 || st.OwedByKind[0] != (KindAmount{OwedNetPay, "unpaid wages", m("480.00")}) {
		t.Errorf("by kind %+v", st.OwedByKind)
	}
}

func TestWhereIStandVariants(t *testing.T) {
	in := statusCase("4000.00")
	in.SurplusLimitWeeks = 0
	in.Council = ""
	st, err := WhereIStand(in)
	if err != nil {
		t.Fatal(err)
	}
	if st.OverLimit || st.SurplusLimit != 0 ||
		st.Headline != "Your surplus is £3,640.00. Enter the council's surplus limit (in weeks of the payment) to see whether the council may ask for some back." {
		t.Errorf("%+v", st)
	}
	in = statusCase("4000.00")
	in.Council = "St Helens"
	in.Owed, in.SetAside, in.Contingency = nil, nil, 0
	st, _ = WhereIStand(in)
	if st.Headline != "You hold £2,760.00 more than St Helens' 8-week limit. The council may ask for it back at your review." {
		t.Errorf("%q", st.Headline)
	}
	if st.Lines[1] != "Money owed: nothing." {
		t.Errorf("%q", st.Lines)
	}

	in = statusCase("4000.00")
	in.On = d("2026-03-01")
	in.PaymentFrequency = ""
	if _, err := WhereIStand(in); err == nil || err.Error() != "01/03/2026 is before the account's opening balance on 01/04/2026: choose a date on or after it. Say how often the council pays (weekly, every 4 weeks or monthly) so the surplus limit can be worked out." {
		t.Errorf("err = %v", err)
	}
}

func TestStatusJSONKeys(t *testing.T) {
	st, _ := WhereIStand(statusCase("4000.00"))
	b, err := jsonMarshal(st)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{`"balance":"5160.00"`, `"owed":"620.00"`, `"set_aside":"400.00"`, `"contingency":"500.00"`,
		`"surplus":"3640.00"`, `"surplus_limit":"2400.00"`, `"over_limit":true`} {
		if !strings.Contains(string(b), k) {
			t.Errorf("JSON lacks %s: %s", k, b)
		}
	}
	_ = money.Money(0)
}
