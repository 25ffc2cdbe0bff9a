package budget

import (
	"strings"
)

// BankAccount is the bank account a statement says it is for: a UK sort
// code and account number, as far as the statement shows them. Either may
// be "" (not shown); a number may be masked, with its hidden digits as
// "*" ("****4821"), as many banks print it.
type BankAccount struct {
	SortCode string `json:"sort_code,omitempty"` // six digits
	Number   string `json:"number,omitempty"`    // digits, hidden ones as "*"
}

// IsZero reports whether the statement says nothing of its account.
func (a BankAccount) IsZero() bool { return a.SortCode == "" && a.Number == "" }

// Describe names the account for a message: "sort code 12-34-56,
// account 12345678", "account ****4821".
func (a BankAccount) Describe() string {
	var parts []string
	if a.SortCode != "" {
		parts = append(parts, "sort code "+a.SortCode[0:2]+"-"+a.SortCode[2:4]+"-"+a.SortCode[4:6])
	}
	if a.Number != "" {
		parts = append(parts, "account "+a.Number)
	}
	return strings.Join(parts, ", ")
}

// NewBankAccount reads a sort code and an account number as a statement
// writes them ("12-34-56", "12345678", "****4821", "XXXX4821"). What is
// not a sort code (six digits) or an account number (at least four
// digits, perhaps with some hidden) is left out, as are all-zero values,
// which some banks write when they do not say. A 14-digit number that
// starts with the sort code (as some OFX files write it) is the sort code
// and the account number together.
func NewBankAccount(sortCode, number string) BankAccount {
	var a BankAccount
	if sc := onlyDigits(sortCode); len(sc) == 6 && strings.Trim(sc, "0") != "" {
		a.SortCode = sc
	}
	var b strings.Builder
	for _, r := range strings.TrimSpace(number) {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '*' || r == 'X' || r == 'x' || r == '•':
			b.WriteByte('*')
		case r == ' ' || r == '-':
		default:
			return a // not an account number
		}
	}
	n := b.String()
	if len(n) == 14 && !strings.Contains(n, "*") && (a.SortCode == "" || n[:6] == a.SortCode) {
		if sc := n[:6]; strings.Trim(sc, "0") != "" {
			a.SortCode = sc
		}
		n = n[6:]
	}
	visible := strings.TrimLeft(n, "*")
	if len(visible) >= 4 && !strings.Contains(visible, "*") && strings.Trim(visible, "0") != "" {
		a.Number = n
	}
	return a
}

func onlyDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '-' || r == ' ':
		default:
			return ""
		}
	}
	return b.String()
}

// SameBankAccount reports whether two statements' accounts look like the
// same account. Where both show an account number they must agree (a
// masked number agrees with any number ending in its visible digits), and
// so must their sort codes where both show one. Where either shows no
// number, the sort codes decide, when both show one. Two statements that
// show nothing are not the same account.
func SameBankAccount(a, b BankAccount) bool {
	if a.SortCode != "" && b.SortCode != "" && a.SortCode != b.SortCode {
		return false
	}
	if a.Number != "" && b.Number != "" {
		return numbersAgree(a.Number, b.Number)
	}
	return a.SortCode != "" && a.SortCode == b.SortCode
}

func numbersAgree(a, b string) bool {
	va, vb := strings.TrimLeft(a, "*"), strings.TrimLeft(b, "*")
	if len(va) == len(a) && len(vb) == len(b) {
		return a == b // neither is masked
	}
	n := min(len(va), len(vb))
	return va[len(va)-n:] == vb[len(vb)-n:]
}

// preambleAccount reads the account a CSV statement names in the lines
// before its column names: "Sort Code:,12-34-56", "Account Number:,
// 12345678", "Account:,12-34-56 12345678", or a masked number at the end
// of the account's name ("Account Name:,FLEXACCOUNT ****4821").
func preambleAccount(text string, lay Layout) BankAccount {
	comma := ','
	for _, d := range delimiters {
		if d.name == lay.Delimiter {
			comma = d.r
		}
	}
	var sortCode, number, fromName string
	for n, line := range strings.SplitN(text, "\n", lay.HeaderLine) {
		if n >= lay.HeaderLine-1 {
			break
		}
		cells := splitPreamble(line, comma)
		for i := 0; i < len(cells); i++ {
			label, value := cells[i], ""
			if j := strings.IndexByte(label, ':'); j >= 0 && strings.TrimSpace(label[j+1:]) != "" {
				label, value = label[:j], strings.TrimSpace(label[j+1:])
			} else if i+1 < len(cells) {
				value = cells[i+1]
			}
			label = strings.ToLower(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(label), ":")))
			switch label {
			case "sort code", "sortcode", "sort-code":
				sortCode = value
			case "account number", "account no", "account no.", "acc no", "acc no.", "account num":
				number = value
			case "account":
				if f := strings.Fields(value); len(f) == 2 && NewBankAccount(f[0], "").SortCode != "" {
					sortCode, number = f[0], f[1]
				}
			case "account name":
				if f := strings.Fields(value); len(f) > 0 && strings.ContainsAny(f[len(f)-1], "*Xx") {
					fromName = f[len(f)-1]
				}
			default:
				continue
			}
			break
		}
	}
	if number == "" {
		number = fromName
	}
	return NewBankAccount(sortCode, number)
}

// splitPreamble splits a line before the column names into its cells,
// leniently: quotes are removed, not checked.
func splitPreamble(line string, comma rune) []string {
	var out []string
	for _, c := range strings.Split(strings.TrimRight(line, "\r"), string(comma)) {
		c = strings.TrimSpace(strings.Trim(strings.TrimSpace(c), `"`))
		if c != "" {
			out = append(out, c)
		}
	}
	return out
}
