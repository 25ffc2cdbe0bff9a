package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"patoolkit/report/reporttest"
)

// export return writes the PDF, web page and ledger; its summary is money
// status's; returns --json lists it with the promised keys; return send
// marks it sent and locks the period; the sent return comes out again
// byte for byte; export evidence writes the pack.
func TestReturnCommands(t *testing.T) {
	path := demoFile(t)
	dir := t.TempDir()
	acc := "Priya's support"
	pdf, html, csv := filepath.Join(dir, "r.pdf"), filepath.Join(dir, "r.html"), filepath.Join(dir, "r.csv")
	code, out, stderr := cli(t, "export", "return", "--data", path, "--account", acc, "--from", "2026-04-01", "--to", "2026-06-30", "--out", pdf, "--html", html, "--csv", csv)
	if code != 0 {
		t.Fatalf("export return: %d %s", code, stderr)
	}
	if strings.Count(out, "Wrote ") != 3 {
		t.Errorf("export return said %q", out)
	}
	var st struct {
		Balance string `json:"balance"`
		Surplus string `json:"surplus"`
	}
	_, js, _ := cli(t, "money", "status", "--data", path, "--account", acc, "--on", "2026-06-30", "--json")
	if err := json.Unmarshal([]byte(js), &st); err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(reporttest.PDFFileText(t, pdf)), " ")
	for _, want := range []string{"Balance carried forward on 30/06/2026 £" + commas(st.Balance), "Surplus £" + commas(st.Surplus), "Zoë Ní Bhriain"} {
		if !strings.Contains(text, want) {
			t.Errorf("the return lacks %q", want)
		}
	}
	c, _ := os.ReadFile(csv)
	if !strings.HasPrefix(string(c), "Date,Payee,Description,Category,Amount,Balance,Evidence\r\n") {
		t.Errorf("CSV starts %q", strings.SplitN(string(c), "\n", 2)[0])
	}
	h, _ := os.ReadFile(html)
	if !bytes.Contains(h, []byte(`lang="en-GB"`)) {
		t.Error("the web page has no language")
	}

	// Refused: an existing file (nothing written), dates backwards.
	before, _ := os.ReadFile(pdf)
	wantRefusal(t, 2, "already exists", "export", "return", "--data", path, "--account", acc, "--from", "2026-04-01", "--to", "2026-06-30", "--out", pdf)
	if after, _ := os.ReadFile(pdf); !bytes.Equal(before, after) {
		t.Error("a refused export changed the file")
	}
	wantRefusal(t, 2, "before it starts", "export", "return", "--data", path, "--account", acc, "--from", "2026-06-30", "--to", "2026-04-01", "--out", filepath.Join(dir, "x.pdf"))
	wantRefusal(t, 2, "--html and --csv", "export", "evidence", "--data", path, "--account", acc, "--from", "2026-04-01", "--to", "2026-06-30", "--out", filepath.Join(dir, "x.pdf"), "--csv", csv)

	code, out, _ = cli(t, "returns", "--data", path, "--account", acc, "--json")
	var list []map[string]string
	if err := json.Unmarshal([]byte(out), &list); code != 0 || err != nil || len(list) != 1 {
		t.Fatalf("returns --json: %d %v %q", code, err, out)
	}
	for _, k := range []string{"from", "to", "produced", "sent"} {
		if _, ok := list[0][k]; !ok {
			t.Errorf("returns --json lacks %q: %v", k, list[0])
		}
	}
	if list[0]["from"] != "2026-04-01" || list[0]["sent"] != "" {
		t.Errorf("returns: %v", list[0])
	}

	if code, out, stderr = cli(t, "return", "send", "--data", path, "--account", acc, "--from", "2026-04-01", "--to", "2026-06-30"); code != 0 || !strings.Contains(out, "marked as sent") {
		t.Fatalf("return send: %d %q %q", code, out, stderr)
	}
	wantRefusal(t, 2, "already marked as sent", "return", "send", "--data", path, "--account", acc, "--from", "2026-04-01", "--to", "2026-06-30")
	_, out, _ = cli(t, "returns", "--data", path, "--account", acc, "--json")
	if err := json.Unmarshal([]byte(out), &list); err != nil || list[0]["sent"] == "" {
		t.Errorf("not sent: %q", out)
	}
	again := filepath.Join(dir, "again.pdf")
	if code, _, stderr := cli(t, "export", "return", "--data", path, "--account", acc, "--from", "2026-04-01", "--to", "2026-06-30", "--out", again); code != 0 {
		t.Fatal(stderr)
	}
	if b, _ := os.ReadFile(again); !bytes.Equal(b, before) {
		t.Error("the sent return did not come out byte for byte")
	}

	pack := filepath.Join(dir, "pack.pdf")
	if code, out, stderr := cli(t, "export", "evidence", "--data", path, "--account", acc, "--from", "2026-04-01", "--to", "2026-06-30", "--out", pack); code != 0 || !strings.Contains(out, "pages") {
		t.Fatalf("export evidence: %d %q %q", code, out, stderr)
	}
	if !strings.Contains(reporttest.PDFFileText(t, pack), "Evidence pack for the council") {
		t.Error("the pack has no index")
	}
}

// commas writes "6865.16" as "6,865.16".
func commas(s string) string {
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 && r != '-' {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String() + "." + frac
}
