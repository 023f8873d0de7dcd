package main

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	metricnoop "go.opentelemetry.io/otel/metric/noop"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/crosscheck/crosscheck/api"
	"github.com/crosscheck/crosscheck/matcher"
	"github.com/crosscheck/crosscheck/service"
)

// TestMetricsAfterACheck runs the real service, checks a traveller and
// finds every crosscheck metric at /metrics, without a token.
func TestMetricsAfterACheck(t *testing.T) {
	s := startService(t, t.TempDir())
	if status, a := postCheck(t, s.base, s.token, `{"traveller":{"name":"Zarkovic Ivanov"}}`); status != http.StatusOK {
		t.Fatalf("check: %d %+v", status, a)
	}
	resp, err := http.Get(s.base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	text := string(body)
	for _, want := range []string{
		`crosscheck_check_duration_seconds_bucket{decision="clear"`,
		`crosscheck_checks_total{list_id="un-sc"}`,
		`crosscheck_list_active{list_id="un-sc",version="`,
		`crosscheck_list_age_seconds{list_id="un-sc"}`,
		`crosscheck_index_entries{list_id="un-sc"}`,
		`crosscheck_index_name_forms{list_id="un-sc"}`,
		`crosscheck_index_documents{list_id="un-sc"}`,
		`crosscheck_audit_spool_depth`,
		`http_server_request_duration_seconds_bucket{http_request_method="POST",http_response_status_code="200",http_route="/v1/check"`,
		`go_goroutines`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if resp.StatusCode != http.StatusOK || strings.Contains(text, "Zarkovic") {
		t.Fatalf("/metrics: %d, or a name reached it", resp.StatusCode)
	}
	if !logsLine(s.log, `"msg":"request"`, `"route":"/v1/check"`, `"status":200`, `"request_id":"`) {
		t.Fatalf("no access log line with a request id for the check:\n%s", s.log.String())
	}
}

// logsLine waits for a log line with every part: info lines are written
// in batches, every logFlushEvery.
func logsLine(log *syncBuffer, parts ...string) bool {
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if hasLine(log.String(), parts...) {
			return true
		}
	}
	return false
}

func hasLine(log string, parts ...string) bool {
	for line := range strings.Lines(log) {
		all := true
		for _, p := range parts {
			all = all && strings.Contains(line, p)
		}
		if all {
			return true
		}
	}
	return false
}

// fixedChecker answers every check with resp.
type fixedChecker struct {
	api.Checker
	resp service.CheckResponse
}

func (f fixedChecker) Check(context.Context, service.Caller, service.CheckRequest) (service.CheckResponse, error) {
	return f.resp, nil
}

// TestCheckSpanCarriesIDsNotNames checks the check use case's span: ids,
// versions and the decision, no name or document number, even when the
// answer holds them (a hit explains which name matched).
func TestCheckSpanCarriesIDsNotNames(t *testing.T) {
	resp := service.CheckResponse{CheckID: "c-1", Decision: "hit", Lists: []service.ListRef{{ID: "wanted", Version: "v1"}},
		Hits: []service.Hit{{ListID: "wanted", Hit: matcher.Hit{EntryID: "e1", Decision: matcher.DecisionHit, Score: 1}}}}
	rec := tracetest.NewSpanRecorder()
	tracer := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec)).Tracer("test")
	c := observedChecker{Checker: fixedChecker{resp: resp}, tracer: tracer, m: newCheckMetrics(metricnoop.NewMeterProvider().Meter(""))}
	req := service.CheckRequest{Traveller: &service.Traveller{Name: "Zarkovic Ivanov", Documents: []service.TravellerDocument{{Number: "X1234567"}}}}
	if _, err := c.Check(context.Background(), service.Caller{Token: "gate"}, req); err != nil {
		t.Fatal(err)
	}
	spans := rec.Ended()
	if len(spans) != 1 || spans[0].Name() != "check" {
		t.Fatalf("spans: %v", spans)
	}
	got := map[string]string{}
	for _, a := range spans[0].Attributes() {
		got[string(a.Key)] = a.Value.String()
		if v := a.Value.String(); strings.Contains(v, "Zarkovic") || strings.Contains(v, "X1234567") {
			t.Errorf("attribute %s = %q holds personal data", a.Key, v)
		}
	}
	if got["crosscheck.check_id"] != "c-1" || got["crosscheck.decision"] != "hit" || got["crosscheck.lists"] != `["wanted@v1"]` || got["crosscheck.hits"] != "1" {
		t.Fatalf("span attributes %v", got)
	}
}
