package service_test

import (
	"context"
	"errors"
	"testing"

	"github.com/crosscheck/crosscheck/service"
)

func TestCheckContract(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, t.TempDir())
	if err := f.lists.Start(ctx, []service.Upload{unUpload(t)}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		req      service.CheckRequest
		decision string
		entry    string
		code     service.Code
	}{
		{"listed name", katanga(), "hit", "CDi.006", ""},
		{"made-up name", service.CheckRequest{Traveller: &service.Traveller{Name: "Zebulon Quimby Pottersfield"}}, "clear", "", ""},
		{"restricted to a known list", service.CheckRequest{Traveller: &service.Traveller{Name: "Germain Katanga"}, Lists: []string{"un-sc"}}, "hit", "CDi.006", ""},
		{"unknown list", service.CheckRequest{Traveller: &service.Traveller{Name: "Germain Katanga"}, Lists: []string{"un-sc", "nope"}}, "", "", service.CodeInvalid},
		{"no traveller", service.CheckRequest{}, "", "", service.CodeInvalid},
		{"empty traveller", service.CheckRequest{Traveller: &service.Traveller{Nationality: "COD"}}, "", "", service.CodeInvalid},
		{"bad date", service.CheckRequest{Traveller: &service.Traveller{Name: "A B", DateOfBirth: "28/04/1978"}}, "", "", service.CodeInvalid},
		{"bad country", service.CheckRequest{Traveller: &service.Traveller{Name: "A B", Nationality: "Congo"}}, "", "", service.CodeInvalid},
		{"bad sex", service.CheckRequest{Traveller: &service.Traveller{Name: "A B", Sex: "male"}}, "", "", service.CodeInvalid},
		{"blank document number", service.CheckRequest{Traveller: &service.Traveller{Documents: []service.TravellerDocument{{Number: " - "}}}}, "", "", service.CodeInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := f.checker.Check(ctx, service.Caller{}, tc.req)
			if tc.code != "" {
				if service.ErrorCode(err) != tc.code {
					t.Fatalf("want %s, got %v", tc.code, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if resp.Decision != tc.decision || (tc.entry != "" && resp.Hits[0].EntryID != tc.entry) {
				t.Fatalf("got %s %+v", resp.Decision, resp.Hits)
			}
			if (resp.Decision == "clear") != (len(resp.Hits) == 0) || resp.CheckID == "" || len(resp.Lists) != 1 {
				t.Fatalf("contract broken: %+v", resp)
			}
		})
	}
}

type recordingAuditor struct {
	events []service.CheckEvent
	err    error
}

func (r *recordingAuditor) AuditCheck(_ context.Context, ev service.CheckEvent) error {
	if r.err != nil {
		return r.err
	}
	r.events = append(r.events, ev)
	return nil
}

func TestEveryCheckIsAuditedBeforeItIsAnswered(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, t.TempDir())
	if err := f.lists.Start(ctx, []service.Upload{unUpload(t)}); err != nil {
		t.Fatal(err)
	}
	rec := &recordingAuditor{}
	checker := service.NewChecker(f.catalog, rec)
	caller := service.Caller{Token: "bko-gate-3", Role: "checker"}
	resp, err := checker.Check(ctx, caller, katanga())
	if err != nil || len(rec.events) != 1 {
		t.Fatalf("err %v, %d audit events", err, len(rec.events))
	}
	ev := rec.events[0]
	if ev.Response.CheckID != resp.CheckID || ev.Caller != caller || ev.Request.Traveller.Surname != "KATANGA" || ev.Response.Decision != "hit" {
		t.Fatalf("audit event does not match the check: %+v", ev)
	}
	rec.err = errors.New("disk full")
	if _, err := checker.Check(ctx, caller, katanga()); service.ErrorCode(err) != service.CodeUnavailable {
		t.Fatalf("a check whose record failed was answered: %v", err)
	}
}

// A check whose context ends before it finishes is not answered and not
// audited: its lists may not all have been checked.
func TestACheckCutShortIsUnavailable(t *testing.T) {
	f := newFixture(t, t.TempDir())
	if err := f.lists.Start(context.Background(), []service.Upload{unUpload(t)}); err != nil {
		t.Fatal(err)
	}
	rec := &recordingAuditor{}
	checker := service.NewChecker(f.catalog, rec)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	resp, err := checker.Check(ctx, service.Caller{Token: "bko-gate-3", Role: "checker"}, katanga())
	if service.ErrorCode(err) != service.CodeUnavailable || resp.Decision != "" || len(rec.events) != 0 {
		t.Fatalf("cut-short check: err %v (code %s), decision %q, %d audit events", err, service.ErrorCode(err), resp.Decision, len(rec.events))
	}
}
