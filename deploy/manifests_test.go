package deploy

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// The Kubernetes manifests are JSON, not YAML: kubectl reads JSON as is,
// and encoding/json lets this test read them exactly without adding a YAML
// library to go.mod. The same goes for compose.yaml and otel-collector.yaml,
// which are JSON documents (JSON is YAML, so compose and the collector read
// them unchanged).

// object is the part of a Kubernetes object the tests look at; unknown
// fields are ignored.
type object struct {
	APIVersion string            `json:"apiVersion"`
	Kind       string            `json:"kind"`
	Metadata   meta              `json:"metadata"`
	Spec       json.RawMessage   `json:"spec"`
	Data       map[string]string `json:"data"`
	StringData map[string]string `json:"stringData"`
	Items      []json.RawMessage `json:"items"`
	file       string
}

type meta struct {
	Name        string            `json:"name"`
	Labels      map[string]string `json:"labels"`
	Annotations map[string]string `json:"annotations"`
}

type labelSelector struct {
	MatchLabels map[string]string `json:"matchLabels"`
}

type workloadSpec struct {
	ServiceName string        `json:"serviceName"`
	Selector    labelSelector `json:"selector"`
	Template    struct {
		Metadata meta    `json:"metadata"`
		Spec     podSpec `json:"spec"`
	} `json:"template"`
	VolumeClaimTemplates []struct {
		Metadata meta `json:"metadata"`
	} `json:"volumeClaimTemplates"`
}

type podSpec struct {
	SecurityContext securityContext `json:"securityContext"`
	Containers      []container     `json:"containers"`
	Volumes         []volume        `json:"volumes"`
}

type securityContext struct {
	RunAsNonRoot             *bool  `json:"runAsNonRoot"`
	RunAsUser                *int64 `json:"runAsUser"`
	ReadOnlyRootFilesystem   *bool  `json:"readOnlyRootFilesystem"`
	AllowPrivilegeEscalation *bool  `json:"allowPrivilegeEscalation"`
	Capabilities             struct {
		Drop []string `json:"drop"`
	} `json:"capabilities"`
}

type container struct {
	Name            string          `json:"name"`
	Image           string          `json:"image"`
	Args            []string        `json:"args"`
	Ports           []containerPort `json:"ports"`
	Env             []envVar        `json:"env"`
	EnvFrom         []envFrom       `json:"envFrom"`
	ReadinessProbe  *probe          `json:"readinessProbe"`
	LivenessProbe   *probe          `json:"livenessProbe"`
	SecurityContext securityContext `json:"securityContext"`
	Resources       struct {
		Requests map[string]string `json:"requests"`
		Limits   map[string]string `json:"limits"`
	} `json:"resources"`
	VolumeMounts []struct {
		Name      string `json:"name"`
		MountPath string `json:"mountPath"`
	} `json:"volumeMounts"`
}

type containerPort struct {
	Name          string `json:"name"`
	ContainerPort int    `json:"containerPort"`
}

type envVar struct {
	Name      string `json:"name"`
	Value     string `json:"value"`
	ValueFrom *struct {
		SecretKeyRef    *keyRef `json:"secretKeyRef"`
		ConfigMapKeyRef *keyRef `json:"configMapKeyRef"`
	} `json:"valueFrom"`
}

type keyRef struct {
	Name string `json:"name"`
	Key  string `json:"key"`
}

type envFrom struct {
	Prefix       string  `json:"prefix"`
	ConfigMapRef *keyRef `json:"configMapRef"`
	SecretRef    *keyRef `json:"secretRef"`
}

type volume struct {
	Name      string  `json:"name"`
	ConfigMap *keyRef `json:"configMap"`
	Secret    *struct {
		SecretName string `json:"secretName"`
	} `json:"secret"`
}

type probe struct {
	HTTPGet *struct {
		Path string  `json:"path"`
		Port portRef `json:"port"`
	} `json:"httpGet"`
}

// portRef is Kubernetes' int-or-string port: a number or a port name.
type portRef struct {
	Name   string
	Number int
}

func (p *portRef) UnmarshalJSON(b []byte) error {
	if s, err := strconv.Unquote(string(b)); err == nil {
		p.Name = s
		return nil
	}
	return json.Unmarshal(b, &p.Number)
}

// loadObjects reads every k8s/*.json file, flattening kind: List.
func loadObjects(t *testing.T) []object {
	t.Helper()
	files, err := filepath.Glob("k8s/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no manifests in k8s/: %v", err)
	}
	var out []object
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		objs, err := decodeObjects(b, f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, objs...)
	}
	return out
}

func decodeObjects(b []byte, file string) ([]object, error) {
	var o object
	if err := json.Unmarshal(b, &o); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	o.file = file
	if o.Kind != "List" {
		return []object{o}, nil
	}
	var out []object
	for i, item := range o.Items {
		objs, err := decodeObjects(item, fmt.Sprintf("%s[%d]", file, i))
		if err != nil {
			return nil, err
		}
		out = append(out, objs...)
	}
	return out, nil
}

// spec decodes o.Spec into v, failing the test on error.
func spec[T any](t *testing.T, o object) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(o.Spec, &v); err != nil {
		t.Fatalf("%s: %s %s spec: %v", o.file, o.Kind, o.Metadata.Name, err)
	}
	return v
}

// readJSON decodes a JSON manifest outside k8s/ (compose, collector).
func readJSON(t *testing.T, file string, v any) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v (this file is kept as JSON, which compose and the collector read as YAML)", file, err)
	}
}
