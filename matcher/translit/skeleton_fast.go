package translit

// The skeletons are computed for every word of every query: for a word
// already in A-Z (every romanised form is), they are built in stack
// buffers with one allocation for the result, instead of the replacers'
// and folds' several.

// maxFast is the longest word the stack path takes; longer ones (rare:
// glued names) take the general path.
const maxFast = 48

// isAZ reports a word of A-Z only that fits the stack path.
func isAZ(w string) bool {
	if len(w) == 0 || len(w) > maxFast {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// skeletonAZ appends Skeleton(w) to dst for an A-Z word; it is Skeleton's
// definition, letter for letter.
func skeletonAZ[S ~string | ~[]byte](dst []byte, w S) []byte {
	var tmp [maxFast]byte
	d := tmp[:0]
	for i := 0; i < len(w); {
		n, c := skeletonDigraphAt(w, i)
		d = append(d, c)
		i += n
	}
	start := len(dst)
	for i := 0; i < len(d); i++ {
		c := d[i]
		if dropInSkeleton(d, i) {
			continue
		}
		if c == 'C' || c == 'Q' {
			c = 'K'
		}
		if n := len(dst); n == start || dst[n-1] != c {
			dst = append(dst, c)
		}
	}
	if len(dst) == start && len(d) > 0 {
		dst = append(dst, d[0])
	}
	return dst
}

// skeletonDigraphAt is skeletonDigraphs at position i: how many letters it
// reads and the letter it writes.
func skeletonDigraphAt[S ~string | ~[]byte](w S, i int) (int, byte) {
	switch {
	case hasAt(w, i, "DZH"):
		return 3, 'J'
	case hasAt(w, i, "DJ"):
		return 2, 'J'
	case hasAt(w, i, "PH"):
		return 2, 'F'
	case hasAt(w, i, "CK"):
		return 2, 'K'
	case hasAt(w, i, "KH"):
		return 2, 'H'
	}
	return 1, w[i]
}

func hasAt[S ~string | ~[]byte](w S, i int, p string) bool {
	if i+len(p) > len(w) {
		return false
	}
	for k := 0; k < len(p); k++ {
		if w[i+k] != p[k] {
			return false
		}
	}
	return true
}

// looseAZ is LooseSkeleton for an A-Z word.
func looseAZ(w string) string {
	var pre [maxFast]byte
	p := pre[:0]
	for i := 0; i < len(w); {
		n, s := looseDigraphAt(w, i)
		p = append(p, s...)
		i += n
	}
	initialV := p[0] == 'V' || p[0] == 'W'
	switch {
	case initialV:
		p[0] = 'V'
	case p[0] == 'Y':
		p[0] = 'J'
	}
	var buf [maxFast]byte
	return string(loosenSkeleton(skeletonAZ(buf[:0], p), initialV))
}

// looseDigraphAt is looseDigraphs at position i.
func looseDigraphAt(w string, i int) (int, string) {
	switch {
	case hasAt(w, i, "ZH"):
		return 2, "J"
	case hasAt(w, i, "OHN"):
		return 3, "ON"
	case hasAt(w, i, "CE"), hasAt(w, i, "CI"), hasAt(w, i, "CY"):
		return 2, "S" + w[i+1:i+2]
	case hasAt(w, i, "SCH"):
		return 3, "SH"
	case w[i] == 'X':
		return 1, "KS"
	}
	return 1, w[i : i+1]
}
