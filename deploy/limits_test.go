package deploy

import (
	"strconv"
	"strings"
	"testing"
)

const bodySizeAnnotation = "nginx.ingress.kubernetes.io/proxy-body-size"

// TestIngressAllowsTheServiceLimits: a body the service would take must
// pass the proxy, so that an oversized one gets the service's own 413
// with its JSON error, never an HTML page from nginx. List uploads need
// CROSSCHECK_UPLOAD_LIMIT, everything else under /v1 a manifest's
// CROSSCHECK_BATCH_BODY_LIMIT; both must be set explicitly for the
// comparison to mean something.
func TestIngressAllowsTheServiceLimits(t *testing.T) {
	c := loadCluster(t)
	env := map[string]string{}
	for id, ct := range c.crosscheck(t) {
		env = c.containerEnv(t, id, ct)
	}
	for _, o := range objectsOf(t, c, "Ingress") {
		allowed, err := nginxSize(o.Metadata.Annotations[bodySizeAnnotation])
		if err != nil {
			t.Errorf("Ingress %s: %s: %v", o.Metadata.Name, bodySizeAnnotation, err)
			continue
		}
		for _, path := range ingressPaths(t, o) {
			setting := "CROSSCHECK_BATCH_BODY_LIMIT"
			if strings.HasPrefix(path, "/v1/lists") {
				setting = "CROSSCHECK_UPLOAD_LIMIT"
			}
			limit, err := strconv.ParseInt(env[setting], 10, 64)
			if err != nil {
				t.Errorf("Ingress %s routes %s: %s is not set in the manifests (%q)", o.Metadata.Name, path, setting, env[setting])
				continue
			}
			if allowed != 0 && allowed < limit {
				t.Errorf("Ingress %s routes %s: proxy-body-size %d bytes is below %s=%d", o.Metadata.Name, path, allowed, setting, limit)
			}
		}
	}
}

func ingressPaths(t *testing.T, o object) []string {
	t.Helper()
	var paths []string
	for _, r := range spec[ingressSpec](t, o).Rules {
		for _, p := range r.HTTP.Paths {
			paths = append(paths, p.Path)
		}
	}
	return paths
}

// nginxSize reads an nginx size ("1m", "512k", "1048576"; units of 1024;
// "0" is no limit) in bytes. nginx's default is 1m.
func nginxSize(s string) (int64, error) {
	if s == "" {
		s = "1m"
	}
	mult := int64(1)
	switch strings.ToLower(s[len(s)-1:]) {
	case "k":
		mult = 1 << 10
	case "m":
		mult = 1 << 20
	case "g":
		mult = 1 << 30
	}
	if mult > 1 {
		s = s[:len(s)-1]
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n * mult, err
}

func TestNginxSize(t *testing.T) {
	for in, want := range map[string]int64{"": 1 << 20, "0": 0, "512k": 512 << 10, "16m": 16 << 20, "1G": 1 << 30, "1048576": 1 << 20} {
		if got, err := nginxSize(in); err != nil || got != want {
			t.Errorf("nginxSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	if _, err := nginxSize("lots"); err == nil {
		t.Error(`nginxSize("lots") did not fail`)
	}
}
