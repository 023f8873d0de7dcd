package deploy

import (
	"testing"
)

type hpaSpec struct {
	ScaleTargetRef struct {
		APIVersion string `json:"apiVersion"`
		Kind       string `json:"kind"`
		Name       string `json:"name"`
	} `json:"scaleTargetRef"`
	MinReplicas int `json:"minReplicas"`
	MaxReplicas int `json:"maxReplicas"`
	Metrics     []struct {
		Type     string `json:"type"`
		Resource struct {
			Name   string `json:"name"`
			Target struct {
				Type               string `json:"type"`
				AverageUtilization int    `json:"averageUtilization"`
			} `json:"target"`
		} `json:"resource"`
	} `json:"metrics"`
}

type pdbSpec struct {
	MinAvailable int           `json:"minAvailable"`
	Selector     labelSelector `json:"selector"`
}

type ingressSpec struct {
	TLS []struct {
		Hosts      []string `json:"hosts"`
		SecretName string   `json:"secretName"`
	} `json:"tls"`
	Rules []struct {
		Host string `json:"host"`
		HTTP struct {
			Paths []struct {
				Path    string `json:"path"`
				Backend struct {
					Service struct {
						Name string `json:"name"`
						Port struct {
							Name   string `json:"name"`
							Number int    `json:"number"`
						} `json:"port"`
					} `json:"service"`
				} `json:"backend"`
			} `json:"paths"`
		} `json:"http"`
	} `json:"rules"`
}

// objectsOf returns the objects of one kind, failing when there is none.
func objectsOf(t *testing.T, c cluster, kind string) []object {
	t.Helper()
	var out []object
	for _, o := range c.objects {
		if o.Kind == kind {
			out = append(out, o)
		}
	}
	if len(out) == 0 {
		t.Fatalf("no %s in k8s/", kind)
	}
	return out
}

func TestAutoscalerTargetsTheWorkload(t *testing.T) {
	c := loadCluster(t)
	for _, o := range objectsOf(t, c, "HorizontalPodAutoscaler") {
		h := spec[hpaSpec](t, o)
		ref := h.ScaleTargetRef.Kind + "/" + h.ScaleTargetRef.Name
		if _, ok := c.workloads[ref]; !ok || h.ScaleTargetRef.APIVersion != "apps/v1" {
			t.Errorf("HPA %s: target %s (%s) is none of %s", o.Metadata.Name, ref, h.ScaleTargetRef.APIVersion, ids(c.workloads))
		}
		if h.MinReplicas < 2 || h.MaxReplicas < h.MinReplicas {
			t.Errorf("HPA %s: replicas %d..%d: want at least 2, so one can be disrupted", o.Metadata.Name, h.MinReplicas, h.MaxReplicas)
		}
		if len(h.Metrics) != 1 || h.Metrics[0].Resource.Name != "cpu" || h.Metrics[0].Resource.Target.AverageUtilization != 70 {
			t.Errorf("HPA %s: want one metric, CPU at 70%% utilisation: %+v", o.Metadata.Name, h.Metrics)
		}
	}
}

func TestDisruptionBudgetCoversTheWorkload(t *testing.T) {
	c := loadCluster(t)
	for _, o := range objectsOf(t, c, "PodDisruptionBudget") {
		p := spec[pdbSpec](t, o)
		if got := c.selected(p.Selector.MatchLabels); len(got) != 1 || got[0] != "StatefulSet/crosscheck" {
			t.Errorf("PDB %s: selector %v matches %v, want exactly StatefulSet/crosscheck", o.Metadata.Name, p.Selector.MatchLabels, got)
		}
		if p.MinAvailable != 1 {
			t.Errorf("PDB %s: minAvailable %d, want 1", o.Metadata.Name, p.MinAvailable)
		}
	}
}

func TestIngressRoutesToServicePort(t *testing.T) {
	c := loadCluster(t)
	for _, o := range objectsOf(t, c, "Ingress") {
		in := spec[ingressSpec](t, o)
		if len(in.TLS) == 0 || in.TLS[0].SecretName == "" {
			t.Errorf("Ingress %s: no TLS section: TLS ends at the ingress", o.Metadata.Name)
		}
		for _, r := range in.Rules {
			for _, p := range r.HTTP.Paths {
				b := p.Backend.Service
				if !servicePortNamed(c, b.Name, b.Port.Name) {
					t.Errorf("Ingress %s path %s: backend %s:%q is no named Service port", o.Metadata.Name, p.Path, b.Name, b.Port.Name)
				}
			}
		}
	}
}

func servicePortNamed(c cluster, service, port string) bool {
	svc, ok := c.services[service]
	if !ok {
		return false
	}
	for _, p := range svc.Ports {
		if p.Name == port && port != "" {
			return true
		}
	}
	return false
}
