package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"patoolkit/budget"
	"patoolkit/civil"
	"patoolkit/money"
	"patoolkit/service"
)

func openBudget(t *testing.T, u *UI, name string) {
	t.Helper()
	for _, a := range u.accounts {
		if a.Name == name {
			u.openAccount(a.ID)
			return
		}
	}
	t.Fatalf("no %s in the demo", name)
}

// previewFile shows the import preview of a statement holding text.
func previewFile(t *testing.T, u *UI, text string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "statement.csv")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	previewPath(t, u, path)
}

func previewPath(t *testing.T, u *UI, path string) {
	t.Helper()
	u.ShowSection(sectionMoney)
	u.showImport()
	if e, ok := focused(t, u).(*keyEntry); ok {
		e.SetText("") // the box remembers the last file
	}
	typeText(t, u, path)
	press(t, u, fyne.KeyReturn)
	if !strings.Contains(pageText(u), "step 2 of 2") {
		t.Fatalf("no preview:\n%s", pageText(u))
	}
}

// The case, in the window: a bank line of another payee with the
// amount of a hand-entered line is a question, and nothing is imported
// until the person answers it; answered "the same", the hand-entered line
// is confirmed.
func TestImportPreviewAsksWhetherALineIsTheOneEnteredByHand(t *testing.T) {
	for _, answer := range []string{"same", "new"} {
		t.Run(answer, func(t *testing.T) {
			u, svc := newDemoUI(t)
			openPriya(t, u)
			hand, err := svc.SaveTransaction(u.Account().ID, budget.Transaction{Date: civil.MustParse("2026-12-05"), Payee: "Chemist",
				Amount: money.MustParse("-12.34"), Category: budget.CatOther})
			if err != nil {
				t.Fatal(err)
			}
			before, _ := svc.Ledger(u.Account().ID, service.LedgerFilter{})
			previewFile(t, u, "Date,Description,Amount\n10/12/2026,TOTALLY DIFFERENT SHOP,-12.34\n")
			text := pageText(u)
			for _, want := range []string{"1 line may already be in the ledger: say whether it is the same line or a new one.",
				"⚠ This line may already be in the ledger: it may be the line you entered by hand on 05/12/2026 (Chemist, £12.34 out). Say whether it is the same line or a new one."} {
				if !strings.Contains(text, want) {
					t.Errorf("the preview lacks %q:\n%s", want, text)
				}
			}
			if strings.Contains(text, "bank's record of a line you entered by hand") {
				t.Errorf("the preview says the line confirms the hand-entered one:\n%s", text)
			}
			// Import without answering: nothing is imported, and the
			// focus goes to the question.
			pressButton(t, u, "Import 1 line")
			row := u.money.imports[0]
			if u.money.preview == nil || !strings.Contains(pageText(u), "⚠ 1 line may already be in the ledger: say for each whether it is the same line or a new one, then import.") {
				t.Fatalf("imported without an answer:\n%s", pageText(u))
			}
			if f := u.win.Canvas().Focused(); f != row.same {
				t.Fatalf("the focus is on %T, want the question", f)
			}
			if after, _ := svc.Ledger(u.Account().ID, service.LedgerFilter{}); len(after.Entries) != len(before.Entries) {
				t.Error("an unanswered import changed the ledger")
			}
			// Answer with the keyboard (Right steps through the answers),
			// then Enter imports.
			press(t, u, fyne.KeyRight)
			if row.same.Selected != "It is a new line: add it" {
				t.Fatalf("Right chose %q", row.same.Selected)
			}
			if answer == "same" {
				press(t, u, fyne.KeyRight)
				if row.same.Selected != "It is the same as the line you entered by hand on 05/12/2026 (Chemist, £12.34 out)" {
					t.Fatalf("Right chose %q", row.same.Selected)
				}
			}
			press(t, u, fyne.KeyReturn)
			if u.money.preview != nil {
				t.Fatalf("not imported:\n%s", pageText(u))
			}
			got, _ := svc.Transaction(hand.ID)
			after, _ := svc.Ledger(u.Account().ID, service.LedgerFilter{})
			switch answer {
			case "same":
				if !got.Reconciled || got.Payee != "Chemist" || got.Date != civil.MustParse("2026-12-10") || len(after.Entries) != len(before.Entries) {
					t.Errorf("the same: %+v, %d lines (was %d)", got, len(after.Entries), len(before.Entries))
				}
				if !strings.Contains(pageText(u), "Imported 1 line (1 matched a line you had entered by hand)") {
					t.Errorf("notice:\n%s", pageText(u))
				}
			case "new":
				if got.Reconciled || got.Date != civil.MustParse("2026-12-05") || len(after.Entries) != len(before.Entries)+1 {
					t.Errorf("a new line: %+v, %d lines (was %d)", got, len(after.Entries), len(before.Entries))
				}
				ledgerLine(t, svc, u.Account().ID, "TOTALLY DIFFERENT SHOP")
			}
		})
	}
}

