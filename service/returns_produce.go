package service

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"

	"patoolkit/budget"
	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/report"
	"patoolkit/storage"
)

// ReturnPeriodChoices are the quick choices of a return's period on today:
// since the last return sent, the last quarter, the council's year.
func (s *Service) ReturnPeriodChoices(accountID int64) ([]budget.PeriodChoice, error) {
	today := s.today()
	return read(s, "working out the return periods", func(tx *storage.Tx) ([]budget.PeriodChoice, error) {
		mc, err := loadMoney(tx, accountID)
		if err != nil {
			return nil, err
		}
		rs, err := tx.Returns(accountID)
		if err != nil {
			return nil, err
		}
		var last civil.Date
		for _, x := range rs {
			if !x.Sent.IsZero() && x.To.After(last) {
				last = x.To
			}
		}
		start := mc.settings.OpeningDate
		if start.IsZero() {
			start = mc.account.StartDate
		}
		return budget.PeriodChoices(today, start, last), nil
	})
}

// Returns lists a budget's returns, newest period first.
func (s *Service) Returns(accountID int64) ([]Return, error) {
	return read(s, "reading the returns", func(tx *storage.Tx) ([]Return, error) {
		if err := budgetExists(tx, accountID); err != nil {
			return nil, err
		}
		return tx.Returns(accountID)
	})
}

// ProduceReturn makes the council's return for a period (PDF, HTML and
// CSV) and keeps it, so that it can be produced again byte for byte. A
// return already sent is not made again: the one sent is given back.
func (s *Service) ProduceReturn(accountID int64, from, to civil.Date) (Return, error) {
	if msg := budget.CheckPeriod(from, to); msg != "" {
		return Return{}, Invalidf("%s", msg)
	}
	today := s.today()
	return returning(s.update, "making the return", func(tx *storage.Tx) (Return, error) {
		return s.produceReturn(tx, accountID, from, to, today)
	})
}

// produceReturn is ProduceReturn inside a job.
func (s *Service) produceReturn(tx *storage.Tx, accountID int64, from, to, today civil.Date) (Return, error) {
	if x, err := tx.ReturnFor(accountID, from, to); err == nil && !x.Sent.IsZero() {
		return x, nil
	} else if err != nil && !errors.Is(err, storage.ErrNotFound) {
		return Return{}, err
	}
	p, err := s.returnParts(tx, accountID, from, to, today)
	if err != nil {
		return Return{}, err
	}
	x := Return{AccountID: accountID, From: from, To: to, Produced: today}
	if x.PDF, x.HTML, x.CSV, err = renderReturn(p.doc); err != nil {
		return x, err
	}
	if err := tx.SaveReturn(&x); err != nil {
		return x, err
	}
	return x, tx.Audit(s.now(), accountID, "return produced", fmt.Sprintf("%s to %s", from.UK(), to.UK()))
}

func renderReturn(r report.ReturnDoc) (pdf, html, csv []byte, err error) {
	var p, h, c bytes.Buffer
	if err := report.ReturnPDF(&p, r); err != nil {
		return nil, nil, nil, internal("writing the return's PDF", err)
	}
	if err := report.ReturnHTML(&h, r); err != nil {
		return nil, nil, nil, internal("writing the return's web page", err)
	}
	if err := report.ReturnCSV(&c, r); err != nil {
		return nil, nil, nil, internal("writing the return's ledger", err)
	}
	return p.Bytes(), h.Bytes(), c.Bytes(), nil
}

// ExportReturn produces the return (ProduceReturn) and writes its PDF to
// pdfPath and, when given, its web page and ledger to htmlPath and
// csvPath. Every file is checked writable before any is written.
func (s *Service) ExportReturn(accountID int64, from, to civil.Date, pdfPath, htmlPath, csvPath string, replace bool) (Return, error) {
	x, err := s.ProduceReturn(accountID, from, to)
	if err != nil {
		return x, err
	}
	files := []struct {
		path string
		data []byte
	}{{pdfPath, x.PDF}, {htmlPath, x.HTML}, {csvPath, x.CSV}}
	seen := map[string]bool{}
	for _, f := range files {
		if f.path == "" {
			continue
		}
		if seen[f.path] {
			return x, fieldError("path", "%s is given twice: the PDF, the web page and the ledger each need a file of their own.", f.path)
		}
		seen[f.path] = true
	}
	if !replace {
		for _, f := range files {
			if f.path == "" {
				continue
			}
			if _, err := os.Lstat(f.path); err == nil {
				return x, s.WriteFile(f.path, false, func(io.Writer) error { return nil })
			}
		}
	}
	for _, f := range files {
		if f.path == "" {
			continue
		}
		data := f.data
		if err := s.WriteFile(f.path, replace, func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
			return x, err
		}
	}
	return x, nil
}

