package deploy

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

// cluster indexes the decoded manifests by kind and name.
type cluster struct {
	objects    []object
	workloads  map[string]workloadSpec // "StatefulSet/name"
	services   map[string]serviceSpec
	configMaps map[string]map[string]string
	secrets    map[string]map[string]string
}

type serviceSpec struct {
	ClusterIP string            `json:"clusterIP"`
	Selector  map[string]string `json:"selector"`
	Ports     []struct {
		Name       string  `json:"name"`
		Port       int     `json:"port"`
		TargetPort portRef `json:"targetPort"`
	} `json:"ports"`
}

func loadCluster(t *testing.T) cluster {
	t.Helper()
	c := cluster{objects: loadObjects(t), workloads: map[string]workloadSpec{}, services: map[string]serviceSpec{},
		configMaps: map[string]map[string]string{}, secrets: map[string]map[string]string{}}
	seen := map[string]bool{}
	for _, o := range c.objects {
		id := o.Kind + "/" + o.Metadata.Name
		if o.APIVersion == "" || o.Kind == "" || o.Metadata.Name == "" || seen[id] {
			t.Fatalf("%s: %s: missing apiVersion, kind or name, or defined twice", o.file, id)
		}
		seen[id] = true
		switch o.Kind {
		case "StatefulSet", "Deployment":
			c.workloads[id] = spec[workloadSpec](t, o)
		case "Service":
			c.services[o.Metadata.Name] = spec[serviceSpec](t, o)
		case "ConfigMap":
			c.configMaps[o.Metadata.Name] = o.Data
		case "Secret":
			c.secrets[o.Metadata.Name] = merged(o.Data, o.StringData)
		}
	}
	return c
}

func merged(a, b map[string]string) map[string]string {
	m := maps.Clone(a)
	if m == nil {
		m = map[string]string{}
	}
	maps.Copy(m, b)
	return m
}

// subset reports whether every label of sel is in labels; an empty selector
// matches nothing, because Kubernetes would treat it as "everything".
func subset(sel, labels map[string]string) bool {
	for k, v := range sel {
		if labels[k] != v {
			return false
		}
	}
	return len(sel) > 0
}

