package ui

// comingSoon says, for each section not built yet, what will be there,
// when, and what to do until then. These pages have no buttons, so none
// can do nothing.
var comingSoon = map[section][2]string{}

// showComingSoon shows what a section not built yet will hold.
func (u *UI) showComingSoon(s section) {
	text := comingSoon[s]
	u.showPage(page(pageTitle(s.String()), heading(text[0]), wrapLabel(text[1])), nil, nil)
}
