package main

import (
	"context"
	"testing"

	"github.com/redis/go-redis/v9"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"

	"github.com/crosscheck/crosscheck/service/storage/redistest"
)

// TestRedisErrorsCountOnlyFailures runs commands against a real Redis: a
// missing key and a script's first run are answers, not failures; an
// unknown command is one, alone or in a pipeline.
func TestRedisErrorsCountOnlyFailures(t *testing.T) {
	opt, err := redis.ParseURL(redistest.Start(t))
	if err != nil {
		t.Fatal(err)
	}
	rdb := redis.NewClient(opt)
	defer rdb.Close()
	reader := sdkmetric.NewManualReader()
	tel := noTelemetry()
	tel.meter = sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader)).Meter("test")
	if err := instrumentRedis(rdb, tel); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	rdb.Get(ctx, "no-such-key")
	redis.NewScript("return 1").Run(ctx, rdb, nil)
	rdb.Do(ctx, "nosuchcommand")
	pipe := rdb.Pipeline()
	pipe.Get(ctx, "no-such-key")
	pipe.Do(ctx, "nosuchcommand")
	pipe.Exec(ctx)
	var rm metricdata.ResourceMetrics
	if err := reader.Collect(ctx, &rm); err != nil {
		t.Fatal(err)
	}
	got := map[string]int64{}
	for _, sm := range rm.ScopeMetrics {
		for _, m := range sm.Metrics {
			for _, dp := range m.Data.(metricdata.Sum[int64]).DataPoints {
				cmd, _ := dp.Attributes.Value("command")
				got[cmd.AsString()] += dp.Value
			}
		}
	}
	if len(got) != 1 || got["nosuchcommand"] != 2 {
		t.Fatalf("redis errors by command: %v, want nosuchcommand: 2", got)
	}
}
