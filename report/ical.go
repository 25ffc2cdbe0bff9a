package report

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// Event is one entry in a calendar file: a shift, for a PA's phone.
type Event struct {
	UID         string // stable, so re-importing updates rather than duplicates
	Start, End  time.Time
	Summary     string
	Description string
	Location    string
	Cancelled   bool
}

// Calendar is an iCalendar (RFC 5545) file of events.
type Calendar struct {
	Name   string    // shown by calendar apps, e.g. "Shifts for Zoë Ní Bhriain"
	Stamp  time.Time // when it was made (DTSTAMP); fixed for deterministic output
	Events []Event
}

// WriteICS writes c as an .ics file. Times are written in UTC, which every
// calendar app converts to the phone's local time, so a shift across a
// clock change keeps its true length.
func WriteICS(w io.Writer, c Calendar) error {
	var b strings.Builder
	line := func(name, value string) { fold(&b, name+":"+value) }
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", "-//PA Employer Toolkit//Rota//EN")
	line("CALSCALE", "GREGORIAN")
	line("METHOD", "PUBLISH")
	if c.Name != "" {
		line("X-WR-CALNAME", escapeText(c.Name))
	}
	stamp := utc(c.Stamp)
	for _, e := range c.Events {
		if e.UID == "" {
			return fmt.Errorf("calendar event %q has no UID", e.Summary)
		}
		if !e.End.After(e.Start) {
			return fmt.Errorf("calendar event %q ends before it starts", e.Summary)
		}
		line("BEGIN", "VEVENT")
		line("UID", escapeText(e.UID))
		line("DTSTAMP", stamp)
		line("DTSTART", utc(e.Start))
		line("DTEND", utc(e.End))
		line("SUMMARY", escapeText(e.Summary))
		if e.Description != "" {
			line("DESCRIPTION", escapeText(e.Description))
		}
		if e.Location != "" {
			line("LOCATION", escapeText(e.Location))
		}
		if e.Cancelled {
			line("STATUS", "CANCELLED")
		} else {
			line("STATUS", "CONFIRMED")
		}
		line("TRANSP", "OPAQUE")
		line("END", "VEVENT")
	}
	line("END", "VCALENDAR")
	_, err := io.WriteString(w, b.String())
	return err
}

func utc(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

var textEscaper = strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)

func escapeText(s string) string { return textEscaper.Replace(s) }

// fold writes a content line folded at 75 octets, never inside a UTF-8
// character, ending in CRLF (RFC 5545 section 3.1).
func fold(b *strings.Builder, s string) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	b.WriteString(s)
	b.WriteString("\r\n")
}
