package deploy

import (
	"slices"
	"strings"
	"testing"
)

func TestEnvNamesAreReadByTheBinary(t *testing.T) {
	c := loadCluster(t)
	known := binaryEnv(t)
	for id, ct := range c.crosscheck(t) {
		for name, value := range c.containerEnv(t, id, ct) {
			checkEnv(t, id, name, value, known)
		}
	}
}

// containerEnv resolves a container's environment, failing on references to
// ConfigMaps, Secrets or keys that are not in the manifests.
func (c cluster) containerEnv(t *testing.T, id string, ct container) map[string]string {
	t.Helper()
	env := map[string]string{}
	for _, ef := range ct.EnvFrom {
		src, kind, name := c.configMaps, "ConfigMap", ""
		if ef.ConfigMapRef != nil {
			name = ef.ConfigMapRef.Name
		} else if ef.SecretRef != nil {
			src, kind, name = c.secrets, "Secret", ef.SecretRef.Name
		}
		data, ok := src[name]
		if !ok {
			t.Errorf("%s: envFrom names %s %q, which is not in the manifests", id, kind, name)
		}
		for k, v := range data {
			env[ef.Prefix+k] = v
		}
	}
	for _, e := range ct.Env {
		env[e.Name] = c.envValue(t, id, e)
	}
	return env
}

func (c cluster) envValue(t *testing.T, id string, e envVar) string {
	t.Helper()
	if e.ValueFrom == nil {
		return e.Value
	}
	ref, src, kind := e.ValueFrom.SecretKeyRef, c.secrets, "Secret"
	if ref == nil {
		ref, src, kind = e.ValueFrom.ConfigMapKeyRef, c.configMaps, "ConfigMap"
	}
	if ref == nil {
		return "" // fieldRef or resourceFieldRef: filled in by the kubelet
	}
	v, ok := src[ref.Name][ref.Key]
	if !ok {
		t.Errorf("%s: env %s: %s %s has no key %q", id, e.Name, kind, ref.Name, ref.Key)
	}
	return v
}

func TestSettingsAgreeWithPortsAndVolumes(t *testing.T) {
	c := loadCluster(t)
	for id, ct := range c.crosscheck(t) {
		env := c.containerEnv(t, id, ct)
		port := addrPort(t, env["CROSSCHECK_ADDR"])
		if !slices.ContainsFunc(ct.Ports, func(p containerPort) bool { return p.ContainerPort == port }) {
			t.Errorf("%s: CROSSCHECK_ADDR port %d is no container port %+v", id, port, ct.Ports)
		}
		if !mountsClaim(c.workloads[id], ct, env["CROSSCHECK_DATA_DIR"]) {
			t.Errorf("%s: CROSSCHECK_DATA_DIR %q is not a persistent volume claim mount", id, env["CROSSCHECK_DATA_DIR"])
		}
	}
}

// mountsClaim reports whether dir is mounted from a volume claim template,
// so the store (and later the audit spool) outlives the pod.
func mountsClaim(w workloadSpec, ct container, dir string) bool {
	for _, m := range ct.VolumeMounts {
		for _, vct := range w.VolumeClaimTemplates {
			if m.MountPath == dir && m.Name == vct.Metadata.Name {
				return true
			}
		}
	}
	return false
}

func TestSecretsArePlaceholders(t *testing.T) {
	c := loadCluster(t)
	for name, data := range c.secrets {
		for k, v := range data {
			if !strings.HasPrefix(v, "REPLACE-ME") {
				t.Errorf("Secret %s key %s: committed values must be REPLACE-ME placeholders", name, k)
			}
		}
	}
}
