package auth

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// Limits on configured names and secrets.
const (
	MinSecretLen = 16  // shorter secrets could be guessed
	MaxSecretLen = 512 // longer ones are a mistake (a pasted file?)
	MaxNameLen   = 64
)

// ParseTokens reads the CROSSCHECK_TOKENS format: comma-separated items
// "role:name:secret", for example
//
//	checker:gate-1:Zr4p...,admin:ops:Qw9x...
//
// Spaces around items and fields are ignored and an empty string holds no
// tokens. Errors name the item (1-based) and, once known, its name; never
// its secret. Names must be unique, and so must secrets: two names sharing
// a secret could not be told apart.
func ParseTokens(s string) ([]Record, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var c collector
	for i, item := range strings.Split(s, ",") {
		if err := c.add(item, SourceConfig, fmt.Sprintf("item %d", i+1)); err != nil {
			return nil, err
		}
	}
	return c.records, nil
}

// ParseTokensFile reads a tokens file: one "role:name:secret" per line, as
// in ParseTokens; blank lines and lines starting with # are skipped. Errors
// name the line.
func ParseTokensFile(r io.Reader) ([]Record, error) {
	var c collector
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := c.add(line, SourceFile, fmt.Sprintf("line %d", n)); err != nil {
			return nil, err
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read tokens: %w", err)
	}
	return c.records, nil
}

// LoadTokensFile reads the tokens file at path (see ParseTokensFile).
func LoadTokensFile(path string) ([]Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("tokens file: %w", err)
	}
	defer f.Close()
	recs, err := ParseTokensFile(f)
	if err != nil {
		return nil, fmt.Errorf("tokens file %s: %w", path, err)
	}
	return recs, nil
}

// collector gathers parsed records and rejects duplicate names and
// secrets, remembering where each was first seen for the error message.
type collector struct {
	records []Record
	names   map[string]string
	hashes  map[Hash]string
}

func (c *collector) add(item string, src Source, where string) error {
	rec, err := parseItem(item, src)
	if err != nil {
		return fmt.Errorf("%s: %w", where, err)
	}
	return c.addRecord(rec, where)
}

func (c *collector) addRecord(rec Record, where string) error {
	if c.names == nil {
		c.names, c.hashes = map[string]string{}, map[Hash]string{}
	}
	if first, ok := c.names[rec.Name]; ok {
		return fmt.Errorf("%s: duplicate token name %q (first at %s)", where, rec.Name, first)
	}
	if first, ok := c.hashes[rec.Hash]; ok {
		return fmt.Errorf("%s (name %q): same secret as %s", where, rec.Name, first)
	}
	c.names[rec.Name], c.hashes[rec.Hash] = where, where
	c.records = append(c.records, rec)
	return nil
}

// parseItem parses one "role:name:secret".
func parseItem(item string, src Source) (Record, error) {
	fields := strings.SplitN(strings.TrimSpace(item), ":", 3)
	if len(fields) != 3 {
		return Record{}, errors.New(`want "role:name:secret"`)
	}
	role, err := parseItemRole(strings.TrimSpace(fields[0]))
	if err != nil {
		return Record{}, err
	}
	name := strings.TrimSpace(fields[1])
	if err := ValidateName(name); err != nil {
		return Record{}, err
	}
	if err := validateSecret(strings.TrimSpace(fields[2])); err != nil {
		return Record{}, err
	}
	tok := Token{ID: string(src) + ":" + name, Name: name, Role: role, Source: src}
	return Record{Token: tok, Hash: HashSecret(strings.TrimSpace(fields[2]))}, nil
}

// parseItemRole parses the role field, quoting it in the error only when
// it is too short to be a secret: fields in the wrong order must not put a
// secret into a log. Names are never quoted for the same reason.
func parseItemRole(s string) (Role, error) {
	r, err := ParseRole(s)
	if err != nil && len(s) >= MinSecretLen/2 {
		return "", errors.New("unknown role (want checker, admin or auditor; is the item in role:name:secret order?)")
	}
	return r, err
}

// ValidateName accepts 1 to 64 letters, digits, '.', '_' and '-': names
// appear in logs, audit records and error messages, so they stay plain.
func ValidateName(name string) error {
	if name == "" {
		return errors.New("empty token name")
	}
	if len(name) > MaxNameLen {
		return fmt.Errorf("token name longer than %d characters", MaxNameLen)
	}
	for _, r := range name {
		if !isAlnum(r) && r != '.' && r != '_' && r != '-' {
			return errors.New("token name: only letters, digits, '.', '_' and '-' allowed")
		}
	}
	return nil
}

// validateSecret checks length and alphabet. The error says what is wrong
// but never shows the secret, not even a part of it.
func validateSecret(s string) error {
	if len(s) < MinSecretLen {
		return fmt.Errorf("secret too short: %d characters, want at least %d", len(s), MinSecretLen)
	}
	if len(s) > MaxSecretLen {
		return fmt.Errorf("secret too long: %d characters, want at most %d", len(s), MaxSecretLen)
	}
	if !isTokenText(s) {
		return errors.New("secret has characters a bearer token cannot carry (allowed: letters, digits, - . _ ~ + / =)")
	}
	return nil
}

// isTokenText reports whether s uses only the characters of an RFC 6750
// bearer token (b64token), so that every configured secret can actually be
// sent in an Authorization header.
func isTokenText(s string) bool {
	for _, r := range s {
		if !isAlnum(r) && !strings.ContainsRune("-._~+/=", r) {
			return false
		}
	}
	return true
}

func isAlnum(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
}
