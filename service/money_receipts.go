package service

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"patoolkit/civil"
	"patoolkit/storage"
	"patoolkit/text"
)

// MaxReceiptBytes is the largest receipt kept: a phone photo or a scanned
// invoice is well under it.
const MaxReceiptBytes = 10 << 20

// receiptType returns the media type of a receipt from its first bytes
// (never its name): PNG, JPEG or PDF, or "" for anything else.
func receiptType(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return "image/png"
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return "image/jpeg"
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return "application/pdf"
	}
	return ""
}

// Receipts returns a ledger line's receipts (names and sizes).
func (s *Service) Receipts(transactionID int64) ([]Receipt, error) {
	return read(s, "reading the receipts", func(tx *storage.Tx) ([]Receipt, error) {
		return tx.Receipts(transactionID)
	})
}

// AddReceiptFile keeps a copy of the file at path (a PNG or JPEG image or
// a PDF, at most 10 MB) with a ledger line, inside the data file.
func (s *Service) AddReceiptFile(transactionID int64, path string) (Receipt, error) {
	path = strings.TrimSpace(path)
	if path == "" {
		return Receipt{}, fieldError("path", "Give the receipt's file: a photo (PNG or JPEG) or a PDF.")
	}
	st, err := os.Stat(path)
	switch {
	case err != nil:
		return Receipt{}, fieldError("path", "There is no file at %s. Check the folder and the file's name.", path)
	case st.IsDir():
		return Receipt{}, fieldError("path", "%s is a folder: give the receipt's file inside it.", path)
	case st.Size() > MaxReceiptBytes:
		return Receipt{}, fieldError("path", "%s is %s: a receipt may be at most 10 MB. Take a smaller photo or scan.", filepath.Base(path), sizeWords(st.Size()))
	}
	f, err := os.Open(path)
	if err != nil {
		return Receipt{}, fieldError("path", "%s can't be opened (%v).", path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxReceiptBytes+1))
	if err != nil {
		return Receipt{}, internal("reading the receipt", err)
	}
	return s.AddReceipt(transactionID, filepath.Base(path), data)
}

// AddReceipt keeps a receipt's bytes with a ledger line. Only PNG and
// JPEG images and PDFs are kept (recognised by their contents), at most
// 10 MB.
func (s *Service) AddReceipt(transactionID int64, fileName string, data []byte) (Receipt, error) {
	// A file's name is text from outside, like a statement's: cleaned.
	fileName = text.Clean(filepath.Base(fileName))
	if fileName == "" || fileName == "." || fileName == string(filepath.Separator) {
		fileName = "receipt"
	}
	if len([]rune(fileName)) > 200 {
		fileName = string([]rune(fileName)[:200])
	}
	switch {
	case len(data) == 0:
		return Receipt{}, fieldError("path", "%s is empty.", fileName)
	case len(data) > MaxReceiptBytes:
		return Receipt{}, fieldError("path", "%s is %s: a receipt may be at most 10 MB. Take a smaller photo or scan.", fileName, sizeWords(int64(len(data))))
	}
	mt := receiptType(data)
	if mt == "" {
		return Receipt{}, fieldError("path", "%s is not a PNG or JPEG picture or a PDF, so it was not kept. Save the receipt as one of those.", fileName)
	}
	rc := Receipt{TransactionID: transactionID, FileName: fileName, MediaType: mt, Added: civil.Of(s.now())}
	err := s.update("keeping the receipt", func(tx *storage.Tx) error {
		t, accountID, err := readLedgerLine(tx, transactionID)
		if err != nil {
			return err
		}
		if err := tx.InsertReceipt(&rc, data); err != nil {
			return err
		}
		return tx.Audit(s.now(), accountID, "receipt attached", fmt.Sprintf("%s (%s) to %s", rc.FileName, sizeWords(rc.Size), describeTx(t)))
	})
	return rc, err
}

// ReceiptData returns a receipt and its bytes.
func (s *Service) ReceiptData(id int64) (Receipt, []byte, error) {
	var rc Receipt
	var data []byte
	err := s.view("reading the receipt", func(tx *storage.Tx) (err error) {
		rc, data, _, err = tx.Receipt(id)
		if errors.Is(err, storage.ErrNotFound) {
			return NotFoundf("That receipt no longer exists.")
		}
		return err
	})
	return rc, data, err
}

// ExportReceipt writes a copy of a receipt to out, through the one file
// writer: a new file, or an existing one only when replace is set.
func (s *Service) ExportReceipt(id int64, out string, replace bool) error {
	out = strings.TrimSpace(out)
	if out == "" {
		return fieldError("path", "Say where to save the copy: a new file name, like /home/me/receipt.pdf.")
	}
	_, data, err := s.ReceiptData(id)
	if err != nil {
		return err
	}
	return s.WriteFile(out, replace, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// RemoveReceipt removes a receipt from a ledger line.
func (s *Service) RemoveReceipt(id int64) error {
	return s.remove("removing the receipt", "That receipt no longer exists.", "receipt removed", func(tx *storage.Tx) (int64, string, error) {
		rc, _, accountID, err := tx.Receipt(id)
		return accountID, rc.FileName, err
	}, func(tx *storage.Tx) error { return tx.DeleteReceipt(id) })
}

// sizeWords is "2.4 MB", "310 KB", "900 bytes".
func sizeWords(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%d.%d MB", n>>20, (n%(1<<20))*10>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", (n+512)>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// SizeWords is how a receipt's size is shown: "2.4 MB".
func SizeWords(n int64) string { return sizeWords(n) }
