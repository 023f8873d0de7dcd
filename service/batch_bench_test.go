package service_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/crosscheck/crosscheck/service"
)

// BenchmarkManifest500 checks a 500-passenger flight manifest against the
// UN and OFAC SDN lists: the target is 100 ms on a 2-core machine.
func BenchmarkManifest500(b *testing.B) {
	ctx := context.Background()
	f := newFixture(&testing.T{}, b.TempDir())
	sdn, err := os.ReadFile("../testdata/lists/ofac/sdn-2021/sdn.csv")
	if err != nil {
		b.Skip("OFAC testdata missing:", err)
	}
	un, err := os.ReadFile(unFile)
	if err != nil {
		b.Skip("UN testdata missing:", err)
	}
	uploads := []service.Upload{
		{ListID: "un-sc", Format: "un-xml", Body: bytes.NewReader(un)},
		{ListID: "ofac-sdn", Format: "ofac-csv", Body: bytes.NewReader(sdn)},
	}
	if err := f.lists.Start(ctx, uploads); err != nil {
		b.Fatal(err)
	}
	req := manifest(500)
	alerts := 0
	b.ResetTimer()
	for b.Loop() {
		alerts = 0
		err := f.checker.CheckBatch(ctx, service.Caller{}, req, 1000, func(_ int, r service.BatchResult) error {
			if r.Error != nil {
				return fmt.Errorf("%s", r.Error.Message)
			}
			if r.Decision != "clear" {
				alerts++
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(alerts), "alerts/manifest")
}

// manifest is a flight of made-up passengers with dates of birth,
// nationalities and passports, and every 50th one a listed person.
func manifest(n int) service.BatchRequest {
	given := []string{"Amadou", "Fatoumata", "Mohamed", "Aïssata", "Jean-Pierre", "Ibrahim", "Mariam", "Oumar", "Kadiatou", "Sékou"}
	family := []string{"Traoré", "Diallo", "Keïta", "Coulibaly", "Konaté", "Sangaré", "Camara", "Touré", "Dembélé", "Cissé", "Ouattara"}
	listed := []string{"Germain Katanga", "Hasan Nasrallah", "KIM Jong Un", "Ayman al-Zawahiri"}
	req := service.BatchRequest{Checkpoint: "BKO-AIRPORT-T1", Reference: "AF0524"}
	for i := range n {
		name := given[i%len(given)] + " " + given[(i/7)%len(given)] + " " + family[(i/3)%len(family)]
		if i%50 == 0 {
			name = listed[(i/50)%len(listed)]
		}
		req.Checks = append(req.Checks, service.CheckRequest{Traveller: &service.Traveller{
			Name: name, DateOfBirth: fmt.Sprintf("19%02d-%02d-%02d", 50+i%50, 1+i%12, 1+i%28), Nationality: "MLI",
			Documents: []service.TravellerDocument{{Number: fmt.Sprintf("AA%07d", 1000000+i), Type: "P", IssuingCountry: "MLI"}},
		}})
	}
	return req
}
