package main

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// selfSigned writes a fresh certificate for 127.0.0.1 and its key as PEM
// files in dir: no key is ever committed.
func selfSigned(t *testing.T, dir, name string) (certFile, keyFile string, cert *x509.Certificate) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(time.Now().UnixNano()),
		Subject:      pkix.Name{CommonName: "crosscheck test " + name},
		NotBefore:    time.Now().Add(-time.Minute),
		NotAfter:     time.Now().Add(time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IPAddresses:  []net.IP{net.ParseIP("127.0.0.1")},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	if cert, err = x509.ParseCertificate(der); err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	certFile, keyFile = filepath.Join(dir, name+".crt"), filepath.Join(dir, name+".key")
	writePEM(t, certFile, "CERTIFICATE", der)
	writePEM(t, keyFile, "PRIVATE KEY", keyDER)
	return certFile, keyFile, cert
}

func writePEM(t *testing.T, path, kind string, der []byte) {
	t.Helper()
	if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: kind, Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
}

// httpsClient trusts only cert and speaks at most maxVersion.
func httpsClient(cert *x509.Certificate, maxVersion uint16) *http.Client {
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{
		TLSClientConfig: &tls.Config{RootCAs: pool, MaxVersion: maxVersion}}}
}

// TestServeHTTPS runs the real program with --tls-cert and --tls-key on
// port 0: liveness and an authenticated check answer over HTTPS, plain
// HTTP and TLS 1.1 are refused.
func TestServeHTTPS(t *testing.T) {
	dir := t.TempDir()
	certFile, keyFile, cert := selfSigned(t, t.TempDir(), "server")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	log := &syncBuffer{}
	done := make(chan error, 1)
	args := []string{"serve", "--addr", "127.0.0.1:0", "--data-dir", dir, "--replica-id", "tls", "--tls-cert", certFile}
	env := map[string]string{"CROSSCHECK_TLS_KEY": keyFile} // one from a flag, one from the environment
	go func() { done <- run(ctx, args, func(k string) string { return env[k] }, io.Discard, log) }()
	addr := waitForLog(t, log, "listening", "addr")
	if !hasLine(log.String(), `"msg":"listening"`, `"tls":true`) {
		t.Fatalf("the listening line does not say TLS:\n%s", log.String())
	}
	base, client := "https://"+addr, httpsClient(cert, 0)
	if status := waitStatus(t, client, base+"/healthz", http.StatusOK); status != http.StatusOK {
		t.Fatalf("GET /healthz over HTTPS: %d", status)
	}
	waitStatus(t, client, base+"/readyz", http.StatusOK)
	req, _ := http.NewRequest(http.MethodPost, base+"/v1/check", strings.NewReader(`{"traveller":{"name":"Germain Katanga","date_of_birth":"1978-04-28"}}`))
	req.Header.Set("Authorization", "Bearer "+bootstrapToken(t, dir, "checker"))
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), `"decision":"hit"`) || resp.TLS == nil {
		t.Fatalf("check over HTTPS: %d %s", resp.StatusCode, body)
	}
	if _, err := httpsClient(cert, tls.VersionTLS11).Get(base + "/healthz"); err == nil {
		t.Error("a TLS 1.1 client was served")
	}
	if resp, err := http.Get("http://" + addr + "/healthz"); err == nil && resp.StatusCode == http.StatusOK {
		t.Error("plain HTTP was served on the TLS port")
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("run returned %v after a clean stop", err)
	}
}

// waitStatus polls url until it answers want (or 60 s pass) and returns
// the last status.
func waitStatus(t *testing.T, c *http.Client, url string, want int) int {
	t.Helper()
	status := 0
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		resp, err := c.Get(url)
		if err != nil {
			continue
		}
		resp.Body.Close()
		if status = resp.StatusCode; status == want {
			break
		}
	}
	return status
}

// TestTLSSettingsRefused: half a pair is a configuration error; a missing
// file or a key of another certificate stops the start and says which
// files and why.
func TestTLSSettingsRefused(t *testing.T) {
	dir := t.TempDir()
	certFile, keyFile, _ := selfSigned(t, dir, "a")
	_, otherKey, _ := selfSigned(t, dir, "b")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"cert without key", []string{"--tls-cert", certFile}, "--tls-cert is set but --tls-key is not"},
		{"key without cert", []string{"--tls-key", keyFile}, "--tls-key is set but --tls-cert is not"},
		{"missing cert file", []string{"--tls-cert", filepath.Join(dir, "none.crt"), "--tls-key", keyFile}, "none.crt: no such file"},
		{"key of another certificate", []string{"--tls-cert", certFile, "--tls-key", otherKey}, "private key does not match public key"},
		{"key given as certificate", []string{"--tls-cert", keyFile, "--tls-key", keyFile}, "failed to find certificate PEM data"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"serve", "--addr", "127.0.0.1:0", "--data-dir", t.TempDir()}, tc.args...)
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			err := run(ctx, args, func(string) string { return "" }, io.Discard, io.Discard)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("want an error containing %q, got %v", tc.want, err)
			}
		})
	}
}

// TestRenewedCertificateIsServed: a pair rewritten on disk is served from
// the next check on, without a restart; a broken rewrite leaves the
// working pair serving and says so in the log.
func TestRenewedCertificateIsServed(t *testing.T) {
	dir := t.TempDir()
	certFile, keyFile, first := selfSigned(t, dir, "served")
	newCert, newKey, renewed := selfSigned(t, dir, "renewed")
	clock := time.Now()
	log := &syncBuffer{}
	c := &certFiles{cert: certFile, key: keyFile, log: newLogger("info", log), now: func() time.Time { return clock }}
	if err := c.load(); err != nil {
		t.Fatal(err)
	}
	served := func() []byte {
		cert, err := c.get(nil)
		if err != nil {
			t.Fatal(err)
		}
		return cert.Certificate[0]
	}
	replace(t, newCert, certFile)
	replace(t, newKey, keyFile)
	if !bytes.Equal(served(), first.Raw) {
		t.Fatal("the files were read again before a minute had passed")
	}
	clock = clock.Add(certCheckEvery)
	if !bytes.Equal(served(), renewed.Raw) {
		t.Fatal("the renewed certificate is not served after the check interval")
	}
	if err := os.WriteFile(certFile, []byte("half a certificate"), 0o600); err != nil {
		t.Fatal(err)
	}
	clock = clock.Add(certCheckEvery)
	if !bytes.Equal(served(), renewed.Raw) || !strings.Contains(log.String(), "renewed TLS certificate not loaded") {
		t.Fatalf("a broken renewal replaced the working pair, or was not logged:\n%s", log.String())
	}
}

// replace copies src over dst with a later modification time, as a
// renewal would write it.
func replace(t *testing.T, src, dst string) {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, data, 0o600); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Second)
	if err := os.Chtimes(dst, later, later); err != nil {
		t.Fatal(err)
	}
}
