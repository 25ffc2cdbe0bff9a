package budget

import (
	"reflect"
	"strings"
	"testing"

	"patoolkit/civil"
	"patoolkit/field"
	"patoolkit/money"
)

var (
	d = civil.MustParse
	m = money.MustParse
)

func TestBalanceOn(t *testing.T) {
	txs := []Transaction{
		{Date: d("2026-03-31"), Amount: m("-99.00")}, // before the opening: ignored
		{Date: d("2026-04-01"), Amount: m("1300.00")},
		{Date: d("2026-04-10"), Amount: m("-480.00")},
		{Date: d("2026-04-11"), Amount: m("-20.00")},
	}
	bal, ignored, ok := BalanceOn(m("100.00"), d("2026-04-01"), txs, d("2026-04-10"))
	if !ok || bal != m("920.00") || ignored != 1 {
		t.Errorf("got %s %d %v", bal, ignored, ok)
	}
	if _, _, ok := BalanceOn(0, d("2026-04-01"), txs, d("2026-03-31")); ok {
		t.Error("a balance before the opening date")
	}
}

func TestCheckTransaction(t *testing.T) {
	cats := DefaultCategories()
	ok := Transaction{Date: d("2026-04-01"), Payee: "SAMPLE CAFE", Amount: m("-5.00"), Category: "pension"}
	if p := CheckTransaction(ok, cats); p != nil {
		t.Errorf("problems %v", p)
	}
	bad := Transaction{Payee: " ", Category: "Biscuits", Note: strings.Repeat("x", 501)}
	want := field.Errors{
		{Field: "date", Message: "The date is needed."},
		{Field: "payee", Message: "Say who the money was paid to or came from."},
		{Field: "amount", Message: "The amount can't be £0.00: enter money in as a positive amount and money out as a negative one."},
		{Field: "category", Message: `"Biscuits" is not one of this account's categories: choose one from the list, or add it first.`},
		{Field: "note", Message: "The note is too long: keep it under 500 characters."},
	}
	if p := CheckTransaction(bad, cats); !reflect.DeepEqual(p, want) {
		t.Errorf("problems %q", p)
	}
}

func TestCategories(t *testing.T) {
	cats := DefaultCategories()
	if len(cats) != 16 || cats[0].Name != CatWages || cats[10].Name != CatOther || !cats[11].Income {
		t.Fatalf("%+v", cats)
	}
	if len(cats.Spending()) != 11 || len(cats)-len(cats.Spending()) != 5 {
		t.Error("spending and income split")
	}
	if got := cats.CheckNewCategory("respite"); got != `There is already a category called "respite".` {
		t.Error(got)
	}
	if got := cats.CheckNewCategory("Cleaning"); got != "" {
		t.Error(got)
	}
	if got := cats.CheckNewCategory("  "); got == "" {
		t.Error("empty name accepted")
	}
	cats[0].Name = "changed"
	if DefaultCategories()[0].Name != CatWages {
		t.Error("DefaultCategories shares its slice")
	}
}

func TestOutstandingOn(t *testing.T) {
	owed := []Owed{
		{ID: 1, Kind: OwedNetPay, Payee: "Zoe Ni Bhriain", Amount: m("480.00"), Raised: d("2026-04-03"), Due: d("2026-04-10")},
		{ID: 2, Kind: OwedHMRC, Payee: "HMRC", Amount: m("212.30"), Raised: d("2026-04-03"), Due: d("2026-05-22")},
		{ID: 3, Kind: OwedInvoice, Payee: "Sample Agency", Amount: m("300.00"), Due: d("2026-04-30"), Settled: true},
		{ID: 4, Kind: OwedPension, Payee: "NEST", Amount: m("40.00"), Raised: d("2026-04-20"), Due: d("2026-05-22")},
	}
	txs := []Transaction{
		{ID: 10, Date: d("2026-04-10"), Amount: m("-480.00"), SettlesID: 1},
		{ID: 11, Date: d("2026-04-12"), Amount: m("-100.00"), SettlesID: 2}, // part payment
	}
	ids := func(os []Owed) (out []string) {
		for _, o := range os {
			out = append(out, o.Payee+" "+o.Amount.String())
		}
		return out
	}
	cases := []struct {
		on   string
		want []string
	}{
		{"2026-04-02", nil},
		{"2026-04-09", []string{"Zoe Ni Bhriain 480.00", "HMRC 212.30"}},
		{"2026-04-10", []string{"HMRC 212.30"}},
		{"2026-04-12", []string{"HMRC 112.30"}},
		{"2026-04-20", []string{"HMRC 112.30", "NEST 40.00"}},
	}
	for _, c := range cases {
		t.Run(c.on, func(t *testing.T) {
			if got := ids(OutstandingOn(owed, txs, d(c.on))); !reflect.DeepEqual(got, c.want) {
				t.Errorf("on %s: %v, want %v", c.on, got, c.want)
			}
		})
	}
}

