package loaders_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/crosscheck/crosscheck/loaders"
	"github.com/crosscheck/crosscheck/matcher"
)

func ExampleRead() {
	file := "id,name,birth_dates,documents\nNAT-1,Erika  Mustermann,1964-08,passport:D:C01X00T47\n"
	err := loaders.Read("crosscheck-csv", strings.NewReader(file), func(e matcher.Entry) error {
		d := e.Documents[0]
		fmt.Println(e.ID, e.Names[0].Full, e.BirthDates[0].From, e.BirthDates[0].To, d.Type, d.Country, d.Number)
		return nil
	})
	fmt.Println(err)
	// Output:
	// NAT-1 Erika Mustermann 1964-08-01 1964-08-31 passport DEU C01X00T47
	// <nil>
}

func ExampleError() {
	file := "id,name,birth_dates\nNAT-1,Erika Mustermann,31 Feb 1970\n"
	err := loaders.Read("crosscheck-csv", strings.NewReader(file), func(matcher.Entry) error { return nil })
	var le *loaders.Error
	if errors.As(err, &le) {
		fmt.Println(le.Line, le.Column, le.Field)
	}
	fmt.Println(err)
	fmt.Println(errors.Is(loaders.Read("xls", strings.NewReader(""), nil), loaders.ErrUnknownFormat))
	// Output:
	// 2 24 birth_dates
	// crosscheck-csv: line 2, column 24: field birth_dates: "31 Feb 1970" is not a date (want YYYY, YYYY-MM, YYYY-MM-DD or YYYY to YYYY)
	// true
}
