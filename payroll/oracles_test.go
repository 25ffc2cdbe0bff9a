package payroll

// Exact readings of HMRC's rules that the tests check the engine and the
// rates files against. Nothing in the program calls them.

import "patoolkit/money"

// exactBandTax is bandTax in exact arithmetic: the sum over the full bands
// below of rate x (width x p / perYear), plus rate x (t - start x p /
// perYear), rounded down to the penny. Everything is multiplied by perYear
// x 100 to stay in integers (rates are basis points, so pounds x basis
// points / 100 is pence).
func exactBandTax(bands []Band, t, p, perYear int64) int64 {
	var acc, prev int64 // acc: tax in pence x perYear x 100; prev: annual start of the band
	for i, b := range bands {
		if b.Upper != 0 && i < len(bands)-1 && t > ceilDiv(b.Upper*p, perYear) {
			acc += int64(b.Rate) * (b.Upper - prev) * p
			prev = b.Upper
			continue
		}
		acc += int64(b.Rate) * (t*perYear - prev*p)
		break
	}
	return acc / (perYear * 100)
}

// niThresholdsForWeeks derives thresholds for a period of k weeks by the
// rule HMRC uses for its published fortnightly and four-weekly figures:
// LEL = weekly LEL x k; PT, ST and UEL = annual / 52 x k rounded up to the
// pound. The rates files hold the published figures; tests check that
// this rule reproduces them.
func (r *Rates) niThresholdsForWeeks(k int64) NIThresholds {
	a := r.NIAnnual
	up := func(m money.Money) money.Money {
		return pounds(ceilDiv(int64(m)/100*k, 52))
	}
	return NIThresholds{
		LEL: r.NIThresholds[Weekly.index()].LEL * money.Money(k),
		PT:  up(a.PT),
		ST:  up(a.ST),
		UEL: up(a.UEL),
	}
}
