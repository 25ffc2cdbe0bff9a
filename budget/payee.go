package budget

import (
	"strings"
	"unicode"
)

// PayeeRule is a category the person has confirmed for a payee: lines
// whose normalised description starts with Match (as whole words) are
// suggested Category.
type PayeeRule struct {
	Match    string   `json:"match"` // normalised payee text (see NormalisePayee)
	Category Category `json:"category"`
}

// leadingCodes are the transaction-type words banks put before the payee.
// They are removed from the start, longest phrase first.
var leadingCodes = [][]string{
	{"DIRECT", "DEBIT", "PAYMENT", "TO"},
	{"FASTER", "PAYMENTS", "RECEIPT", "FROM"},
	{"FASTER", "PAYMENT", "RECEIPT", "FROM"},
	{"CARD", "PAYMENT", "TO"},
	{"CONTACTLESS", "PAYMENT", "TO"},
	{"DIRECT", "DEBIT", "TO"},
	{"STANDING", "ORDER", "TO"},
	{"FASTER", "PAYMENT", "TO"},
	{"BILL", "PAYMENT", "TO"},
	{"BANK", "GIRO", "CREDIT"},
	{"CARD", "PAYMENT"},
	{"CONTACTLESS", "PAYMENT"},
	{"DIRECT", "DEBIT"},
	{"STANDING", "ORDER"},
	{"FASTER", "PAYMENT"},
	{"BILL", "PAYMENT"},
	{"PAYMENT", "TO"},
	{"PAYMENT", "FROM"},
	{"TRANSFER", "TO"},
	{"TRANSFER", "FROM"},
	{"CONTACTLESS"},
	{"VIS"}, {"VISA"}, {"DEB"}, {"DD"}, {"SO"}, {"BGC"}, {"FPO"}, {"FPI"}, {"FP"},
	{"BP"}, {"TFR"}, {"CPT"}, {"POS"}, {"CHQ"},
}

// trailingCodes are removed from the end.
var trailingCodes = map[string]bool{
	"VIS": true, "VISA": true, "DEB": true, "DD": true, "SO": true, "BGC": true,
	"FPO": true, "FPI": true, "BP": true, "TFR": true, "CPT": true, "POS": true,
	"ON": true, "CD": true, "GBP": true,
}

var months = map[string]bool{
	"JAN": true, "FEB": true, "MAR": true, "APR": true, "MAY": true, "JUN": true,
	"JUL": true, "AUG": true, "SEP": true, "SEPT": true, "OCT": true, "NOV": true, "DEC": true,
	"JANUARY": true, "FEBRUARY": true, "MARCH": true, "APRIL": true, "JUNE": true,
	"JULY": true, "AUGUST": true, "SEPTEMBER": true, "OCTOBER": true, "NOVEMBER": true, "DECEMBER": true,
}

// NormalisePayee reduces a bank statement description to the payee's
// name, so that the same payee reads the same on every statement:
//
//   - capitals; apostrophes removed ("Sainsbury's" → "SAINSBURYS"); other
//     punctuation (except "&") becomes a space; runs of spaces become one;
//   - transaction-type words at the start are dropped ("CARD PAYMENT TO",
//     "DIRECT DEBIT", "VIS", "DD", "SO", "FPO", "BGC", ...);
//   - everything from a "REF" word on is dropped ("REF WAGES APR");
//   - every word containing a digit is dropped (card numbers "CD 1234",
//     dates "06APR26", references "123PA00045678"), with the "CD" before a
//     card number and a month name next to a dropped number ("06 APR");
//   - type words and "ON" left at the end are dropped.
//
// "CARD PAYMENT TO SAMPLE SUPERMARKET CD 1234 ON 06 APR" and
// "Sample Supermarket" both become "SAMPLE SUPERMARKET". A description
// that is nothing but codes and numbers normalises to "".
func NormalisePayee(desc string) string {
	var b strings.Builder
	b.Grow(len(desc))
	for _, r := range desc {
		switch {
		case r == '\'' || r == '’':
			// drop
		case r == '&' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToUpper(r))
		default:
			b.WriteByte(' ')
		}
	}
	words := strings.Fields(b.String())

	// Drop everything from REF on.
	for i, w := range words {
		if i > 0 && (w == "REF" || w == "REFERENCE") {
			words = words[:i]
			break
		}
	}
	// Mark words to drop: any with a digit; "CD" before a number; a month
	// name next to a number.
	hasDigit := func(w string) bool { return strings.IndexFunc(w, unicode.IsDigit) >= 0 }
	drop := make([]bool, len(words))
	for i, w := range words {
		if !hasDigit(w) {
			continue
		}
		drop[i] = true
		if i > 0 && (words[i-1] == "CD" || months[words[i-1]]) {
			drop[i-1] = true
		}
		if i+1 < len(words) && months[words[i+1]] {
			drop[i+1] = true
		}
	}
	kept := words[:0]
	for i, w := range words {
		if !drop[i] {
			kept = append(kept, w)
		}
	}
	words = kept

	// Leading codes, repeatedly ("DD DIRECT DEBIT ...").
	for again := true; again && len(words) > 0; {
		again = false
		for _, p := range leadingCodes {
			if len(words) > len(p) && hasPrefix(words, p) {
				words = words[len(p):]
				again = true
				break
			}
		}
	}
	for len(words) > 1 && trailingCodes[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	return strings.Join(words, " ")
}

func hasPrefix(words, p []string) bool {
	for i := range p {
		if words[i] != p[i] {
			return false
		}
	}
	return true
}

// normaliseDescription is the lighter normalisation used for import keys:
// capitals and single spaces, nothing removed, so two different lines
// never share a key because of it.
func normaliseDescription(desc string) string {
	return strings.Join(strings.Fields(strings.ToUpper(desc)), " ")
}

