// Package swar holds the word-at-a-time helpers of citelint's scanners: a
// uint64 holds eight bytes of text, the first in its low byte, so that a
// scan passes over eight plain bytes at once and stops only where a byte
// it looks for may stand. A mark is the high bit of a byte.
package swar

import "math/bits"

const (
	// LowBits has the low bit of every byte set.
	LowBits = 0x0101010101010101
	// HighBits has the high bit, the mark, of every byte set.
	HighBits = 0x8080808080808080
)

// Load8 returns the eight bytes of s from i on.
func Load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// LoadTail is Load8 for the bytes of s[i:end], fewer than eight, with
// spaces after them.
func LoadTail(s string, i, end int) uint64 {
	x := uint64(0x2020202020202020)
	for k := end - 1; k >= i; k-- {
		x = x<<8 | uint64(s[k])
	}
	return x
}

// BytesEqual marks the bytes of x equal to b. Only the lowest mark is
// exact (a borrow may mark bytes after it), which is all FirstMarked reads.
func BytesEqual(x uint64, b byte) uint64 {
	v := x ^ (LowBits * uint64(b))
	return (v - LowBits) &^ v
}

// NonLetters marks the bytes of x that are not ASCII letters, exactly: no
// carry crosses from byte to byte.
func NonLetters(x uint64) uint64 {
	y := (x | 0x2020202020202020) & 0x7f7f7f7f7f7f7f7f // letters folded to lower case
	atLeastA := y + 0x1f1f1f1f1f1f1f1f                 // high bit set from 'a' (0x61) up
	pastZ := y + 0x0505050505050505                    // high bit set from '{' (0x7b) up
	return ^(atLeastA &^ pastZ &^ x) & HighBits
}

// NonAlnums marks the bytes of x that are not ASCII letters or digits,
// exactly.
func NonAlnums(x uint64) uint64 {
	y := x & 0x7f7f7f7f7f7f7f7f
	// For an ASCII byte v, v+0x50 has its high bit set from '0' (0x30) up
	// and v+0x46 from past '9' (0x3a) up; neither carries out of the byte.
	digits := (y + 0x5050505050505050) &^ (y + 0x4646464646464646) &^ x
	return NonLetters(x) &^ digits & HighBits
}

// FirstMarked returns the index of the first byte of m whose mark is set;
// m has one at least.
func FirstMarked(m uint64) int { return bits.TrailingZeros64(m&HighBits) >> 3 }
