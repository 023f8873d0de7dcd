package main

import (
	"crypto/tls"
	"fmt"
	"log/slog"
	"net"
	"os"
	"sync"
	"time"
)

// certCheckEvery is how often the certificate files are looked at for a
// renewal: a stat of two files, at most once a minute, on a handshake.
const certCheckEvery = time.Minute

// serverTLS loads the certificate and key named by --tls-cert and
// --tls-key; nil when neither is set (plain HTTP, TLS ends at a proxy).
// It runs before anything is opened, so that an unreadable file or a key
// that does not belong to the certificate stops the start at once.
func serverTLS(cfg serveConfig, log *slog.Logger) (*tls.Config, error) {
	if cfg.TLSCert == "" && cfg.TLSKey == "" {
		return nil, nil
	}
	certs := &certFiles{cert: cfg.TLSCert, key: cfg.TLSKey, log: log, now: time.Now}
	if err := certs.load(); err != nil {
		return nil, err
	}
	return &tls.Config{
		GetCertificate: certs.get,
		// TLS 1.0 and 1.1 are deprecated (RFC 8996); Go's default cipher
		// suites for 1.2 are forward secret AEADs only.
		MinVersion: tls.VersionTLS12,
		// fasthttp speaks HTTP/1.1 only: say so, rather than let a client
		// hope for h2.
		NextProtos: []string{"http/1.1"},
	}, nil
}

// certFiles serves the pair from disk and reads it again when either file
// changes, so that a renewed certificate (cert-manager rewriting a mounted
// Secret) is served without a restart. A renewal that does not load is
// logged and the pair in use keeps serving.
type certFiles struct {
	cert, key string
	log       *slog.Logger
	now       func() time.Time

	mu      sync.Mutex
	current *tls.Certificate
	stamp   string    // modification times and sizes of both files
	checked time.Time // when stamp was last compared
}

func (c *certFiles) get(*tls.ClientHelloInfo) (*tls.Certificate, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if now := c.now(); now.Sub(c.checked) >= certCheckEvery {
		c.checked = now
		if c.fileStamp() != c.stamp {
			if err := c.loadLocked(); err != nil {
				c.log.Error("renewed TLS certificate not loaded; the previous one keeps serving", "error", err.Error())
			} else {
				c.log.Info("TLS certificate reloaded", "cert", c.cert)
			}
		}
	}
	return c.current, nil
}

func (c *certFiles) load() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.checked = c.now()
	return c.loadLocked()
}

// loadLocked reads the pair; the stamp is taken first, so that a file
// written in between is read again at the next check.
func (c *certFiles) loadLocked() error {
	stamp := c.fileStamp()
	pair, err := tls.LoadX509KeyPair(c.cert, c.key)
	if err != nil {
		return fmt.Errorf("--tls-cert %s with --tls-key %s: %w", c.cert, c.key, err)
	}
	c.current, c.stamp = &pair, stamp
	return nil
}

func (c *certFiles) fileStamp() string {
	stamp := ""
	for _, f := range []string{c.cert, c.key} {
		if fi, err := os.Stat(f); err == nil {
			stamp += fmt.Sprintf("%d/%d;", fi.ModTime().UnixNano(), fi.Size())
		}
	}
	return stamp
}

// listen opens the service's listener, wrapped in TLS when configured.
func listen(addr string, tc *tls.Config) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listen on %s: %w", addr, err)
	}
	if tc == nil {
		return ln, nil
	}
	return tls.NewListener(ln, tc), nil
}