// A line that may be one imported before in another format is a question
// too; answered "the same", it is not added, and the file is known next
// time.
func TestImportPreviewAsksWhetherALineIsOneImportedBefore(t *testing.T) {
	u, svc := newDemoUI(t)
	openPriya(t, u)
	csv := "Date,Description,Amount,Balance\n02/12/2026,WIGAN COUNCIL DIRECT PAYMENT,2400.00,8891.76\n"
	prev, err := svc.PlanImport(u.Account().ID, strings.NewReader(csv), "december.csv")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.ImportStatement(u.Account().ID, prev.Plan, nil); err != nil {
		t.Fatal(err)
	}
	before, _ := svc.Ledger(u.Account().ID, service.LedgerFilter{})
	ofx, _ := os.ReadFile("../budget/testdata/layout7_ofx1_sgml.ofx")
	moved := strings.NewReplacer("202611", "202612", "<NAME>WIGAN COUNCIL DP<MEMO>DIRECT PAYMENT", "<NAME>MBC DP 0042").Replace(string(ofx))
	path := filepath.Join(t.TempDir(), "december.ofx")
	os.WriteFile(path, []byte(moved), 0o600)
	previewPath(t, u, path)
	if !strings.Contains(pageText(u), "it may be the line imported before on 02/12/2026 (WIGAN COUNCIL DIRECT PAYMENT, £2,400.00 in)") {
		t.Fatalf("no question:\n%s", pageText(u))
	}
	var row *importRow
	for _, r := range u.money.imports {
		if r.same != nil {
			row = r
		}
	}
	row.same.SetSelectedIndex(1)
	u.runImport()
	waitForWork(t, u)
	after, _ := svc.Ledger(u.Account().ID, service.LedgerFilter{})
	if len(after.Entries) != len(before.Entries)+3 { // the chemist twice and the contribution
		t.Errorf("%d lines, was %d", len(after.Entries), len(before.Entries))
	}
	previewPath(t, u, path)
	if !strings.Contains(pageText(u), "Nothing new to import; 4 lines were imported before and will be skipped.") {
		t.Errorf("again:\n%s", pageText(u))
	}
}

// A statement for the account Priya's statements came from, opened in
// Tom's budget, asks before it is imported there.
func TestImportPreviewAsksBeforeAnotherBudgetsStatement(t *testing.T) {
	u, svc := newDemoUI(t)
	openBudget(t, u, "Tom's care")
	before, _ := svc.Ledger(u.Account().ID, service.LedgerFilter{})
	previewPath(t, u, bankSample(t))
	q := "This statement looks like it is for Priya's support's account (account ****4821): statements imported into Priya's support came from it. Import it into Tom's care anyway?"
	if !strings.Contains(pageText(u), "⚠ "+q) {
		t.Fatalf("the preview does not ask:\n%s", pageText(u))
	}
	press(t, u, fyne.KeyReturn) // the Import button has the focus
	pressButton(t, u, "No, go back")
	if after, _ := svc.Ledger(u.Account().ID, service.LedgerFilter{}); len(after.Entries) != len(before.Entries) || u.money.preview == nil {
		t.Fatal("going back imported the statement")
	}
	press(t, u, fyne.KeyReturn)
	test.FocusNext(u.win.Canvas())
	pressButton(t, u, "Import it here anyway")
	if after, _ := svc.Ledger(u.Account().ID, service.LedgerFilter{}); len(after.Entries) <= len(before.Entries) || u.money.preview != nil {
		t.Errorf("not imported anyway: %d lines, was %d", len(after.Entries), len(before.Entries))
	}
}
