package main

import (
	"crypto/tls"
	"fmt"
	"net"
)

// serverTLS loads the certificate and key named by --tls-cert and
// --tls-key; nil when neither is set (plain HTTP, TLS ends at a proxy).
// It runs before anything is opened, so that an unreadable file or a key
// that does not belong to the certificate stops the start at once.
func serverTLS(cfg serveConfig) (*tls.Config, error) {
	if cfg.TLSCert == "" && cfg.TLSKey == "" {
		return nil, nil
	}
	pair, err := tls.LoadX509KeyPair(cfg.TLSCert, cfg.TLSKey)
	if err != nil {
		return nil, fmt.Errorf("--tls-cert %s with --tls-key %s: %w", cfg.TLSCert, cfg.TLSKey, err)
	}
	return &tls.Config{
		Certificates: []tls.Certificate{pair},
		// TLS 1.0 and 1.1 are deprecated (RFC 8996); Go's default cipher
		// suites for 1.2 are forward secret AEADs only.
		MinVersion: tls.VersionTLS12,
		// fasthttp speaks HTTP/1.1 only: say so, rather than let a client
		// hope for h2.
		NextProtos: []string{"http/1.1"},
	}, nil
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
