package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"time"
)

// Role is what a token may do.
type Role string

// The roles of design.md §1.
const (
	RoleChecker Role = "checker"
	RoleAdmin   Role = "admin"
	RoleAuditor Role = "auditor"
)

// Roles lists every role, in the order bootstrap creates them.
var Roles = []Role{RoleChecker, RoleAdmin, RoleAuditor}

// ParseRole returns the role named s, exactly as spelled (lower case).
func ParseRole(s string) (Role, error) {
	switch r := Role(s); r {
	case RoleChecker, RoleAdmin, RoleAuditor:
		return r, nil
	}
	return "", fmt.Errorf("unknown role %q (want checker, admin or auditor)", s)
}

// Source tells where a token comes from; only store tokens (api and
// bootstrap) can be revoked through the API.
type Source string

// The sources of tokens.
const (
	SourceConfig    Source = "config"    // CROSSCHECK_TOKENS
	SourceFile      Source = "file"      // --tokens-file
	SourceAPI       Source = "api"       // created through the admin API
	SourceBootstrap Source = "bootstrap" // created on a first start
)

// Token describes a token without its secret: what the admin API lists and
// what the audit trail may name.
type Token struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	Role      Role      `json:"role"`
	CreatedAt time.Time `json:"created_at,omitzero"` // zero for configured tokens
	Source    Source    `json:"source"`
	RevokedAt time.Time `json:"revoked_at,omitzero"` // zero while the token is valid
}

// Revoked reports whether the token has been revoked.
func (t Token) Revoked() bool { return !t.RevokedAt.IsZero() }

// Hash is the SHA-256 of a token secret.
//
// A plain, unsalted, fast hash is enough here, unlike for passwords: the
// store only ever holds hashes of generated secrets, 256 random bits that
// no dictionary or brute force reaches, and a slow hash (bcrypt, argon2)
// would only add milliseconds to every check on the hot path. Configured
// secrets may be weaker (16 characters at least); their hashes stay in
// process memory. Because the hash is deterministic it can also be the
// lookup key.
type Hash [sha256.Size]byte

// HashSecret returns the hash under which a secret is stored.
func HashSecret(secret string) Hash { return sha256.Sum256([]byte(secret)) }

// MarshalText writes the hash as lower-case hex, for JSON and store keys.
func (h Hash) MarshalText() ([]byte, error) {
	return []byte(hex.EncodeToString(h[:])), nil
}

// UnmarshalText reads the hex form written by MarshalText.
func (h *Hash) UnmarshalText(b []byte) error {
	if hex.DecodedLen(len(b)) != len(h) {
		return fmt.Errorf("token hash: want %d hex digits, got %d", 2*len(h), len(b))
	}
	_, err := hex.Decode(h[:], b)
	return err
}

// Record is a token as a store keeps it: its description and the hash of
// its secret.
type Record struct {
	Token
	Hash Hash `json:"hash"`
}

// SecretPrefix starts every generated secret, so that a leaked one is
// recognisable (by secret scanners, in a log review) as a crosscheck token.
const SecretPrefix = "cc_"

// secretBytes is the entropy of a generated secret: 256 bits.
const secretBytes = 32

// NewSecret returns a fresh random secret: SecretPrefix followed by 32
// random bytes in unpadded base64url (46 characters in all).
func NewSecret() string {
	b := make([]byte, secretBytes)
	rand.Read(b) // never fails since Go 1.24; it crashes the program instead
	return SecretPrefix + base64.RawURLEncoding.EncodeToString(b)
}

// newID returns a random token id. Ids are public (logs, audit, the admin
// API) and carry no part of the secret or its hash.
func newID() string {
	b := make([]byte, 8)
	rand.Read(b)
	return "tok_" + hex.EncodeToString(b)
}