// SuggestCategory returns the category of the rule that best fits a
// statement description: the rule whose Match is the longest whole-word
// prefix of the normalised description (or equal to it). When two rules
// of the same length fit, the later one in the list wins, so a storage
// layer that keeps rules in the order they were confirmed lets the newest
// confirmation win.
func SuggestCategory(desc string, rules []PayeeRule) (Category, bool) {
	return suggestNormalised(NormalisePayee(desc), rules)
}

func suggestNormalised(n string, rules []PayeeRule) (Category, bool) {
	best, bestLen := Category(""), -1
	for _, r := range rules {
		m := r.Match
		if m == "" || len(m) < bestLen {
			continue
		}
		if n == m || (len(n) > len(m) && n[len(m)] == ' ' && n[:len(m)] == m) {
			best, bestLen = r.Category, len(m)
		}
	}
	return best, bestLen >= 0
}

// LearnRule makes the rule a person's confirmation teaches: "lines like
// this one are this category". Its Match is the normalised description;
// when that is empty (a description of nothing but codes) the rule's
// Match is empty and it matches nothing.
func LearnRule(desc string, category Category) PayeeRule {
	return PayeeRule{Match: NormalisePayee(desc), Category: category}
}

// StarterRules are rules a new account may start with, for payees whose
// category is certain: HMRC's collection accounts and the largest
// auto-enrolment pension schemes for PAs. The person's own rules, added
// after these, win where they overlap (see SuggestCategory).
func StarterRules() []PayeeRule {
	return []PayeeRule{
		{"HMRC", CatHMRC},
		{"HM REVENUE", CatHMRC},
		{"NEST", CatPension},
		{"NEST PENSIONS", CatPension},
		{"THE PEOPLES PENSION", CatPension},
		{"PEOPLES PENSION", CatPension},
	}
}

// PayeesAgree reports whether two descriptions of a payment name the same
// payee, either way round: a line entered by hand ("Zoë (April wages)",
// "Chemist", "NEST") and the bank's description of it ("Z NI BHRIAIN
// WAGES", "SAMPLE CHEMIST", "NEST PENSIONS"), or the same bank line in two
// formats ("WIGAN COUNCIL DIRECT PAYMENT", "WIGAN COUNCIL DP DIRECT
// PAYMENT"). Accents are ignored ("Zoë Ní" is "ZOE NI"). They agree when
// every word of one is in the other (as PayeeMatches, either way round),
// or when they start with the same word (or its initial) and share at
// least one more, one of the shared words being a whole word of three or
// more letters. "Chemist" and "TOTALLY DIFFERENT SHOP" do not agree, nor
// do "Sample Chemist" and "SAMPLE SUPERMARKET", nor "Zoe wages" and
// "S OKAFOR WAGES". A description that is nothing but codes and numbers
// agrees with nothing.
func PayeesAgree(a, b string) bool {
	a, b = foldAccents(a), foldAccents(b)
	if PayeeMatches(a, b) || PayeeMatches(b, a) {
		return true
	}
	wa := strings.Fields(hmrcAlias(NormalisePayee(a)))
	wb := strings.Fields(hmrcAlias(NormalisePayee(b)))
	if len(wa) < 2 || len(wb) < 2 || !sameWord(wa[0], wb[0]) {
		return false
	}
	shared, strong := 1, len(wa[0]) >= 3 && wa[0] == wb[0]
	for _, w := range wa[1:] {
		for _, v := range wb[1:] {
			if sameWord(w, v) {
				shared++
				strong = strong || (w == v && len(w) >= 3)
				break
			}
		}
	}
	return shared >= 2 && strong
}

// sameWord reports whether two normalised words are the same, or one is
// the initial of the other.
func sameWord(w, v string) bool {
	return w == v || (len(w) == 1 && v[0] == w[0]) || (len(v) == 1 && w[0] == v[0])
}

// accentless maps the accented capital and small letters of names in the
// UK and Ireland to plain ones.
var accentless = strings.NewReplacer(
	"á", "a", "à", "a", "â", "a", "ä", "a", "ã", "a", "å", "a", "ą", "a",
	"Á", "A", "À", "A", "Â", "A", "Ä", "A", "Ã", "A", "Å", "A", "Ą", "A",
	"é", "e", "è", "e", "ê", "e", "ë", "e", "ę", "e", "É", "E", "È", "E", "Ê", "E", "Ë", "E", "Ę", "E",
	"í", "i", "ì", "i", "î", "i", "ï", "i", "Í", "I", "Ì", "I", "Î", "I", "Ï", "I",
	"ó", "o", "ò", "o", "ô", "o", "ö", "o", "õ", "o", "ø", "o", "Ó", "O", "Ò", "O", "Ô", "O", "Ö", "O", "Õ", "O", "Ø", "O",
	"ú", "u", "ù", "u", "û", "u", "ü", "u", "Ú", "U", "Ù", "U", "Û", "U", "Ü", "U",
	"ý", "y", "ÿ", "y", "ŷ", "y", "Ý", "Y", "Ŷ", "Y", "ŵ", "w", "Ŵ", "W",
	"ç", "c", "ć", "c", "č", "c", "Ç", "C", "Ć", "C", "Č", "C",
	"ñ", "n", "ń", "n", "Ñ", "N", "Ń", "N", "ł", "l", "Ł", "L",
	"ś", "s", "š", "s", "Ś", "S", "Š", "S", "ź", "z", "ż", "z", "ž", "z", "Ź", "Z", "Ż", "Z", "Ž", "Z",
	"ß", "ss", "æ", "ae", "Æ", "AE", "œ", "oe", "Œ", "OE",
)

func foldAccents(s string) string { return accentless.Replace(s) }
