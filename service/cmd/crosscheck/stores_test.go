package main

import (
	"context"
	"testing"
	"time"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"github.com/crosscheck/crosscheck/matcher"
	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/storage/redistest"
)

// TestOpenStoreOnClusterIsTraced: a --redis-url with ?cluster=true opens
// the Redis store on a real cluster, and the go-redis tracing reaches the
// commands sent to its nodes, without the entries' names.
func TestOpenStoreOnClusterIsTraced(t *testing.T) {
	c := redistest.StartCluster(t)
	ctx := context.Background()
	spans := spanAttrs(t, func(tp *sdktrace.TracerProvider) {
		tel := noTelemetry()
		tel.tp, tel.tracer = tp, tp.Tracer("test")
		st, kind, err := openStore(ctx, serveConfig{DataDir: t.TempDir(), RedisURL: c.URL()}, tel)
		if err != nil || kind != "redis" {
			t.Fatalf("openStore: %s, %v; want redis", kind, err)
		}
		defer st.Close()
		v := service.ListVersion{ListID: "wanted", Version: "v1", LoadedAt: time.Now().UTC()}
		if err := st.SaveVersion(ctx, v, []matcher.Entry{{ID: "w1", Names: []matcher.Name{{Full: "Zarkovic"}}}}); err != nil {
			t.Fatal(err)
		}
		if _, err := st.Active(ctx); err != nil {
			t.Fatal(err)
		}
	}, "Zarkovic")
	for _, name := range []string{"hexists", "smembers"} {
		if _, ok := spans[name]; !ok {
			t.Errorf("no %s span; spans: %v", name, spans)
		}
	}
}
