package service

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"patoolkit/civil"
)

// BenchmarkEvidencePackYear makes the demo's evidence pack for a whole
// year of Priya's budget (payslips, timesheets, two HMRC records,
// insurance). The targets are under 3 s and under 200 MB.
func BenchmarkEvidencePackYear(b *testing.B) {
	path := filepath.Join(b.TempDir(), "demo.db")
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if err := s.Demo(); err != nil {
		b.Fatal(err)
	}
	s.SetClock(func() time.Time { return time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC) })
	a, err := s.FindAccount("Priya's support")
	if err != nil {
		b.Fatal(err)
	}
	from, to := civil.MustParse("2025-11-20"), civil.MustParse("2026-11-19")
	var size int
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var buf bytes.Buffer
		if _, err := s.ExportEvidencePDF(&buf, a.ID, from, to); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size), "pack-bytes")
	// HeapSys is the most heap the process took from the system: the
	// peak, which the 200 MB target is about (B/op counts every
	// allocation, freed or not).
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapSys)/1e6, "heap-MB")
	if dir := os.Getenv("PACK_DIR"); dir != "" {
		var buf bytes.Buffer
		s.ExportEvidencePDF(&buf, a.ID, from, to)
		os.WriteFile(filepath.Join(dir, "pack.pdf"), buf.Bytes(), 0o600)
	}
}
