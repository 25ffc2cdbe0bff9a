package reporttest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFirstDifference(t *testing.T) {
	for _, tc := range []struct {
		name, want, got, says string
	}{
		{"a changed line", "a\nb\nc", "a\nB\nc", "line 2 is"},
		{"a line more", "a\n", "a\nb\n", "line 2 is"},
		{"line endings", "a\r\n", "a\r\n", "only the line endings differ"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := firstDifference([]byte(tc.want), []byte(tc.got)); !strings.Contains(got, tc.says) {
				t.Errorf("firstDifference = %q, want it to say %q", got, tc.says)
			}
		})
	}
}

func TestGoldenUpdateThenCompare(t *testing.T) {
	path := filepath.Join(t.TempDir(), "golden", "out.txt")
	Golden(t, path, []byte("hello\n"), true, "go test -update")
	if b, err := os.ReadFile(path); err != nil || string(b) != "hello\n" {
		t.Fatalf("written = %q %v", b, err)
	}
	Golden(t, path, []byte("hello\n"), false, "go test -update")
}

// testdata/axe-good.html is a small page done right: a language, a title,
// headings, a table with a caption and header cells with their scope.
func TestAxeCheckGoodPage(t *testing.T) {
	AxeCheck(t, filepath.Join("testdata", "axe-good.html"))
}

// testdata/axe-bad.html has no language, an image without alt text, a
// data table without header cells and faint grey text: scripts/axe-check
// must say so, rule by rule, and exit 1.
func TestAxeCheckBadPage(t *testing.T) {
	bad := filepath.Join("testdata", "axe-bad.html")
	code, out := runAxeCheck(t, bad)
	if code == 2 {
		t.Skipf("the HTML check cannot run here: %s", strings.TrimSpace(out))
	}
	if code != 1 {
		t.Fatalf("scripts/axe-check %s exited %d, want 1 (violations):\n%s", bad, code, out)
	}
	for _, rule := range []string{"html-has-lang", "image-alt", "td-has-header", "color-contrast"} {
		if !strings.Contains(out, rule+" (") {
			t.Errorf("scripts/axe-check %s does not name %s:\n%s", bad, rule, out)
		}
	}
	for _, says := range []string{`<img src="logo.png">`, "Element does not have an alt attribute", "insufficient color contrast"} {
		if !strings.Contains(out, says) {
			t.Errorf("scripts/axe-check %s does not say %q:\n%s", bad, says, out)
		}
	}
}

// failures is a testing.TB that keeps the failures it is told of.
type failures struct {
	testing.TB
	said []string
}

func (f *failures) Errorf(format string, args ...any) {
	f.said = append(f.said, fmt.Sprintf(format, args...))
}

// AxeCheck fails the test that calls it on a page with violations, and
// says what they are.
func TestAxeCheckFailsTheTest(t *testing.T) {
	f := &failures{TB: t}
	AxeCheck(f, filepath.Join("testdata", "axe-bad.html"))
	if len(f.said) != 1 || !strings.Contains(f.said[0], "image-alt (critical)") {
		t.Errorf("AxeCheck on a bad page said %q, want one failure naming image-alt", f.said)
	}
}
