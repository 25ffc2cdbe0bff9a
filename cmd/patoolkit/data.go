package main

import (
	"encoding/json"
	"flag"
	"io"
	"time"

	"patoolkit/service"
)

// clock is the time every command's service reads: the date a PDF says
// it was made on, a calendar's stamp, the audit log. Tests fix it.
var clock = time.Now

// dataFlag adds --data to fs; the default data file is used when it is empty.
func dataFlag(fs *flag.FlagSet) *string {
	return fs.String("data", "", "the data `FILE` (default: the toolkit's usual file in your user folder)")
}

// openData opens the data file named by --data, or the usual one, and
// gives it the full check: a damaged file is refused with what to do, so
// no command reads wrong figures from it or writes on.
func openData(path string) (*service.Service, error) {
	svc, err := openUnchecked(path)
	if err != nil {
		return nil, err
	}
	if err := svc.Verify(); err != nil {
		svc.Close()
		return nil, err
	}
	return svc, nil
}

// withData runs do with the data file opened by openData, and closes it.
func withData(path string, do func(*service.Service) error) error {
	svc, err := openData(path)
	if err != nil {
		return err
	}
	defer svc.Close()
	return do(svc)
}

// openUnchecked opens the data file without the full check, for "check",
// which reports what it finds.
func openUnchecked(path string) (*service.Service, error) {
	if path == "" {
		p, err := service.DefaultDataPath()
		if err != nil {
			return nil, err
		}
		path = p
	}
	svc, err := service.Open(path)
	if err != nil {
		return nil, err
	}
	svc.SetClock(clock)
	return svc, nil
}

// writeJSON writes v as indented JSON and a newline.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// forceFlag adds --force: replace an existing file the command writes.
func forceFlag(fs *flag.FlagSet) *bool {
	return fs.Bool("force", false, "replace the file if it exists")
}

// fileError explains a refusal to write a file, pointing to --force when
// the file only exists.
func fileError(err error, path string) error {
	if service.IsFileExists(err) {
		return badInput("%s already exists, so nothing was written. Choose a new name, or add --force to replace it.", path)
	}
	return err
}

// writeBytes writes data, for service.WriteFile.
func writeBytes(data []byte) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}
}
