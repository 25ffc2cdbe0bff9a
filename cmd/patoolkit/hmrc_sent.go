package main

import (
	"strings"

	"patoolkit/household"
	"patoolkit/payroll"
	"patoolkit/service"
)

// filingKey names an item of the list of what to send to HMRC for
// "hmrc --mark-sent": its kind and its reference ("fps 2026-11-27").
func filingKey(f service.Filing) string { return string(f.Kind) + " " + f.Ref() }

// markFiled records that the item of year's filing list called key was
// sent on the day sentOn (today when ""), as the window's "Mark as sent"
// does (service.MarkFiled). An empty key does nothing.
func markFiled(svc *service.Service, a household.Account, y payroll.TaxYear, key, sentOn string) error {
	if strings.TrimSpace(key) == "" {
		if sentOn != "" {
			return badInput("--sent-on is used with --mark-sent")
		}
		return nil
	}
	on, err := moneyDayFlag("--sent-on", sentOn)
	if err != nil {
		return err
	}
	rec, err := svc.HMRCRecord(a.ID, y)
	if err != nil {
		return err
	}
	var keys []string
	for _, f := range rec.Filings {
		if strings.EqualFold(filingKey(f), strings.Join(strings.Fields(key), " ")) {
			return svc.MarkFiled(a.ID, f, on)
		}
		keys = append(keys, "\""+filingKey(f)+"\"")
	}
	if len(keys) == 0 {
		return badInput("--mark-sent %q: there is nothing to send to HMRC for %s", key, y)
	}
	return badInput("--mark-sent %q is not on the list of what to send for %s: %s", key, y, strings.Join(keys, ", "))
}
