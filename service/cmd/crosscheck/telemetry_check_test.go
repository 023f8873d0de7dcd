package main

import (
	"context"
	"testing"

	"go.opentelemetry.io/otel/attribute"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"

	"github.com/crosscheck/crosscheck/matcher"
	"github.com/crosscheck/crosscheck/service"
)

// The check and hit counts, kept in atomics, reach the reader with their
// attributes and totals, batch items included.
func TestCheckCountsAreExported(t *testing.T) {
	reader := sdkmetric.NewManualReader()
	c := newCheckMetrics(sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader)).Meter("test"))
	ctx := context.Background()
	lists := []service.ListRef{{ID: "un-sc"}, {ID: "ofac"}}
	hit := service.Hit{ListID: "ofac", Hit: matcher.Hit{Decision: matcher.DecisionReview}}
	c.checked(ctx, service.CheckResponse{Decision: "clear", Lists: lists}, nil, 0)
	c.checked(ctx, service.CheckResponse{Decision: "review", Lists: lists, Hits: []service.Hit{hit}}, nil, 0)
	c.item(ctx, service.BatchResult{CheckResponse: &service.CheckResponse{Lists: lists[:1]}})
	var rm metricdata.ResourceMetrics
	if err := reader.Collect(ctx, &rm); err != nil {
		t.Fatal(err)
	}
	got := map[string]int64{}
	for _, m := range rm.ScopeMetrics[0].Metrics {
		if sum, ok := m.Data.(metricdata.Sum[int64]); ok {
			for _, dp := range sum.DataPoints {
				list, _ := dp.Attributes.Value("list_id")
				decision, _ := dp.Attributes.Value("decision")
				got[m.Name+" "+list.AsString()+" "+decision.AsString()+" "+attrKeys(dp.Attributes)] = dp.Value
			}
		}
	}
	want := map[string]int64{
		"crosscheck.checks un-sc  list_id":             3,
		"crosscheck.checks ofac  list_id":              2,
		"crosscheck.hits ofac review decision,list_id": 1,
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %d, want %d (all: %v)", k, got[k], v, got)
		}
	}
	if len(got) != len(want) {
		t.Errorf("data points %v, want %v", got, want)
	}
}

func attrKeys(s attribute.Set) string {
	out := ""
	for i, kv := range s.ToSlice() {
		if i > 0 {
			out += ","
		}
		out += string(kv.Key)
	}
	return out
}
