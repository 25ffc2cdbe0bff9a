package budget

import "patoolkit/text"

// cleanText is text.Clean, the one cleaning of text a file brings in: the
// parsers call it for every description, type, reference and column name,
// before anything keeps, keys or shows them. (Their own variables are
// called text.)
func cleanText(s string) string { return text.Clean(s) }
