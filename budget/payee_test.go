package budget

import (
	"fmt"
	"testing"
)

func TestNormalisePayee(t *testing.T) {
	cases := []struct{ in, want string }{
		{"SAMPLE SUPERMARKET CD 1234", "SAMPLE SUPERMARKET"},
		{"CARD PAYMENT TO SAMPLE SUPERMARKET ON 06 APR", "SAMPLE SUPERMARKET"},
		{"Card Payment to Sample Supermarket, 06 Apr 2026", "SAMPLE SUPERMARKET"},
		{"sample   supermarket", "SAMPLE SUPERMARKET"},
		{"VIS SAMPLE CHEMIST 06APR26", "SAMPLE CHEMIST"},
		{")))  SAMPLE CAFE", "SAMPLE CAFE"},
		{"HMRC CUMBERNAULD 123PA00045678", "HMRC CUMBERNAULD"},
		{"DD SAMPLE INSURANCE LTD", "SAMPLE INSURANCE LTD"},
		{"DIRECT DEBIT PAYMENT TO SAMPLE INSURANCE LTD REF 99887766", "SAMPLE INSURANCE LTD"},
		{"Z NI BHRIAIN WAGES", "Z NI BHRIAIN WAGES"},
		{"FPO Z NI BHRIAIN REF WAGES APR", "Z NI BHRIAIN"},
		{"Sainsbury's", "SAINSBURYS"},
		{"B&Q 1234", "B&Q"},
		{"SAMPLE TAXIS VIS", "SAMPLE TAXIS"},
		{"DD", "DD"},
		{"1234 5678", ""},
		{"", ""},
	}
	for _, c := range cases {
		t.Run(fmt.Sprint(c.in), func(t *testing.T) {
			if got := NormalisePayee(c.in); got != c.want {
				t.Errorf("NormalisePayee(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestSuggestCategory(t *testing.T) {
	rules := []PayeeRule{
		{"SAMPLE", CatOther},
		{"SAMPLE SUPERMARKET", CatEquipment},
		{"SAMPLE CAFE", CatOther},
		{"HMRC", CatHMRC},
		{"SAMPLE CAFE", CatTraining}, // a later rule of the same length wins
	}
	cases := []struct {
		desc string
		want Category
		ok   bool
	}{
		{"CARD PAYMENT TO SAMPLE SUPERMARKET CD 1234 ON 06 APR", CatEquipment, true},
		{"SAMPLE SUPERMARKETS", CatOther, true}, // whole words only: "SAMPLE" fits, "SAMPLE SUPERMARKET" does not
		{"SAMPLE CAFE", CatTraining, true},
		{"HMRC CUMBERNAULD 123PA00045678", CatHMRC, true},
		{"HMRCX", "", false},
		{"OTHER SHOP", "", false},
	}
	for _, c := range cases {
		t.Run(c.desc, func(t *testing.T) {
			got, ok := SuggestCategory(c.desc, rules)
			if got != c.want || ok != c.ok {
				t.Errorf("SuggestCategory(%q) = %q, %v; want %q, %v", c.desc, got, ok, c.want, c.ok)
			}
		})
	}
}

func TestLearnRule(t *testing.T) {
	r := LearnRule("VIS SAMPLE CHEMIST 06APR26", CatEquipment)
	if r != (PayeeRule{"SAMPLE CHEMIST", CatEquipment}) {
		t.Fatalf("LearnRule = %+v", r)
	}
	if r := LearnRule("1234", CatOther); r.Match != "" { // nothing to learn
		t.Errorf("LearnRule of codes = %+v", r)
	}
	// The newer of two rules with the same match wins, as storage keeps
	// them in the order confirmed.
	rules := []PayeeRule{r, {"HMRC", CatHMRC}, LearnRule("SAMPLE CHEMIST", CatOther)}
	if c, _ := SuggestCategory("SAMPLE CHEMIST CD 9999", rules); c != CatOther {
		t.Errorf("suggested %q", c)
	}
}

func TestPayeeMatches(t *testing.T) {
	checkPayeePairs(t, "PayeeMatches", PayeeMatches, false, []payeePair{
		// owed, transaction
		{"Zoe Ni Bhriain", "Z NI BHRIAIN WAGES", true},
		{"Zoe Ni Bhriain", "FPO ZOE NI BHRIAIN", true},
		{"Z Ni Bhriain", "ZOE NI BHRIAIN", true},
		{"Zoe Ni Bhriain", "Z SMITH WAGES", false},
		{"Zoe Ni Bhriain", "NI BHRIAIN", false}, // first name missing
		{"HMRC", "HMRC CUMBERNAULD 123PA00045678", true},
		{"HM Revenue & Customs", "HMRC NDDS", true},
		{"NEST", "NEST PENSIONS", true},
		{"Z", "Z NI BHRIAIN", false}, // an initial alone is not enough
		{"", "ANY", false},
	})
}

// payeePair is two names and whether they should be taken for one payee.
type payeePair struct {
	a, b string
	want bool
}

// checkPayeePairs checks f on each pair, and also the other way round when
// f should be symmetric.
func checkPayeePairs(t *testing.T, name string, f func(a, b string) bool, symmetric bool, cases []payeePair) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.a+" | "+c.b, func(t *testing.T) {
			if got := f(c.a, c.b); got != c.want {
				t.Errorf("%s(%q, %q) = %v, want %v", name, c.a, c.b, got, c.want)
			}
			if !symmetric {
				return
			}
			if got := f(c.b, c.a); got != c.want {
				t.Errorf("%s(%q, %q) = %v, want %v (the other way round)", name, c.b, c.a, got, c.want)
			}
		})
	}
}

func TestStarterRules(t *testing.T) {
	rules := StarterRules()
	for desc, want := range map[string]Category{
		"HMRC CUMBERNAULD 123PA00045678": CatHMRC,
		"DD HM REVENUE & CUSTOMS":        CatHMRC,
		"NEST PENSIONS DD":               CatPension,
		"The People's Pension":           CatPension,
		"NESTLE SHOP":                    "",
	} {
		t.Run(desc, func(t *testing.T) {
			if got, _ := SuggestCategory(desc, rules); got != want {
				t.Errorf("%s: %q, want %q", desc, got, want)
			}
		})
	}
	for _, r := range rules {
		if r.Match != NormalisePayee(r.Match) {
			t.Errorf("rule %q is not normalised", r.Match)
		}
	}
}

func TestPayeesAgree(t *testing.T) {
	checkPayeePairs(t, "PayeesAgree", PayeesAgree, true, []payeePair{
		// A line entered by hand and the bank's description of it.
		{"Zoe wages", "Z NI BHRIAIN WAGES", true},
		{"Zoë (April wages)", "Z NI BHRIAIN WAGES", true},
		{"Zoë Ní Bhriain", "Z NI BHRIAIN WAGES", true},
		{"Priya Shah (contribution)", "P SHAH CONTRIBUTION", true},
		{"Wigan Council", "WIGAN COUNCIL DIRECT PAYMENT", true},
		{"NEST", "NEST PENSIONS", true},
		{"Chemist", "SAMPLE CHEMIST", true},
		{"HMRC", "HMRC CUMBERNAULD 123PA00045678", true},
		{"Chemist", "TOTALLY DIFFERENT SHOP", false},
		{"Sample Chemist", "SAMPLE SUPERMARKET", false},
		{"Zoe wages", "S OKAFOR WAGES", false},
		{"coffee", "SAMPLE CAFE", false},
		{"Z", "Z NI BHRIAIN", false},
		// The same bank line in two formats.
		{"WIGAN COUNCIL DIRECT PAYMENT", "WIGAN COUNCIL DP DIRECT PAYMENT", true},
		{"BGC WIGAN COUNCIL", "WIGAN COUNCIL DP", true},
		{"WIGAN COUNCIL DIRECT PAYMENT", "MBC DP 0042", false},
		{"1234 5678", "1234 5678", false},
		{"", "", false},
	})
}