// selected returns the workloads whose pod labels the selector matches.
func (c cluster) selected(sel map[string]string) []string {
	var ids []string
	for id, w := range c.workloads {
		if subset(sel, w.Template.Metadata.Labels) {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}

// crosscheck returns the crosscheck containers, by workload.
func (c cluster) crosscheck(t *testing.T) map[string]container {
	t.Helper()
	out := map[string]container{}
	for id, w := range c.workloads {
		for _, ct := range w.Template.Spec.Containers {
			if ct.Name == "crosscheck" {
				out[id] = ct
			}
		}
	}
	if len(out) == 0 {
		t.Fatal("no workload runs a container named crosscheck")
	}
	return out
}

func TestWorkloadSelectorsMatchTheirPods(t *testing.T) {
	c := loadCluster(t)
	for id, w := range c.workloads {
		if !subset(w.Selector.MatchLabels, w.Template.Metadata.Labels) {
			t.Errorf("%s: selector %v does not match its pod labels %v", id, w.Selector.MatchLabels, w.Template.Metadata.Labels)
		}
		if strings.HasPrefix(id, "StatefulSet/") {
			svc, ok := c.services[w.ServiceName]
			if !ok || svc.ClusterIP != "None" {
				t.Errorf("%s: serviceName %q is not a headless Service here", id, w.ServiceName)
			}
		}
	}
}

func TestServicesTargetNamedContainerPorts(t *testing.T) {
	c := loadCluster(t)
	for name, svc := range c.services {
		ids := c.selected(svc.Selector)
		if len(ids) == 0 {
			t.Errorf("Service %s: selector %v matches no workload's pods", name, svc.Selector)
		}
		for _, id := range ids {
			for _, p := range svc.Ports {
				if p.TargetPort.Name == "" {
					t.Errorf("Service %s port %s: targetPort should name a container port, so a port change is made in one place", name, p.Name)
				} else if !hasPort(c.workloads[id], p.TargetPort.Name) {
					t.Errorf("Service %s: targetPort %q is no container port of %s", name, p.TargetPort.Name, id)
				}
			}
		}
	}
	if p := c.services["crosscheck"].Ports; len(p) != 1 || p[0].Port != 80 || p[0].Name != "http" {
		t.Errorf("Service crosscheck: want one port named http on 80, have %+v", p)
	}
}

func hasPort(w workloadSpec, name string) bool {
	for _, ct := range w.Template.Spec.Containers {
		for _, p := range ct.Ports {
			if p.Name == name {
				return true
			}
		}
	}
	return false
}

func TestProbesUseHealthEndpointsOnNamedPort(t *testing.T) {
	c := loadCluster(t)
	for id, ct := range c.crosscheck(t) {
		for _, pr := range []struct {
			kind, path string
			p          *probe
		}{{"readinessProbe", "/readyz", ct.ReadinessProbe}, {"livenessProbe", "/healthz", ct.LivenessProbe}} {
			if pr.p == nil || pr.p.HTTPGet == nil {
				t.Errorf("%s: %s: want an httpGet probe", id, pr.kind)
				continue
			}
			if pr.p.HTTPGet.Path != pr.path {
				t.Errorf("%s: %s path %q, want %s", id, pr.kind, pr.p.HTTPGet.Path, pr.path)
			}
			if !hasPort(c.workloads[id], pr.p.HTTPGet.Port.Name) {
				t.Errorf("%s: %s port %+v is not a named container port", id, pr.kind, pr.p.HTTPGet.Port)
			}
		}
	}
}

func TestContainersAreLockedDown(t *testing.T) {
	c := loadCluster(t)
	for id, w := range c.workloads {
		pod := w.Template.Spec.SecurityContext
		for _, ct := range w.Template.Spec.Containers {
			where := id + "/" + ct.Name
			sc := ct.SecurityContext
			if !isTrue(sc.RunAsNonRoot) && !isTrue(pod.RunAsNonRoot) {
				t.Errorf("%s: runAsNonRoot not set", where)
			}
			if !isTrue(sc.ReadOnlyRootFilesystem) || sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation {
				t.Errorf("%s: want readOnlyRootFilesystem true and allowPrivilegeEscalation false", where)
			}
			if !slices.Equal(sc.Capabilities.Drop, []string{"ALL"}) {
				t.Errorf("%s: capabilities drop %v, want [ALL]", where, sc.Capabilities.Drop)
			}
			for _, r := range []string{"cpu", "memory"} {
				if ct.Resources.Requests[r] == "" || ct.Resources.Limits[r] == "" {
					t.Errorf("%s: no %s request and limit", where, r)
				}
			}
		}
	}
}

func isTrue(b *bool) bool { return b != nil && *b }

func TestVolumeMountsAreDefined(t *testing.T) {
	c := loadCluster(t)
	for id, w := range c.workloads {
		vols := map[string]bool{}
		for _, v := range w.Template.Spec.Volumes {
			vols[v.Name] = true
			if v.ConfigMap != nil && c.configMaps[v.ConfigMap.Name] == nil {
				t.Errorf("%s: volume %s: no ConfigMap %s", id, v.Name, v.ConfigMap.Name)
			}
			if v.Secret != nil && c.secrets[v.Secret.SecretName] == nil {
				t.Errorf("%s: volume %s: no Secret %s", id, v.Name, v.Secret.SecretName)
			}
		}
		for _, vct := range w.VolumeClaimTemplates {
			vols[vct.Metadata.Name] = true
		}
		for _, ct := range w.Template.Spec.Containers {
			for _, m := range ct.VolumeMounts {
				if !vols[m.Name] {
					t.Errorf("%s/%s: mount %s names no volume or claim template", id, ct.Name, m.Name)
				}
			}
		}
	}
}

func ids(m map[string]workloadSpec) string { return fmt.Sprint(slices.Sorted(maps.Keys(m))) }
