package main

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// permuteArgs moves flags that follow positional arguments in front of
// them. urfave/cli v2 stops reading flags at the first positional argument,
// but SPEC writes `citelint inspect FILE --format json`, and people type
// `citelint essay.md --format json`. A "--" ends the flags as usual.
//
// Flags given before the command name belong to the default lint command
// when the command is lint, so `citelint --format json lint x.md` works too.
func permuteArgs(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	rest := args[1:]
	rootValues := valueFlags(app.Flags)
	i := 0
	for i < len(rest) && isFlag(rest[i]) && rest[i] != "--" {
		if needsValue(rest[i], rootValues) {
			i++
		}
		i++
	}
	out := []string{args[0]}
	if i < len(rest) && rest[i] != "--" {
		if cmd := app.Command(rest[i]); cmd != nil {
			tail := rest[i+1:]
			if cmd.Name == "lint" {
				tail = append(append([]string{}, rest[:i]...), tail...)
			} else {
				out = append(out, rest[:i]...)
			}
			out = append(out, rest[i])
			return append(out, permute(tail, valueFlags(cmd.Flags))...)
		}
	}
	return append(out, permute(rest, rootValues)...)
}

// permute puts flags (with their values) first and positional arguments
// after, keeping the order within each.
func permute(args []string, values map[string]bool) []string {
	var flags, positional []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			flags = append(flags, "--")
			return append(append(flags, positional...), args[i+1:]...)
		case isFlag(a):
			flags = append(flags, a)
			if needsValue(a, values) && i+1 < len(args) {
				flags = append(flags, args[i+1])
				i++
			}
		default:
			positional = append(positional, a)
		}
	}
	return append(flags, positional...)
}

// isFlag reports whether a looks like a flag; "-" alone is standard input.
func isFlag(a string) bool { return len(a) > 1 && a[0] == '-' }

// needsValue reports whether flag a takes the next argument as its value.
func needsValue(a string, values map[string]bool) bool {
	name := strings.TrimLeft(a, "-")
	if strings.Contains(name, "=") {
		return false
	}
	return values[name]
}

// valueFlags names the flags that take a value: all but the booleans.
func valueFlags(flags []cli.Flag) map[string]bool {
	out := map[string]bool{}
	for _, f := range flags {
		if _, boolean := f.(*cli.BoolFlag); boolean {
			continue
		}
		for _, name := range f.Names() {
			out[name] = true
		}
	}
	return out
}