// SendReturn marks the return for a period as sent to the council today,
// making it first if it was never produced, and locks its period.
func (s *Service) SendReturn(accountID int64, from, to civil.Date) (Return, error) {
	if msg := budget.CheckPeriod(from, to); msg != "" {
		return Return{}, Invalidf("%s", msg)
	}
	today := s.today()
	return returning(s.update, "marking the return as sent", func(tx *storage.Tx) (Return, error) {
		rs, err := tx.Returns(accountID)
		if err != nil {
			return Return{}, err
		}
		for _, o := range rs {
			if o.Sent.IsZero() || o.From.After(to) || o.To.Before(from) {
				continue
			}
			if o.From == from && o.To == to {
				return o, Invalidf("The return for %s to %s was already marked as sent on %s.", from.UK(), to.UK(), o.Sent.UK())
			}
			return Return{}, Invalidf("The return for %s to %s, sent on %s, already covers some of these days: choose a period that starts on %s or later.",
				o.From.UK(), o.To.UK(), o.Sent.UK(), o.To.AddDays(1).UK())
		}
		x, err := s.produceReturn(tx, accountID, from, to, today)
		if err != nil {
			return x, err
		}
		if err := tx.MarkReturnSent(x.ID, today); err != nil {
			return x, err
		}
		x.Sent = today
		return x, tx.Audit(s.now(), accountID, "return sent", fmt.Sprintf("%s to %s", from.UK(), to.UK()))
	})
}

// ExportEvidencePDF writes the evidence pack for a period: the return
// with every page number filled in, then the payslips, timesheets, HMRC
// record, receipts and insurance behind it. It says which receipts could
// not be put on the pack's pages.
func (s *Service) ExportEvidencePDF(w io.Writer, accountID int64, from, to civil.Date) (report.PackResult, error) {
	if msg := budget.CheckPeriod(from, to); msg != "" {
		return report.PackResult{}, Invalidf("%s", msg)
	}
	today := s.today()
	pack, err := read(s, "making the evidence pack", func(tx *storage.Tx) (report.EvidencePack, error) {
		p, err := s.returnParts(tx, accountID, from, to, today)
		if err != nil {
			return report.EvidencePack{}, err
		}
		out := report.EvidencePack{Return: p.doc, Payslips: p.payslips, Timesheets: p.sheets, HMRC: p.hmrc, Receipts: map[int64]report.PackFile{}}
		for _, rc := range p.receipts {
			stored, data, _, err := tx.Receipt(rc.ID)
			if errors.Is(err, storage.ErrNotFound) {
				continue
			} else if err != nil {
				return out, err
			}
			out.Receipts[rc.ID] = report.PackFile{Name: stored.FileName, MediaType: receiptType(data), Data: data}
		}
		return out, nil
	})
	if err != nil {
		return report.PackResult{}, err
	}
	var buf bytes.Buffer
	res, err := report.EvidencePDF(&buf, pack)
	if err != nil {
		return res, internal("writing the evidence pack", err)
	}
	_, err = buf.WriteTo(w)
	return res, err
}

// StoredReturn gives back a return as it was produced, byte for byte.
func (s *Service) StoredReturn(accountID int64, from, to civil.Date) (Return, error) {
	return readRecord(s, "reading the return", "That return is no longer in the file.", func(tx *storage.Tx) (Return, error) {
		return tx.ReturnFor(accountID, from, to)
	})
}

// SetCouncilProfile sets the council rules a budget's returns follow.
func (s *Service) SetCouncilProfile(accountID int64, key string) (household.Account, error) {
	if budget.ProfileFor(key).Key != key {
		return household.Account{}, fieldError("profile", "%q is not one of the councils the toolkit knows: choose one from the list, or \"Any council\".", key)
	}
	return returning(s.update, "saving the council's rules", func(tx *storage.Tx) (household.Account, error) {
		a, err := findBudget(tx, accountID)
		if err != nil {
			return a, err
		}
		a.CouncilProfile = key
		if err := tx.UpdateAccount(a); err != nil {
			return a, err
		}
		return a, tx.Audit(s.now(), accountID, "council rules changed", budget.ProfileFor(key).Label())
	})
}
