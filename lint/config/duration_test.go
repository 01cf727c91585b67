package config

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"go.yaml.in/yaml/v3"
)

func TestParseDuration(t *testing.T) {
	good := map[string]time.Duration{
		"0":        0,
		"7d":       7 * 24 * time.Hour,
		"12h":      12 * time.Hour,
		"30m":      30 * time.Minute,
		"45s":      45 * time.Second,
		"250ms":    250 * time.Millisecond,
		"2w":       14 * 24 * time.Hour,
		"1d12h":    36 * time.Hour,
		"1h30m":    90 * time.Minute,
		" 7d ":     7 * 24 * time.Hour,
		"0d":       0,
		"106751d":  106751 * 24 * time.Hour,
		"1d1h1m1s": 24*time.Hour + time.Hour + time.Minute + time.Second,
	}
	for in, want := range good {
		got, err := ParseDuration(in)
		if assert.NoError(t, err, in) {
			assert.Equal(t, want, got, in)
		}
	}
	for _, in := range []string{"", "d", "7", "7x", "7 d", "-7d", "1.5h", "7days", "7D", "h7",
		"106752d", "99999999999999999999s", "15251w", "106751d1d"} {
		_, err := ParseDuration(in)
		assert.Error(t, err, "%q", in)
	}
}

func TestDurationYAML(t *testing.T) {
	var v struct {
		Age Duration `yaml:"age"`
	}
	assert.NoError(t, yaml.Unmarshal([]byte("age: 3d\n"), &v))
	assert.Equal(t, Duration(72*time.Hour), v.Age)
	assert.Equal(t, "3d", v.Age.String())
	assert.Equal(t, "1h30m0s", Duration(90*time.Minute).String())
	assert.Error(t, yaml.Unmarshal([]byte("age: [3d]\n"), &v))
}

// TestDurationOption checks that a rule may type an option as Duration or
// as time.Duration and get the configuration's units either way.
func TestDurationOption(t *testing.T) {
	type opts struct {
		Grace Duration      `yaml:"grace"`
		Wait  time.Duration `yaml:"wait"`
	}
	known := map[string]RuleSchema{"link-broken": {Options: opts{}}}
	cfg, err := Parse(".citelint.yml", []byte("version: 1\nrules:\n  link-broken: {grace: 2d, wait: 90s}\n"), known)
	if assert.NoError(t, err) {
		assert.Equal(t, opts{Grace: Duration(48 * time.Hour), Wait: 90 * time.Second}, cfg.For("a.md").Options["link-broken"])
	}
	_, err = Parse(".citelint.yml", []byte("version: 1\nrules:\n  link-broken: {wait: soon}\n"), known)
	assert.EqualError(t, err, `.citelint.yml:3:23: rules.link-broken.wait: bad duration "soon" (want a whole number and a unit: 30m, 12h, 7d)`)
	_, err = Parse(".citelint.yml", []byte("version: 1\nrules:\n  link-broken: {grace: 5}\n"), known)
	assert.EqualError(t, err, `.citelint.yml:3:24: rules.link-broken.grace: bad duration "5" (want a whole number and a unit: 30m, 12h, 7d)`)
}
