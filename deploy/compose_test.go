package deploy

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

type composeFile struct {
	Services map[string]composeService `json:"services"`
	Volumes  map[string]any            `json:"volumes"`
}

type composeService struct {
	Image string `json:"image"`
	Build *struct {
		Context    string `json:"context"`
		Dockerfile string `json:"dockerfile"`
	} `json:"build"`
	Command     []string          `json:"command"`
	User        string            `json:"user"`
	ReadOnly    bool              `json:"read_only"`
	CapDrop     []string          `json:"cap_drop"`
	Environment map[string]string `json:"environment"`
	Ports       []string          `json:"ports"`
	Volumes     []string          `json:"volumes"`
	DependsOn   map[string]struct {
		Condition string `json:"condition"`
	} `json:"depends_on"`
	Healthcheck *struct {
		Test []string `json:"test"`
	} `json:"healthcheck"`
}

var replicas = []string{"crosscheck-1", "crosscheck-2"}

func loadCompose(t *testing.T) composeFile {
	t.Helper()
	var c composeFile
	readJSON(t, "compose.yaml", &c)
	for _, name := range append(slices.Clone(replicas), "redis", "otel-collector") {
		if _, ok := c.Services[name]; !ok {
			t.Fatalf("compose.yaml: no service %s", name)
		}
	}
	return c
}

func TestComposeReplicas(t *testing.T) {
	c := loadCompose(t)
	known := binaryEnv(t)
	dataVolumes := map[string]bool{}
	for i, name := range replicas {
		s := c.Services[name]
		for k, v := range s.Environment {
			checkEnv(t, "compose "+name, k, v, known)
		}
		checkLockedDown(t, name, s)
		want := "127.0.0.1:" + strconv.Itoa(8081+i) + ":" + strconv.Itoa(addrPort(t, s.Environment["CROSSCHECK_ADDR"]))
		if !slices.Equal(s.Ports, []string{want}) {
			t.Errorf("compose %s: ports %v, want [%s]", name, s.Ports, want)
		}
		vol := namedVolumeAt(t, c, name, s.Environment["CROSSCHECK_DATA_DIR"])
		// bbolt locks its file: two replicas cannot share one store.
		if dataVolumes[vol] {
			t.Errorf("compose %s: data volume %s is shared with another replica", name, vol)
		}
		dataVolumes[vol] = true
		if s.DependsOn["redis"].Condition != "service_healthy" || c.Services["redis"].Healthcheck == nil {
			t.Errorf("compose %s: want depends_on redis service_healthy, and a redis healthcheck", name)
		}
		if s.Build == nil || !exists(filepath.Join(s.Build.Context, s.Build.Dockerfile)) {
			t.Errorf("compose %s: build does not point at deploy/Dockerfile from the repository root", name)
		}
	}
}

func checkLockedDown(t *testing.T, name string, s composeService) {
	t.Helper()
	uid, _, _ := strings.Cut(s.User, ":")
	if n, err := strconv.Atoi(uid); err != nil || n == 0 {
		t.Errorf("compose %s: user %q, want a numeric non-root uid", name, s.User)
	}
	if !s.ReadOnly || !slices.Equal(s.CapDrop, []string{"ALL"}) {
		t.Errorf("compose %s: want read_only and cap_drop [ALL]", name)
	}
}

// namedVolumeAt returns the declared named volume mounted at dir.
func namedVolumeAt(t *testing.T, c composeFile, service, dir string) string {
	t.Helper()
	for _, v := range c.Services[service].Volumes {
		src, dst, _ := strings.Cut(v, ":")
		if strings.TrimSuffix(dst, ":rw") == dir {
			if _, ok := c.Volumes[src]; !ok {
				t.Errorf("compose %s: volume %s is not declared", service, src)
			}
			return src
		}
	}
	t.Errorf("compose %s: nothing mounted at %q", service, dir)
	return ""
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func TestComposeRedisPersists(t *testing.T) {
	c := loadCompose(t)
	r := c.Services["redis"]
	if !strings.HasPrefix(r.Image, "redis:7") || !strings.Contains(strings.Join(r.Command, " "), "--appendonly yes") {
		t.Errorf("compose redis: want Redis 7 with --appendonly yes, have %s %v", r.Image, r.Command)
	}
	namedVolumeAt(t, c, "redis", "/data")
	checkLockedDown(t, "redis", r)
}

func TestComposeCollectorConfig(t *testing.T) {
	c := loadCompose(t)
	o := c.Services["otel-collector"]
	if !strings.HasPrefix(o.Image, "otel/opentelemetry-collector-contrib:") {
		t.Errorf("compose otel-collector: image %s", o.Image)
	}
	mounted := false
	for _, v := range o.Volumes {
		parts := strings.Split(v, ":")
		mounted = mounted || parts[0] == "./otel-collector.yaml" && slices.Contains(o.Command, "--config="+parts[1])
	}
	if !mounted {
		t.Errorf("compose otel-collector: ./otel-collector.yaml is not mounted where --config points: %v %v", o.Volumes, o.Command)
	}
}

type collectorConfig struct {
	Receivers  map[string]any `json:"receivers"`
	Processors map[string]any `json:"processors"`
	Exporters  map[string]any `json:"exporters"`
	Service    struct {
		Pipelines map[string]struct {
			Receivers  []string `json:"receivers"`
			Processors []string `json:"processors"`
			Exporters  []string `json:"exporters"`
		} `json:"pipelines"`
	} `json:"service"`
}

func TestCollectorPipelinesReferenceDefinedComponents(t *testing.T) {
	var cfg collectorConfig
	readJSON(t, "otel-collector.yaml", &cfg)
	used := map[string]bool{}
	for name, p := range cfg.Service.Pipelines {
		for _, ref := range []struct {
			names   []string
			defined map[string]any
		}{{p.Receivers, cfg.Receivers}, {p.Processors, cfg.Processors}, {p.Exporters, cfg.Exporters}} {
			for _, n := range ref.names {
				if _, ok := ref.defined[n]; !ok {
					t.Errorf("collector pipeline %s: %s is not defined", name, n)
				}
				used[n] = true
			}
		}
	}
	for _, n := range []string{"otlp", "debug", "prometheus"} {
		if !used[n] {
			t.Errorf("collector: %s is in no pipeline", n)
		}
	}
}

// TestComposeReplicasShareStoreAndKey: the replicas are one service only
// if they share Redis and the audit key, and each needs its own audit
// chain, so its own replica id.
func TestComposeReplicasShareStoreAndKey(t *testing.T) {
	c := loadCompose(t)
	ids := map[string]bool{}
	first := c.Services[replicas[0]].Environment
	for _, name := range replicas {
		env := c.Services[name].Environment
		for _, shared := range []string{"CROSSCHECK_REDIS_URL", "CROSSCHECK_AUDIT_KEY"} {
			if env[shared] == "" || env[shared] != first[shared] {
				t.Errorf("compose %s: %s %q, want set and the same as %s's", name, shared, env[shared], replicas[0])
			}
		}
		if id := env["CROSSCHECK_REPLICA_ID"]; id == "" || ids[id] {
			t.Errorf("compose %s: CROSSCHECK_REPLICA_ID %q: want one of its own", name, id)
		}
		ids[env["CROSSCHECK_REPLICA_ID"]] = true
	}
	if !strings.HasPrefix(first["CROSSCHECK_REDIS_URL"], "redis://redis:") {
		t.Errorf("compose: CROSSCHECK_REDIS_URL %q does not point at the redis service", first["CROSSCHECK_REDIS_URL"])
	}
}
