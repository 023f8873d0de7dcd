package audit

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
)

// MinKeyLen is the shortest HMAC key Log accepts: 256 bits, the size of
// the SHA-256 output.
const MinKeyLen = 32

// ParseKey decodes a key given as hex (CROSSCHECK_AUDIT_KEY, or the text
// of a key file).
func ParseKey(s string) ([]byte, error) {
	key, err := hex.DecodeString(strings.TrimSpace(s))
	if err != nil {
		return nil, errors.New("audit key: not hex")
	}
	if len(key) < MinKeyLen {
		return nil, fmt.Errorf("audit key: %d bytes, need at least %d", len(key), MinKeyLen)
	}
	return key, nil
}

// LoadOrCreateKey reads the hex key in path, or, if there is no such file,
// creates one with a random key, readable by the owner only. The error
// never holds key material.
func LoadOrCreateKey(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return createKey(path)
	}
	if err != nil {
		return nil, fmt.Errorf("read audit key: %w", err)
	}
	key, err := ParseKey(string(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return key, nil
}

// createKey writes a new key with O_EXCL: if two processes race, one
// fails instead of both using different keys on one data directory.
func createKey(path string) ([]byte, error) {
	key := make([]byte, MinKeyLen)
	_, _ = rand.Read(key) // crypto/rand.Read never fails (Go 1.24+)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, fmt.Errorf("create audit key: %w", err)
	}
	_, err = f.WriteString(hex.EncodeToString(key) + "\n")
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return nil, fmt.Errorf("write audit key: %w", err)
	}
	return key, nil
}
