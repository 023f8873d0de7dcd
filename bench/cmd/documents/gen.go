package main

import (
	"bufio"
	"fmt"
	"os"
)

// countries are the issuing states of the generated documents.
var countries = []string{"DEU", "FRA", "GBR", "ITA", "ESP", "POL", "NLD", "BEL", "SWE", "AUT", "USA", "CAN", "TUR", "RUS", "UKR", "CHN", "IND", "BRA", "NGA", "EGY"}

// numberSpace is the size of the space document numbers are drawn from:
// 2^40 values, written as 8 base-36 characters.
const numberSpace = 1 << 40

// documentNumber is the i-th generated document number. permute is a
// bijection of [0, 2^40), so numbers never repeat and the numbers of
// rows n, n+1, ... are surely not listed in a file of n rows: the bench
// probes those for false positives.
func documentNumber(i uint64) string {
	x := permute(i)
	var b [8]byte
	for j := len(b) - 1; j >= 0; j-- {
		d := x % 36
		x /= 36
		if d < 10 {
			b[j] = byte('0' + d)
		} else {
			b[j] = byte('A' + d - 10)
		}
	}
	return string(b[:])
}

// permute scrambles i within [0, 2^40): odd multipliers and xor-shifts
// are invertible modulo a power of two.
func permute(i uint64) uint64 {
	const mask = numberSpace - 1
	x := i & mask
	x = (x * 0x9E3779B97F4A7C15) & mask
	x ^= x >> 17
	x = (x * 0xBF58476D1CE4E5B9) & mask
	x ^= x >> 19
	return x
}

// rowFields is the i-th record of the generated file.
func rowFields(i uint64) (country, typ, number, status, reported string) {
	typ, status = "passport", "stolen"
	if i%3 == 0 {
		typ = "national_id"
	}
	if i%2 == 0 {
		status = "lost"
	}
	reported = fmt.Sprintf("20%02d-%02d-%02d", 15+i%11, 1+i%12, 1+i%28)
	return countries[i%uint64(len(countries))], typ, documentNumber(i), status, reported
}

// writeFile writes n records in documents-csv.
func writeFile(path string, n int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprintln(w, "issuing_country,type,number,status,reported_on")
	for i := range uint64(n) {
		c, t, num, s, d := rowFields(i)
		fmt.Fprintf(w, "%s,%s,%s,%s,%s\n", c, t, num, s, d)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}
