package budget

import (
	"strings"
	"testing"
)

func TestCheckTransactionText(t *testing.T) {
	cats := DefaultCategories()
	base := Transaction{Date: d("2026-04-01"), Payee: "SAMPLE CAFE", Amount: m("-5.00"), Category: "pension"}
	for _, c := range []struct {
		name string
		edit func(*Transaction)
		want string // "" for accepted
	}{
		{"terminal code in the payee", func(t *Transaction) { t.Payee = "Shop\x1b[2J" }, "The payee can't contain a control character (an invisible character such as Escape). Type it again without it."},
		{"payee on two lines", func(t *Transaction) { t.Payee = "Shop\nLtd" }, "The payee must be on one line: take out the line break."},
		{"payee not UTF-8", func(t *Transaction) { t.Payee = "Caf\xe9" }, "The payee can't be read: some of it is not text (it may have been pasted from another program). Type it again."},
		{"tab in the reference", func(t *Transaction) { t.Reference = "INV\t12" }, "The reference can't contain a tab: use a space instead."},
		{"bell in the note", func(t *Transaction) { t.Note = "gloves\a" }, "The note can't contain a control character (an invisible character such as Escape). Type it again without it."},
		{"payee too long", func(t *Transaction) { t.Payee = strings.Repeat("x", 501) }, "The payee is too long: keep it under 500 characters."},
		{"the note may have several lines", func(t *Transaction) { t.Note = "Gloves\nand aprons\r\n\tfor Sarah" }, ""},
		{"accents", func(t *Transaction) { t.Payee = "Łukasz Café £" }, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			tx := base
			c.edit(&tx)
			got := CheckTransaction(tx, cats)
			if c.want == "" {
				if got != nil {
					t.Fatalf("problems %q", got)
				}
				return
			}
			if len(got) != 1 || got[0].Message != c.want {
				t.Fatalf("problems %q, want %q", got, c.want)
			}
		})
	}
}

func TestCheckNewCategoryText(t *testing.T) {
	cats := DefaultCategories()
	for _, c := range []struct{ name, in, want string }{
		{"escape", "Clean\x1b[2Jing", "The category name can't contain a control character"},
		{"not UTF-8", "Caf\xe9", "The category name can't be read"},
		{"too long", strings.Repeat("x", 61), "The category name is too long: keep it under 60 characters."},
		{"fits", strings.Repeat("x", 60), ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := cats.CheckNewCategory(c.in)
			if (c.want == "") != (got == "") || !strings.Contains(got, c.want) {
				t.Fatalf("CheckNewCategory(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}
