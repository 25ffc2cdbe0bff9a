package budget

import "patoolkit/civil"

// clearMarginDays is how much nearer in date an automatic pair must be
// than any other possible pair for the same item or payment.
const clearMarginDays = 4

// datePair is a possible pair of item a of one list and item b of another
// (indexes), dist days apart.
type datePair struct{ a, b, dist int }

// datePairs are the possible pairs of two lists, indexed by each side, so
// that a pair certain enough to make without asking can be told apart
// (clearlyNearest). Both MatchPayments (owed items and payments) and the
// import (bank lines and lines entered by hand) decide so.
type datePairs struct {
	list     []datePair
	byA, byB map[int][]int // item index -> indexes in list
}

func (ps *datePairs) add(a, b, dist int) {
	if ps.byA == nil {
		ps.byA, ps.byB = make(map[int][]int), make(map[int][]int)
	}
	ps.byA[a] = append(ps.byA[a], len(ps.list))
	ps.byB[b] = append(ps.byB[b], len(ps.list))
	ps.list = append(ps.list, datePair{a, b, dist})
}

// clearlyNearest reports whether pair c is clearly the nearest in date of
// its a's possible pairs and of its b's: every other is at least
// clearMarginDays further apart.
func (ps *datePairs) clearlyNearest(c int) bool {
	return ps.nearestOf(ps.byA[ps.list[c].a], c) && ps.nearestOf(ps.byB[ps.list[c].b], c)
}

func (ps *datePairs) nearestOf(others []int, c int) bool {
	for _, k := range others {
		if k != c && ps.list[k].dist < ps.list[c].dist+clearMarginDays {
			return false
		}
	}
	return true
}

// daysApart is how many days lie between two dates, either way round.
func daysApart(x, y civil.Date) int {
	d := x.DaysSince(y)
	if d < 0 {
		return -d
	}
	return d
}
