package household

import (
	"patoolkit/civil"
	"patoolkit/money"
)

// MinimumCover is the employer's liability cover the law asks for; most
// policies give UsualCover.
var (
	MinimumCover = money.FromPounds(5_000_000)
	UsualCover   = money.FromPounds(10_000_000)
)

// NextPolicy returns a new policy of the account as the add form starts
// it: the usual cover, and when there are policies, the latest one's
// insurer from the day it needs renewing.
func NextPolicy(accountID int64, policies []Insurance) Insurance {
	i := Insurance{AccountID: accountID, Cover: UsualCover}
	var latest Insurance
	for n, p := range policies {
		if n == 0 || p.StartDate.After(latest.StartDate) {
			latest = p
		}
	}
	if len(policies) > 0 {
		i.Insurer, i.StartDate = latest.Insurer, latest.RenewalDate
	}
	return i
}

// RenewalWarningDays is how many days before cover ends the toolkit warns
// that employer's liability insurance needs renewing.
const RenewalWarningDays = 30

// Cover is what the employer's liability policies say about one day.
type Cover struct {
	// Any is set when at least one policy is recorded.
	Any bool
	// InForce is set when a policy covers the day; Policy is it (of two
	// that do, the one running longer).
	InForce bool
	Policy  Insurance
	// Until is the day cover ends: Policy's renewal date, moved on by any
	// policy already bought to start on that day, and so on. Zero when no
	// policy is in force.
	Until civil.Date
	// Next is the soonest policy starting after the day (HasNext); Lapsed
	// the policy that ended last on or before it (HasLapsed).
	Next      Insurance
	HasNext   bool
	Lapsed    Insurance
	HasLapsed bool
}

// CoverOn returns the insurance cover on day d. A policy covers the days
// from its start date up to the day before its renewal date.
func CoverOn(policies []Insurance, d civil.Date) Cover {
	c := Cover{Any: len(policies) > 0}
	for _, p := range policies {
		switch {
		case p.StartDate.After(d):
			if !c.HasNext || p.StartDate.Before(c.Next.StartDate) {
				c.Next, c.HasNext = p, true
			}
		case d.Before(p.RenewalDate):
			if !c.InForce || p.RenewalDate.After(c.Policy.RenewalDate) {
				c.Policy, c.InForce = p, true
			}
		default:
			if !c.HasLapsed || p.RenewalDate.After(c.Lapsed.RenewalDate) {
				c.Lapsed, c.HasLapsed = p, true
			}
		}
	}
	if !c.InForce {
		return c
	}
	// A policy already bought to follow on moves the end of cover on.
	c.Until = c.Policy.RenewalDate
	for again := true; again; {
		again = false
		for _, p := range policies {
			if p.StartDate == c.Until && p.RenewalDate.After(c.Until) {
				c.Until, again = p.RenewalDate, true
			}
		}
	}
	return c
}

// RenewalDue returns how many days from d cover ends, and whether that is
// soon enough (RenewalWarningDays or fewer) to warn. It is false when no
// policy is in force.
func (c Cover) RenewalDue(d civil.Date) (days int, due bool) {
	if !c.InForce {
		return 0, false
	}
	days = c.Until.DaysSince(d)
	return days, days <= RenewalWarningDays
}
