package service_test

import (
	"context"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/matcher/mrz"
	"github.com/crosscheck/crosscheck/service"
)

// td3 builds a passport MRZ with correct check digits, so a test can
// write any traveller's machine readable zone.
func td3(t *testing.T, state, surname, given, number, nat, dob, sex, expiry string) string {
	t.Helper()
	name := strings.ReplaceAll(surname, " ", "<") + "<<" + strings.ReplaceAll(given, " ", "<")
	line1 := pad("P<"+state+name, 44)
	num := pad(number, 9)
	personal := pad("", 14)
	parts := []string{num, digit(t, num), nat, dob, digit(t, dob), sex, expiry, digit(t, expiry), personal, digit(t, personal)}
	composite := num + digit(t, num) + dob + digit(t, dob) + expiry + digit(t, expiry) + personal + digit(t, personal)
	return line1 + "\n" + strings.Join(parts, "") + digit(t, composite)
}

func pad(s string, n int) string { return (s + strings.Repeat("<", n))[:n] }

func digit(t *testing.T, s string) string {
	d, ok := mrz.CheckDigit(s)
	if !ok {
		t.Fatalf("no check digit for %q", s)
	}
	return string(d)
}

func TestCheckFromMRZ(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, t.TempDir())
	if err := f.lists.Start(ctx, []service.Upload{unUpload(t)}); err != nil {
		t.Fatal(err)
	}
	katangaMRZ := td3(t, "COD", "KATANGA", "GERMAIN", "AB1234567", "COD", "780428", "M", "300101")
	utopia := "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
	badDigit := "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<20"
	tests := []struct {
		name     string
		req      service.CheckRequest
		decision string
		warnings bool
		code     service.Code
		message  string
	}{
		{"listed traveller from the MRZ alone", service.CheckRequest{MRZ: katangaMRZ}, "hit", false, "", ""},
		{"valid specimen, not listed", service.CheckRequest{MRZ: utopia}, "clear", false, "", ""},
		{"bad check digit still checks, with warnings", service.CheckRequest{MRZ: badDigit}, "clear", true, "", ""},
		{"MRZ beside a partial traveller", service.CheckRequest{MRZ: katangaMRZ, Traveller: &service.Traveller{Nationality: "COD"}}, "hit", false, "", ""},
		{"unreadable MRZ names line and position", service.CheckRequest{MRZ: strings.Replace(utopia, "L898", "L8-8", 1)}, "", false, service.CodeInvalid, "line 2, position 3"},
		{"incomplete MRZ", service.CheckRequest{MRZ: "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"}, "", false, service.CodeInvalid, "mrz:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := f.checker.Check(ctx, service.Caller{}, tc.req)
			if tc.code != "" {
				if service.ErrorCode(err) != tc.code || !strings.Contains(service.ErrorMessage(err), tc.message) {
					t.Fatalf("want %s with %q, got %v", tc.code, tc.message, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if resp.Decision != tc.decision || (len(resp.DocumentWarnings) > 0) != tc.warnings {
				t.Fatalf("got %s, warnings %q", resp.Decision, resp.DocumentWarnings)
			}
		})
	}
}
