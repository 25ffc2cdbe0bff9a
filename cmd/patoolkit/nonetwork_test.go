package main

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestNoNetworkUse keeps the privacy promise checkable: no code of the
// toolkit imports a network package or asks Fyne to open a web address.
// (Fyne itself links net/http for web addresses, which the toolkit never
// gives it.) Helper packages for tests (storagetest, reporttest: a name
// ending in "test") may run programs, such as pdftotext; no file of the
// toolkit itself may import one, so they are never in the program.
func TestNoNetworkUse(t *testing.T) {
	root := filepath.Join("..", "..")
	banned := map[string]bool{"net": true, "net/http": true, "net/url": true, "net/smtp": true, "net/rpc": true,
		"os/exec": true, "fyne.io/fyne/v2/storage/repository": true}
	files := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, src, parser.ImportsOnly)
		if err != nil {
			return err
		}
		files++
		testHelper := strings.HasSuffix(filepath.Base(filepath.Dir(path)), "test")
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if strings.HasPrefix(p, "patoolkit/") && strings.HasSuffix(p, "test") && !testHelper {
				t.Errorf("%s imports %s, a helper for tests only", path, p)
			}
			if banned[p] && !testHelper {
				t.Errorf("%s imports %s: the toolkit must never use the network or run programs", path, p)
			}
		}
		if strings.Contains(string(src), "OpenURL(") {
			t.Errorf("%s opens a web address", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 50 {
		t.Fatalf("only %d Go files read: is the walk looking in the right place?", files)
	}
}