func TestMatchPayments(t *testing.T) {
	owed := []Owed{
		{ID: 1, Kind: OwedNetPay, Payee: "Zoe Ni Bhriain", Amount: m("200.00"), Due: d("2026-04-03")},
		{ID: 2, Kind: OwedNetPay, Payee: "Zoe Ni Bhriain", Amount: m("200.00"), Due: d("2026-04-10")},
		{ID: 3, Kind: OwedHMRC, Payee: "HMRC", Amount: m("212.30"), Due: d("2026-04-22")},
		{ID: 4, Kind: OwedNetPay, Payee: "Sam Jones", Amount: m("150.00"), Due: d("2026-04-10")},
		{ID: 5, Kind: OwedPension, Payee: "NEST", Amount: m("40.00"), Due: d("2026-04-22")},
		{ID: 6, Kind: OwedInvoice, Payee: "Sample Agency", Amount: m("90.00"), Due: d("2026-04-01"), Settled: true},
		{ID: 7, Kind: OwedInvoice, Payee: "Sample Care", Amount: m("60.00"), Due: d("2026-04-15")},
	}
	txs := []Transaction{
		{ID: 10, Date: d("2026-04-03"), Payee: "Z NI BHRIAIN WAGES", Amount: m("-200.00")}, // weekly wages, on time: auto
		{ID: 11, Date: d("2026-04-10"), Payee: "Z NI BHRIAIN WAGES", Amount: m("-200.00")},
		{ID: 12, Date: d("2026-04-19"), Payee: "HMRC CUMBERNAULD 123PA00045678", Amount: m("-212.30")}, // 3 days early: auto
		{ID: 13, Date: d("2026-04-10"), Payee: "SAM JONES", Amount: m("-150.00")},                      // two payments fit: not auto
		{ID: 14, Date: d("2026-04-11"), Payee: "S JONES", Amount: m("-150.00")},                        // ... "S" is an initial of Sam, JONES whole
		{ID: 15, Date: d("2026-05-10"), Payee: "NEST PENSIONS", Amount: m("-40.00")},                   // too late
		{ID: 16, Date: d("2026-04-01"), Payee: "SAMPLE AGENCY", Amount: m("-90.00")},                   // item already settled
		{ID: 17, Date: d("2026-04-15"), Payee: "SAMPLE CARE", Amount: m("-60.00"), SettlesID: 99},      // payment already used
		{ID: 18, Date: d("2026-04-15"), Payee: "ANOTHER SHOP", Amount: m("-60.00")},                    // payee differs
	}
	got := MatchPayments(owed, txs, 0)
	type pair struct {
		o, t int64
		auto bool
	}
	var pairs []pair
	for _, g := range got {
		pairs = append(pairs, pair{g.OwedID, g.TxID, g.Auto})
	}
	want := []pair{{1, 10, true}, {1, 11, false}, {2, 10, false}, {2, 11, true}, {3, 12, true}, {4, 13, false}, {4, 14, false}}
	if !reflect.DeepEqual(pairs, want) {
		t.Errorf("pairs %v\nwant %v", pairs, want)
	}
	if got[0].Reason != "£200.00 to Z NI BHRIAIN WAGES on 03/04/2026 matches £200.00 owed to Zoe Ni Bhriain, due 03/04/2026." {
		t.Errorf("reason %q", got[0].Reason)
	}
	if !strings.Contains(got[5].Reason, "choose by hand") {
		t.Errorf("reason %q", got[5].Reason)
	}
	// A wider tolerance reaches the late pension payment.
	if ms := MatchPayments(owed[4:5], txs, 30); len(ms) != 1 || !ms[0].Auto || ms[0].TxID != 15 {
		t.Errorf("%+v", ms)
	}
	if CategoryForOwed(OwedHMRC) != CatHMRC || CategoryForOwed(OwedInvoice) != "" {
		t.Error("CategoryForOwed")
	}
}

func TestSettleCandidates(t *testing.T) {
	o := Owed{ID: 1, Kind: OwedInvoice, Payee: "Sample Agency", Amount: m("300"), Due: d("2026-05-01")}
	txs := []Transaction{
		{ID: 1, Date: d("2026-05-03"), Amount: m("-120")},               // 2 days, another amount
		{ID: 2, Date: d("2026-05-20"), Amount: m("-300")},               // 19 days, the exact amount
		{ID: 3, Date: d("2026-04-30"), Amount: m("-300")},               // 1 day, the exact amount
		{ID: 4, Date: d("2026-05-02"), Amount: m("300")},                // money in
		{ID: 5, Date: d("2026-05-01"), Amount: m("-300"), SettlesID: 9}, // settles something else
		{ID: 6, Date: d("2026-07-01"), Amount: m("-300")},               // 61 days
		{ID: 7, Date: d("2026-03-02"), Amount: m("-50")},                // 60 days
	}
	var got []int64
	for _, c := range SettleCandidates(o, txs) {
		got = append(got, c.ID)
	}
	if want := []int64{3, 2, 1, 7}; !reflect.DeepEqual(got, want) {
		t.Errorf("candidates %v, want %v", got, want)
	}
	var many []Transaction
	for i := range 40 {
		many = append(many, Transaction{ID: int64(i + 1), Date: d("2026-05-01"), Amount: -1})
	}
	if n := len(SettleCandidates(o, many)); n != 30 {
		t.Errorf("%d candidates, want 30 at most", n)
	}
}
