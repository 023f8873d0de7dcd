package matcher

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/bits-and-blooms/bloom/v3"
)

// DocFilter is the Bloom filter of a list's normalised document numbers.
// It answers "surely not listed" for almost every traveller without any
// lookup; a "maybe" must be confirmed exactly. A documents list too big
// to hold in memory keeps only this filter per replica (about 1.4 bytes
// per document at a 0.5% false-positive rate) and confirms through a
// store. Build it, then publish it read-only: Add is not safe for
// concurrent use, MayContain is.
type DocFilter struct {
	bf    *bloom.BloomFilter
	count int // numbers added, repeats included
}

// NewDocFilter sizes a filter for capacity numbers at the false-positive
// rate fpRate. Adding more numbers than capacity raises the rate.
func NewDocFilter(capacity int, fpRate float64) *DocFilter {
	return &DocFilter{bf: bloom.NewWithEstimates(uint(max(capacity, 1)), fpRate)}
}

// Add adds a normalised number (see NormalizeDocumentNumber).
func (f *DocFilter) Add(number string) {
	f.bf.AddString(number)
	f.count++
}

// TestAndAdd adds a normalised number and reports whether the filter may
// have held it before: one pass over the bit positions instead of two,
// which matters when a filter of millions is built (each position is a
// cache miss).
func (f *DocFilter) TestAndAdd(number string) bool {
	f.count++
	return f.bf.TestAndAddString(number)
}

// MayContain reports whether number may have been added: false means
// surely not, true means maybe.
func (f *DocFilter) MayContain(number string) bool { return f.bf.TestString(number) }

func (f *DocFilter) mayContain(number []byte) bool { return f.bf.Test(number) }

// Len is the number of numbers added.
func (f *DocFilter) Len() int { return f.count }

// ByteSize is the size of the filter's bit array, what it costs in memory.
func (f *DocFilter) ByteSize() int { return int(f.bf.Cap()+7) / 8 }

// docFilterMagic starts a marshalled filter, so that bytes of anything
// else are refused instead of read as a filter that answers nonsense.
var docFilterMagic = []byte("ccdf1")

// MarshalBinary encodes the filter: a magic, the count, then the Bloom
// filter's own encoding.
func (f *DocFilter) MarshalBinary() ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(docFilterMagic) + binary.MaxVarintLen64 + f.ByteSize() + 32)
	buf.Write(docFilterMagic)
	buf.Write(binary.AppendUvarint(nil, uint64(f.count)))
	if _, err := f.bf.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("encode document filter: %w", err)
	}
	return buf.Bytes(), nil
}

// UnmarshalBinary decodes what MarshalBinary encoded.
func (f *DocFilter) UnmarshalBinary(data []byte) error {
	if !bytes.HasPrefix(data, docFilterMagic) {
		return errors.New("decode document filter: not a document filter (bad magic)")
	}
	data = data[len(docFilterMagic):]
	count, n := binary.Uvarint(data)
	if n <= 0 {
		return errors.New("decode document filter: bad count")
	}
	bf := &bloom.BloomFilter{}
	if _, err := bf.ReadFrom(bytes.NewReader(data[n:])); err != nil {
		return fmt.Errorf("decode document filter: %w", err)
	}
	if bf.Cap() == 0 || bf.K() == 0 {
		return errors.New("decode document filter: empty bit array or no hash functions")
	}
	f.bf, f.count = bf, int(count)
	return nil
}
