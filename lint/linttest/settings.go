package linttest

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/citelint/citelint/lint"
)

// settingsLine matches a fixture's settings line: an HTML comment in
// Markdown and HTML, a "#" line in plain text.
var (
	settingsComment = regexp.MustCompile(`^\s*<!--\s*fixture:(.*?)-->\s*$`)
	settingsHash    = regexp.MustCompile(`^\s*#\s*fixture:(.*)$`)
)

// ParseSettings reads the optional settings line that opens a fixture —
// `<!-- fixture: style=apa quote-min-words=4 -->` in Markdown and HTML,
// `# fixture: style=apa` in plain text — and returns the settings (the
// defaults when there is no such line) and src with that line emptied, so
// that every other line keeps its number. Settings: style (auto, mla, apa,
// chicago, harvard) and quote-min-words (a positive number).
func ParseSettings(format lint.Format, src []byte) (lint.Settings, []byte, error) {
	settings := lint.DefaultSettings()
	end := bytes.IndexByte(src, '\n')
	if end < 0 {
		end = len(src)
	}
	first := strings.TrimSuffix(string(src[:end]), "\r")
	pattern := settingsComment
	if format == lint.FormatText {
		pattern = settingsHash
	}
	m := pattern.FindStringSubmatch(first)
	if m == nil {
		return settings, src, nil
	}
	for _, field := range strings.Fields(m[1]) {
		key, value, ok := strings.Cut(field, "=")
		if !ok {
			return settings, src, fmt.Errorf("line 1: fixture setting %q is not key=value", field)
		}
		switch key {
		case "style":
			switch s := lint.Style(strings.ToLower(value)); s {
			case lint.StyleMLA, lint.StyleAPA, lint.StyleChicago, lint.StyleHarvard:
				settings.Style = s
			case "auto":
				settings.Style = lint.StyleUnknown
			default:
				return settings, src, fmt.Errorf("line 1: unknown style %q (want auto, mla, apa, chicago or harvard)", value)
			}
		case "quote-min-words":
			n, err := strconv.Atoi(value)
			if err != nil || n < 1 {
				return settings, src, fmt.Errorf("line 1: quote-min-words=%q is not a positive number", value)
			}
			settings.QuoteMinWords = n
		default:
			return settings, src, fmt.Errorf("line 1: unknown fixture setting %q (want style or quote-min-words)", key)
		}
	}
	out := make([]byte, 0, len(src)-len(first))
	if strings.HasSuffix(string(src[:end]), "\r") {
		out = append(out, '\r')
	}
	out = append(out, src[end:]...)
	return settings, out, nil
}
