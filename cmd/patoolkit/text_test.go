package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTypedTextThatIsNotTextIsRefused: a control character, a terminal
// code, bytes that are not UTF-8, a line break in a one-line field or a
// note of 131,000 characters is refused with exit 2 and one plain line
// that does not echo the character, and nothing is stored.
func TestTypedTextThatIsNotTextIsRefused(t *testing.T) {
	path := demoFile(t)
	before, _ := os.ReadFile(path)
	add := func(payee, note, reference string) []string {
		return []string{"money", "add", "--data", path, "--account", priya, "--date", "2026-11-20", "--payee", payee,
			"--amount", "-1.00", "--category", "Other agreed items", "--note", note, "--reference", reference}
	}
	day := 0
	shift := func(note string) []string {
		day++ // a day of its own, so a shift wrongly stored can't refuse the next for overlapping
		return []string{"rota", "add", "--data", path, "--account", "Tom's care", "--pa", "Łukasz Nowak",
			"--start", fmt.Sprintf("2026-12-%02d 08:00", day), "--end", fmt.Sprintf("2026-12-%02d 12:00", day), "--note", note}
	}
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"payee with a terminal code", add("Shop\x1b[2J", "", ""), "The payee can't contain a control character (an invisible character such as Escape)."},
		{"payee with a bell", add("Shop\a", "", ""), "The payee can't contain a control character"},
		{"payee on two lines", add("Shop\nEvil", "", ""), "The payee must be on one line"},
		{"payee not UTF-8", add("Caf\xe9", "", ""), "The payee can't be read"},
		{"payee reversed", add("Shop\u202Egnp", "", ""), "The payee can't contain a control character"},
		{"reference with an escape", add("Shop", "", "INV\x1b]0;x\a"), "The reference can't contain a control character"},
		{"note with an escape", add("Shop", "gloves\x1b[31m", ""), "The note can't contain a control character"},
		{"note too long", add("Shop", strings.Repeat("x", 501), ""), "The note is too long: keep it under 500 characters."},
		{"shift note of 131,000 characters", shift(strings.Repeat("x", 131_000)), "The note is too long: keep it under 500 characters."},
		{"shift note with a terminal code", shift("key\x1b[2J"), "The note can't contain a control character"},
		{"shift note not UTF-8", shift("caf\xe9"), "The note can't be read"},
		{"shift note on two lines", shift("one\ntwo"), "The note must be on one line"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := cli(t, c.args...)
			if code != 2 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, c.want) {
				t.Errorf("exit %d, stderr %q; want exit 2 and one line holding %q", code, short(stderr), c.want)
			}
			if strings.ContainsAny(stderr, "\x1b\a\u202E") || strings.Contains(stderr, "\xe9") {
				t.Errorf("the refusal echoes the character: %q", stderr)
			}
		})
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("a refused command changed the data file")
	}
}

// TestImportCleansStatementText: a CSV statement whose descriptions hold
// terminal codes, control characters and bytes that are not UTF-8 is
// imported with them cleaned, and nothing raw reaches the screen.
func TestImportCleansStatementText(t *testing.T) {
	path := demoFile(t)
	csv := "Date,Description,Amount,Reference\n" +
		"20/11/2026,\"SHOP\x1b[2J\x1b]0;pwned\a  LTD\",-1.00,INV\x0712\n" +
		"20/11/2026,CAF\xc3\x89 \xff ROYAL\t\u202EDRAOB,-2.00,\n" +
		"20/11/2026,\"NEW\r\nLINE\",-3.00,\n"
	file := filepath.Join(t.TempDir(), "statement.csv")
	if err := os.WriteFile(file, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := cli(t, "import", "bank", "--data", path, "--account", priya, "--file", file, "--dry-run")
	if code != 0 {
		t.Fatalf("dry run: %d %q", code, stderr)
	}
	for _, want := range []string{"SHOP LTD", "CAFÉ \uFFFD ROYAL DRAOB", "NEW LINE"} {
		if !strings.Contains(out, want) {
			t.Errorf("the preview does not show %q:\n%s", want, out)
		}
	}
	if strings.ContainsAny(out, "\x1b\a\u202E\r") || strings.Contains(out, "\xff") {
		t.Errorf("the preview shows raw control characters: %q", out)
	}
	code, out, stderr = cli(t, "import", "bank", "--data", path, "--account", priya, "--file", file, "--json")
	if code != 0 || !strings.Contains(out, `"imported": 3`) {
		t.Fatalf("import: %d %q %q", code, out, stderr)
	}
}

func short(s string) string {
	if len(s) > 200 {
		return s[:200] + "…"
	}
	return s
}
