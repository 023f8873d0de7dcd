// Package auth decides who may call crosscheck: it authenticates bearer
// tokens, authorizes them by role, rate-limits them per token, and manages
// the tokens themselves.
//
// # Roles
//
// Three roles and nothing else: checker (the border systems: POST
// /v1/check and its batch form), admin (list uploads, token management)
// and auditor (the audit trail). A role grants exactly its own endpoints:
// an admin token cannot check travellers and a checker cannot read the
// audit trail, so a leaked border-system token exposes as little as
// possible.
//
// # Where tokens come from
//
//   - CROSSCHECK_TOKENS: comma-separated "role:name:secret" items
//     (ParseTokens). Secrets are 16 to 512 characters of letters, digits
//     and - . _ ~ + / = (what a bearer token may carry); names are 1 to 64
//     letters, digits, '.', '_' and '-'.
//   - --tokens-file: the same items one per line, blank lines and lines
//     starting with # ignored (LoadTokensFile). A line format rather than
//     JSON, so that the file and the variable are written the same way
//     and a secret manager can render either.
//   - The token store (Store, in bbolt or Redis): tokens created through
//     the admin API (CreateToken) and the bootstrap tokens of a first
//     start (Bootstrap). Only these can be revoked at run time.
//
// Names are unique across all sources; configured token ids are
// "config:<name>" and "file:<name>", store token ids "tok_<16 hex>".
//
// # Secrets
//
// Generated secrets are "cc_" and 32 random bytes in base64url. Only the
// SHA-256 of a secret is kept, in memory and in the store; no error, log,
// listing or store record ever holds a secret. A caller sees whether its
// token was missing, malformed, unknown or revoked, never the token.
//
// # Revocation
//
// Store tokens are cached for CacheTTL (DefaultCacheTTL, 5 s) after a
// lookup. Revocation is immediate on the replica that revokes and takes
// at most the TTL on the others; a newly created token works everywhere
// at once, since unknown tokens are not cached. Configured tokens are
// revoked by removing them from the configuration and restarting.
package auth
