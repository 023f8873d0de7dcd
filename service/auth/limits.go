package auth

import (
	"fmt"
	"math"
)

// Limits bound request bodies by endpoint, and so by role: a checker sends
// one traveller (or a batch), only an admin uploads a whole list. The API
// enforces them per route; the server's own body limit must be at least
// Max, since Fiber applies one limit to every route before routing.
type Limits struct {
	CheckBody  int64 // POST /v1/check (checker)
	BatchBody  int64 // POST /v1/check/batch (checker)
	UploadBody int64 // list upload (admin)
	AdminBody  int64 // other admin bodies, such as token creation (admin)
}

// DefaultLimits: a traveller is a few hundred bytes, a batch of 1000 a
// few hundred KiB, and list files run to hundreds of MiB (OFAC's full XML
// is over 100 MiB).
func DefaultLimits() Limits {
	return Limits{
		CheckBody:  64 << 10,
		BatchBody:  8 << 20,
		UploadBody: 1 << 30,
		AdminBody:  64 << 10,
	}
}

// WithDefaults fills zero fields from DefaultLimits.
func (l Limits) WithDefaults() Limits {
	d := DefaultLimits()
	for _, f := range []struct{ v, def *int64 }{
		{&l.CheckBody, &d.CheckBody}, {&l.BatchBody, &d.BatchBody},
		{&l.UploadBody, &d.UploadBody}, {&l.AdminBody, &d.AdminBody},
	} {
		if *f.v == 0 {
			*f.v = *f.def
		}
	}
	return l
}

// Validate rejects negative and absurd limits.
func (l Limits) Validate() error {
	for name, v := range map[string]int64{
		"check body": l.CheckBody, "batch body": l.BatchBody,
		"upload body": l.UploadBody, "admin body": l.AdminBody,
	} {
		if v < 0 || v > math.MaxInt32 {
			return fmt.Errorf("%s limit %d outside 0..%d bytes", name, v, math.MaxInt32)
		}
	}
	return nil
}

// Max is the largest limit: the server-wide body limit.
func (l Limits) Max() int64 {
	return max(l.CheckBody, l.BatchBody, l.UploadBody, l.AdminBody)
}
