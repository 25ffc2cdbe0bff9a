package budget

import (
	"reflect"
	"strings"
	"testing"

	"patoolkit/civil"
	"patoolkit/field"
	"patoolkit/household"
)

// fields returns the names of the refused fields, in order.
func fields(p field.Errors) []string {
	var out []string
	for _, e := range p {
		out = append(out, e.Field)
	}
	return out
}

func TestCheckOpening(t *testing.T) {
	paid := household.Account{Payment: m("1300"), Contribution: m("20")}
	for _, c := range []struct {
		name string
		o    Opening
		a    household.Account
		want []string
	}{
		{"all given", Opening{Balance: m("-50"), Date: d("2026-04-01"), PaymentFirst: d("2026-04-01"), ContributionFirst: d("2026-04-03")}, paid, nil},
		{"nothing given, nothing paid", Opening{}, household.Account{}, []string{"opening_date"}},
		{"nothing given, both paid", Opening{}, paid, []string{"opening_date", "payment_first", "contribution_first"}},
		{"too large", Opening{Balance: -maxAmount - 1, Date: d("2026-04-01")}, household.Account{}, []string{"opening_balance"}},
		{"the largest", Opening{Balance: maxAmount, Date: d("2026-04-01")}, household.Account{}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := fields(CheckOpening(c.o, c.a)); !reflect.DeepEqual(got, c.want) {
				t.Errorf("fields %v, want %v", got, c.want)
			}
		})
	}
}

func TestCheckOwed(t *testing.T) {
	ok := Owed{Kind: OwedHMRC, Payee: "HMRC", Amount: m("212.30"), Raised: d("2026-04-01"), Due: d("2026-04-22")}
	for _, c := range []struct {
		name string
		edit func(*Owed)
		want []string
	}{
		{"as entered", func(*Owed) {}, nil},
		{"unknown kind", func(o *Owed) { o.Kind = "gift" }, []string{"kind"}},
		{"no payee", func(o *Owed) { o.Payee = " " }, []string{"payee"}},
		{"payee on two lines", func(o *Owed) { o.Payee = "H\nMRC" }, []string{"payee"}},
		{"nothing owed", func(o *Owed) { o.Amount = 0 }, []string{"amount"}},
		{"too large", func(o *Owed) { o.Amount = maxAmount + 1 }, []string{"amount"}},
		{"no due date", func(o *Owed) { o.Due = civil.Date{} }, []string{"due"}},
		{"due before raised", func(o *Owed) { o.Due = d("2026-03-31") }, []string{"due"}},
		{"everything wrong", func(o *Owed) { *o = Owed{Kind: "gift", Amount: -1} }, []string{"kind", "payee", "amount", "due"}},
	} {
		checkEdited(t, c.name, ok, c.edit, CheckOwed, c.want)
	}
}

func TestCheckSetAside(t *testing.T) {
	for _, c := range []struct {
		name string
		s    SetAside
		want []string
	}{
		{"as entered", SetAside{Purpose: "Holiday cover", Amount: m("150")}, nil},
		{"nothing", SetAside{Amount: -5}, []string{"purpose", "amount"}},
		{"purpose too long", SetAside{Purpose: strings.Repeat("x", 101), Amount: 1}, []string{"purpose"}},
		{"too large", SetAside{Purpose: "HMRC quarter", Amount: maxAmount + 1}, []string{"amount"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := fields(CheckSetAside(c.s)); !reflect.DeepEqual(got, c.want) {
				t.Errorf("fields %v, want %v", got, c.want)
			}
		})
	}
}

func TestCheckBill(t *testing.T) {
	ok := Bill{Payee: "Insurer", Amount: m("124.90"), Date: d("2027-04-06"), Repeat: RepeatYearly}
	for _, c := range []struct {
		name string
		edit func(*Bill)
		want []string
	}{
		{"as entered", func(*Bill) {}, nil},
		{"every repeat offered", func(b *Bill) { b.Repeat = household.FourWeekly }, nil},
		{"once", func(b *Bill) { b.Repeat = "" }, nil},
		{"daily", func(b *Bill) { b.Repeat = "daily" }, []string{"repeat"}},
		{"no payee", func(b *Bill) { b.Payee = "" }, []string{"payee"}},
		{"free", func(b *Bill) { b.Amount = 0 }, []string{"amount"}},
		{"ends before it starts", func(b *Bill) { b.Until = d("2027-04-05") }, []string{"until"}},
		{"everything wrong", func(b *Bill) { *b = Bill{Repeat: "daily", Amount: -1} }, []string{"payee", "amount", "date", "repeat"}},
	} {
		checkEdited(t, c.name, ok, c.edit, CheckBill, c.want)
	}
}

// checkEdited runs one case of a check: the record as entered, edited by
// the case, is refused on the fields want (nil: accepted).
func checkEdited[T any](t *testing.T, name string, ok T, edit func(*T), check func(T) field.Errors, want []string) {
	t.Helper()
	t.Run(name, func(t *testing.T) {
		r := ok
		edit(&r)
		if got := fields(check(r)); !reflect.DeepEqual(got, want) {
			t.Errorf("fields %v, want %v", got, want)
		}
	})
}
