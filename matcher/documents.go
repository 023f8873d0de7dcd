package matcher

// docRef points at one document of one entry.
type docRef struct {
	entry uint32
	doc   uint16
}

// docIndex finds documents by normalised number. The Bloom filter answers
// "surely not listed" for almost every traveller without touching the map;
// the map confirms exactly.
type docIndex struct {
	filter *DocFilter
	byNum  map[string][]docRef
	count  int
}

func newDocIndex(entries []Entry, opts Options) *docIndex {
	d := &docIndex{byNum: map[string][]docRef{}}
	for i := range entries {
		if s := entries[i].Subject; s != SubjectPerson && s != SubjectDocument {
			continue // traveller checks never match an organisation's or vessel's papers
		}
		for j, doc := range entries[i].Documents {
			n := NormalizeDocumentNumber(doc.Number)
			if n == "" {
				continue
			}
			d.byNum[n] = append(d.byNum[n], docRef{entry: uint32(i), doc: uint16(j)})
			d.count++
		}
	}
	d.filter = NewDocFilter(len(d.byNum), opts.BloomFPRate)
	for n := range d.byNum {
		d.filter.Add(n)
	}
	return d
}

// eachOCRVariant calls fn with every number an OCR misread of n could
// have come from that the filter may hold: every combination of the
// confusable pairs 0/O, 1/I, 5/S, 8/B, in the order of a binary count
// over the confusable positions, bounded by limit so that a long number
// full of confusables costs a fixed number of lookups. Variants are built
// in one buffer and tested as bytes; only one the filter admits becomes a
// string.
func eachOCRVariant(f *DocFilter, n string, limit int, fn func(v string)) {
	var pos [31]int
	k := 0
	for i := 0; i < len(n) && k < len(pos); i++ {
		if _, ok := confusable(n[i]); ok {
			pos[k] = i
			k++
		}
	}
	var small [64]byte
	buf := append(small[:0], n...)
	for mask := 1; mask <= limit && mask < 1<<k; mask++ {
		copy(buf, n)
		for j := 0; j < k; j++ {
			if mask&(1<<j) != 0 {
				buf[pos[j]], _ = confusable(n[pos[j]])
			}
		}
		if f.mayContain(buf) {
			fn(string(buf))
		}
	}
}

func confusable(c byte) (byte, bool) {
	switch c {
	case '0':
		return 'O', true
	case 'O':
		return '0', true
	case '1':
		return 'I', true
	case 'I':
		return '1', true
	case '5':
		return 'S', true
	case 'S':
		return '5', true
	case '8':
		return 'B', true
	case 'B':
		return '8', true
	}
	return 0, false
}

// countryCompatible: a listed document issued by another state is another
// document, but an unknown state on either side proves nothing.
func countryCompatible(q, e string) bool {
	return q == "" || e == "" || q == e
}
