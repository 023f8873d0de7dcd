package matcher

import "github.com/antzucaro/matchr"

// maxFastWord is the longest word jaroWinkler handles on the stack;
// maxEditWord the longest for editsWithin, whose matrix the runtime
// zeroes on every call (names have far shorter words).
const (
	maxFastWord = 40
	maxEditWord = 24
)

// editsWithin is the Damerau-Levenshtein distance between two words (the
// same value as matchr.DamerauLevenshtein) when it is at most k, and k+1
// when it is more. The edit rule only asks whether two words lie within a
// budget of at most two edits, so only the cells within k of the diagonal
// are computed (a cell further away is at least its distance from the
// diagonal, and no path of cost k or less goes through it), and the
// computation stops at the first row whose cells all exceed k: the
// smallest distance in a row never falls in a later row (cutting an
// alignment, even inside a transposition, costs no more than the whole). Romanised names are ASCII, so the
// common case runs the Lowrance-Wagner algorithm on bytes in a stack
// matrix; matchr handles anything else. matchr's own version allocates a
// map and a matrix on every call, which made it the largest single cost
// of a check.
func editsWithin(a, b string, k int) int {
	if len(a) > maxEditWord || len(b) > maxEditWord || !isASCII(a) || !isASCII(b) {
		return min(matchr.DamerauLevenshtein(a, b), k+1)
	}
	if abs(len(a)-len(b)) > k {
		return k + 1
	}
	const w = maxEditWord + 2
	// int8 cells: a distance is at most 48, and the runtime zeroes the
	// whole matrix on every call, a quarter of the bytes of int32. Row 0
	// and column 0 hold their true distances; the cells just outside the
	// band that a band cell reads are set to far in each row, so that
	// reading one never helps a path.
	far := int8(k + 1)
	var d [w * w]int8
	var lastRow [128]int8 // last row where each byte was seen in a
	for i := 0; i <= len(a); i++ {
		d[(i+1)*w+1] = int8(i)
	}
	for j := 0; j <= len(b); j++ {
		d[w+j+1] = int8(j)
	}
	for i := 1; i <= len(a); i++ {
		lastCol := 0           // last column in this row where a[i-1] matched
		rowMin := d[(i+1)*w+1] // column 0: i deletions
		if i-k-1 >= 1 {
			d[(i+1)*w+i-k] = far // this row, left of the band
		}
		if i+k <= len(b) {
			d[i*w+i+k+1] = far // the row above, right of its band
		}
		for j := max(1, i-k); j <= min(len(b), i+k); j++ {
			kk, l := int(lastRow[b[j-1]]), lastCol
			cost := int8(1)
			if a[i-1] == b[j-1] {
				cost, lastCol = 0, j
			}
			c := min(d[i*w+j]+cost, d[(i+1)*w+j]+1, d[i*w+j+1]+1, far)
			if kk > 0 && l > 0 && abs(kk-l) <= k {
				c = min(c, d[kk*w+l]+int8(i-kk-1+1+j-l-1))
			}
			d[(i+1)*w+j+1] = c
			rowMin = min(rowMin, c)
		}
		lastRow[a[i-1]] = int8(i)
		if rowMin > int8(k) {
			return k + 1
		}
	}
	return int(min(d[(len(a)+1)*w+len(b)+1], far))
}

func isASCII(s string) bool {
	var or byte
	for i := 0; i < len(s); i++ {
		or |= s[i]
	}
	return or < 0x80
}
