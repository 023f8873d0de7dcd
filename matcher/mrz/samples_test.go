package mrz

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"
)

// samplesPath is the copy of shared/data/mrz/mrz_samples.json: 33 real
// specimens with the fields and check results an independent parser found.
const samplesPath = "../../testdata/mrz/mrz_samples.json"

// now is the reference date of every test, so results never depend on the
// day the tests run.
var now = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

type sample struct {
	ID       string         `json:"id"`
	Lines    []string       `json:"lines"`
	Computed map[string]any `json:"computed"`
}

func loadSamples(t testing.TB) []sample {
	t.Helper()
	b, err := os.ReadFile(samplesPath)
	if err != nil {
		t.Fatal(err)
	}
	var f struct{ Samples []sample }
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	if len(f.Samples) != 33 {
		t.Fatalf("got %d samples, want 33", len(f.Samples))
	}
	return f.Samples
}

// TestSamples parses every complete specimen and compares each field and
// check digit with the reference parser's results. The three one-line
// specimens are completed and checked in TestPartialSamples.
func TestSamples(t *testing.T) {
	for _, s := range loadSamples(t) {
		if _, partial := s.Computed["line_only_check"]; partial {
			continue
		}
		t.Run(s.ID, func(t *testing.T) {
			m, err := ParseWithOptions(strings.Join(s.Lines, "\n"), Options{Now: now})
			if err != nil {
				t.Fatal(err)
			}
			compareSample(t, s.Computed, m)
		})
	}
}

func compareSample(t *testing.T, want map[string]any, m *MRZ) {
	t.Helper()
	str := func(k string) string { v, _ := want[k].(string); return v }
	fields := map[string]string{
		"format":              m.Format.String(),
		"documentCode":        m.DocumentCode,
		"issuingState":        m.IssuingState,
		"primaryIdentifier":   m.Surname,
		"documentNumber":      m.DocumentNumber,
		"nationality":         m.Nationality,
		"sex":                 m.Sex,
		"personalNumber":      m.PersonalNumber,
		"optional":            m.Optional1,
		"optional1":           m.Optional1,
		"optional2":           m.Optional2,
		"birthDate":           compactDate(m.BirthDate, str("birthDate")),
		"expiryDate":          compactDate(m.ExpiryDate, str("expiryDate")),
		"secondaryIdentifier": m.GivenNames,
	}
	for k, got := range fields {
		w, ok := want[k].(string)
		if k == "secondaryIdentifier" {
			w = strings.Join(strings.Fields(w), " ") // the reference keeps "<<" as two spaces
		}
		if ok && got != w {
			t.Errorf("%s = %q, want %q", k, got, w)
		}
	}
	if long, _ := want["longDocumentNumber"].(bool); long != m.LongDocumentNumber {
		t.Errorf("LongDocumentNumber = %v, want %v", m.LongDocumentNumber, long)
	}
	compareChecks(t, want, m)
}

// compactDate turns our "YYYY-MM-DD" back into the printed YYMMDD so it
// can be compared with the reference. An empty date (unreadable) is only
// right when the printed one is not a valid date, which the caller's
// warning check covers; it is returned as the printed text.
func compactDate(iso, printed string) string {
	if iso == "" {
		return printed
	}
	return strings.ReplaceAll(iso, "-", "")[2:]
}

var checkKeys = map[string]string{
	"documentNumber": FieldDocumentNumber,
	"birthDate":      FieldBirthDate,
	"expiryDate":     FieldExpiryDate,
	"personalNumber": FieldPersonalNumber,
	"composite":      FieldComposite,
}

func compareChecks(t *testing.T, want map[string]any, m *MRZ) {
	t.Helper()
	n := 0
	for key, field := range checkKeys {
		digit, ok := want[key+"CheckDigit"].(string)
		if !ok {
			continue
		}
		n++
		c, found := findCheck(m, field)
		if !found {
			t.Errorf("no %s check", field)
			continue
		}
		if c.Found != digit || c.OK != want[key+"Valid"] {
			t.Errorf("%s check = %+v, want found %q ok %v", field, c, digit, want[key+"Valid"])
		}
	}
	if n != len(m.Checks) {
		t.Errorf("got %d checks, want %d: %+v", len(m.Checks), n, m.Checks)
	}
	if all := want["allCheckDigitsValid"]; all != m.Valid() {
		t.Errorf("Valid() = %v, want %v; warnings %q", m.Valid(), all, m.Warnings)
	}
}

func findCheck(m *MRZ, field string) (Check, bool) {
	for _, c := range m.Checks {
		if c.Field == field {
			return c, true
		}
	}
	return Check{}, false
}
