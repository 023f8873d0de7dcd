package matcher

import "github.com/antzucaro/matchr"

// maxFastWord is the longest word jaroWinkler handles on the stack;
// maxEditWord the longest for editDistance, whose matrix the runtime
// zeroes on every call (names have far shorter words).
const (
	maxFastWord = 40
	maxEditWord = 24
)

// editDistance is the Damerau-Levenshtein distance between two words (the
// same value as matchr.DamerauLevenshtein). Romanised names are ASCII, so
// the common case runs the Lowrance-Wagner algorithm on bytes in a
// stack matrix; matchr handles anything else. matchr's own version
// allocates a map and a matrix on every call, which made it the largest
// single cost of a check.
func editDistance(a, b string) int {
	if len(a) > maxEditWord || len(b) > maxEditWord || !isASCII(a) || !isASCII(b) {
		return matchr.DamerauLevenshtein(a, b)
	}
	const w = maxEditWord + 2
	// int8 cells: a distance is at most 48, and the runtime zeroes the
	// whole matrix on every call, a quarter of the bytes of int32.
	var d [w * w]int8
	var lastRow [128]int8 // last row where each byte was seen in a
	inf := int8(len(a) + len(b))
	d[0] = inf
	for i := 0; i <= len(a); i++ {
		d[(i+1)*w] = inf
		d[(i+1)*w+1] = int8(i)
	}
	for j := 0; j <= len(b); j++ {
		d[j+1] = inf
		d[w+j+1] = int8(j)
	}
	for i := 1; i <= len(a); i++ {
		var lastCol int // last column in this row where a[i-1] matched
		for j := 1; j <= len(b); j++ {
			k, l := int(lastRow[b[j-1]]), lastCol
			cost := int8(1)
			if a[i-1] == b[j-1] {
				cost, lastCol = 0, j
			}
			d[(i+1)*w+j+1] = min(
				d[i*w+j]+cost,                // substitution
				d[(i+1)*w+j]+1,               // insertion
				d[i*w+j+1]+1,                 // deletion
				d[k*w+l]+int8(i-k-1+1+j-l-1), // transposition
			)
		}
		lastRow[a[i-1]] = int8(i)
	}
	return int(d[(len(a)+1)*w+len(b)+1])
}

func isASCII(s string) bool {
	var or byte
	for i := 0; i < len(s); i++ {
		or |= s[i]
	}
	return or < 0x80
}
