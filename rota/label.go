package rota

// labelOr returns the label of v in labels, or unknown when v has none:
// the one way the rota's kinds (shift types, pay classes, absences,
// timesheet statuses) are named as shown, each from one table of its
// values.
func labelOr[K comparable](labels map[K]string, v K, unknown string) string {
	if l, ok := labels[v]; ok {
		return l
	}
	return unknown
}
