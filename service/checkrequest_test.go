package service

import (
	"strings"
	"testing"
)

// Every request error names the field at fault, documents by index.
func TestTravellerErrorsNameTheField(t *testing.T) {
	doc := func(number, country string) []TravellerDocument {
		return []TravellerDocument{{Number: "A1", IssuingCountry: "DEU"}, {Number: number, IssuingCountry: country}}
	}
	for _, tc := range []struct {
		name string
		t    Traveller
		want string
	}{
		{"nationality", Traveller{Name: "A B", Nationality: "Congo"}, `traveller.nationality: "Congo" is not a three-letter country code`},
		{"document country", Traveller{Name: "A B", Documents: doc("X1", "D-E")}, `traveller.documents[1].issuing_country: "D-E" is not`},
		{"document number", Traveller{Documents: doc(" - ", "DEU")}, "traveller.documents[1].number: needs at least one letter or digit"},
		{"date", Traveller{Name: "A B", DateOfBirth: "28/04/1978"}, `traveller.date_of_birth: "28/04/1978"`},
		{"sex", Traveller{Name: "A B", Sex: "male"}, `traveller.sex: "male" is not M, F or X`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.t.query(false)
			if ErrorCode(err) != CodeInvalid || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want invalid with %q", err, tc.want)
			}
		})
	}
	q, err := (&Traveller{Name: "A B", Nationality: " d ", Documents: doc("X1", "fra")}).query(false)
	if err != nil || q.Nationality != "DEU" || q.Documents[1].Country != "FRA" {
		t.Errorf("valid traveller: %+v, %v", q, err)
	}
}
