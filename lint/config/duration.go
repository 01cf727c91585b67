package config

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// cutUnit cuts a duration unit from the front of s. time.ParseDuration
// stops at hours, but cache ages are naturally written in days ("7d").
func cutUnit(s string) (unit time.Duration, rest string) {
	// "ms" is tried before "m" so that the longer unit wins.
	for _, u := range [...]struct {
		name string
		unit time.Duration
	}{
		{"ms", time.Millisecond},
		{"s", time.Second},
		{"m", time.Minute},
		{"h", time.Hour},
		{"d", 24 * time.Hour},
		{"w", 7 * 24 * time.Hour},
	} {
		if strings.HasPrefix(s, u.name) {
			return u.unit, s[len(u.name):]
		}
	}
	return 0, s
}

// ParseDuration reads a duration as written in a configuration: whole
// numbers each followed by a unit — w, d, h, m, s or ms — such as "7d",
// "12h", "30m" or "1d12h"; "0" alone is zero. Fractions and negative
// durations are refused: a cache age never needs them.
func ParseDuration(s string) (time.Duration, error) {
	orig := s
	s = strings.TrimSpace(s)
	if s == "0" {
		return 0, nil
	}
	bad := func() (time.Duration, error) {
		return 0, fmt.Errorf("bad duration %q (want a whole number and a unit: 30m, 12h, 7d)", orig)
	}
	if s == "" {
		return bad()
	}
	var total time.Duration
	for s != "" {
		i := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == 0 {
			return bad()
		}
		n, err := strconv.ParseInt(s[:i], 10, 64)
		if err != nil {
			return bad()
		}
		s = s[i:]
		var unit time.Duration
		unit, s = cutUnit(s)
		if unit == 0 {
			return bad()
		}
		if n > int64(math.MaxInt64/unit) || total > math.MaxInt64-time.Duration(n)*unit {
			return 0, fmt.Errorf("duration %q is too long", orig)
		}
		total += time.Duration(n) * unit
	}
	return total, nil
}

// Duration is a time.Duration that a configuration writes with ParseDuration's
// units. Rule options may use it for any length of time.
type Duration time.Duration

// UnmarshalYAML reads a duration from a scalar such as "7d".
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return fmt.Errorf("want a duration such as 7d or 12h, got %s", describe(n))
	}
	v, err := ParseDuration(n.Value)
	if err != nil {
		return err
	}
	*d = Duration(v)
	return nil
}

// String writes the duration in whole days when it is some, else as Go does.
func (d Duration) String() string {
	td := time.Duration(d)
	if day := 24 * time.Hour; td > 0 && td%day == 0 {
		return strconv.FormatInt(int64(td/day), 10) + "d"
	}
	return td.String()
}
