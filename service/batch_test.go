package service_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/crosscheck/crosscheck/service"
)

func TestCheckBatchKeepsOrderAndIsolatesErrors(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, t.TempDir())
	if err := f.lists.Start(ctx, []service.Upload{unUpload(t)}); err != nil {
		t.Fatal(err)
	}
	req := service.BatchRequest{Checkpoint: "BKO-AIRPORT-T1"}
	for i := range 40 {
		switch {
		case i == 7:
			req.Checks = append(req.Checks, service.CheckRequest{Traveller: &service.Traveller{Name: "Germain Katanga"}})
		case i == 13:
			req.Checks = append(req.Checks, service.CheckRequest{Traveller: &service.Traveller{DateOfBirth: "1978"}})
		default:
			req.Checks = append(req.Checks, service.CheckRequest{Traveller: &service.Traveller{Name: fmt.Sprintf("Passenger Number%c Zyx", 'A'+i%26)}})
		}
	}
	var got []service.BatchResult
	err := f.checker.CheckBatch(ctx, service.Caller{}, req, 100, func(i int, r service.BatchResult) error {
		if i != len(got) {
			t.Fatalf("result %d emitted at position %d", i, len(got))
		}
		got = append(got, r)
		return nil
	})
	if err != nil || len(got) != 40 {
		t.Fatalf("err %v, %d results", err, len(got))
	}
	for i, r := range got {
		switch {
		case i == 7 && (r.CheckResponse == nil || r.Decision != "hit"):
			t.Fatalf("slot 7: %+v", r)
		case i == 13 && (r.Error == nil || r.Error.Code != service.CodeInvalid || r.Error.Message[:10] != "checks[13]"):
			t.Fatalf("slot 13: %+v", r)
		case i != 7 && i != 13 && (r.CheckResponse == nil || r.Decision != "clear"):
			t.Fatalf("slot %d: %+v %+v", i, r.CheckResponse, r.Error)
		}
	}
}

func TestCheckBatchLimits(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, t.TempDir())
	one := service.CheckRequest{Traveller: &service.Traveller{Name: "A B"}}
	noop := func(int, service.BatchResult) error { return nil }
	if err := f.checker.CheckBatch(ctx, service.Caller{}, service.BatchRequest{Checks: []service.CheckRequest{one}}, 10, noop); service.ErrorCode(err) != service.CodeUnavailable {
		t.Fatalf("before lists load: %v", err)
	}
	if err := f.lists.Start(ctx, []service.Upload{unUpload(t)}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		n    int
		code service.Code
	}{{0, service.CodeInvalid}, {11, service.CodeTooLarge}}
	for _, tc := range tests {
		req := service.BatchRequest{Checks: make([]service.CheckRequest, tc.n)}
		if err := f.checker.CheckBatch(ctx, service.Caller{}, req, 10, noop); service.ErrorCode(err) != tc.code {
			t.Errorf("%d items: want %s, got %v", tc.n, tc.code, err)
		}
	}
}
