package service

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"slices"

	"github.com/crosscheck/crosscheck/loaders"
	"github.com/crosscheck/crosscheck/matcher"
)

// checkUpload validates what can be checked before reading the file.
func checkUpload(u Upload) error {
	if err := checkListID(u.ListID); err != nil {
		return err
	}
	if u.Kind != "" && u.Kind != "persons" && u.Kind != "documents" {
		return Errorf(CodeInvalid, "kind: %q is not persons or documents", u.Kind)
	}
	if p := u.Policy; p != nil && !(p.Review > 0 && p.Review <= p.Hit && p.Hit <= 1) {
		return Errorf(CodeInvalid, "policy: want 0 < review <= hit <= 1, got review %g, hit %g", p.Review, p.Hit)
	}
	if u.Body == nil && len(u.Parts) == 0 {
		return Errorf(CodeInvalid, "no list file: send the file as the body, or its parts as multipart/form-data")
	}
	return nil
}

// parsed is a whole list file read into entries.
type parsed struct {
	entries []matcher.Entry
	sum     string // sha256 of the source, hex
}

// parseUpload reads the upload into entries and hashes it on the way.
// For several parts the hash is that of the lines "name sha256(part)" in
// part-name order, so it does not depend on the order the parts came in.
func parseUpload(u Upload) (parsed, error) {
	var p parsed
	emit := func(e matcher.Entry) error {
		p.entries = append(p.entries, e)
		return nil
	}
	var err error
	if u.Body != nil {
		h := sha256.New()
		err = loaders.Read(u.Format, io.TeeReader(u.Body, h), emit)
		p.sum = hex.EncodeToString(h.Sum(nil))
	} else {
		hashes := map[string]hash.Hash{}
		parts := map[string]io.Reader{}
		for name, r := range u.Parts {
			hashes[name] = sha256.New()
			parts[name] = io.TeeReader(r, hashes[name])
		}
		err = loaders.ReadParts(u.Format, parts, emit)
		p.sum = partsSum(hashes)
	}
	return p, parseError(u.Format, err)
}

func partsSum(hashes map[string]hash.Hash) string {
	names := make([]string, 0, len(hashes))
	for name := range hashes {
		names = append(names, name)
	}
	slices.Sort(names)
	h := sha256.New()
	for _, name := range names {
		fmt.Fprintf(h, "%s %x\n", name, hashes[name].Sum(nil))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// parseError turns a loader error into a client-facing one: the loaders
// write their errors for administrators (format, position, field, why).
func parseError(format string, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, loaders.ErrUnknownFormat):
		return Wrap(CodeInvalid, err, fmt.Sprintf("format %q is not supported; supported: %v", format, loaders.Formats()))
	case errors.Is(err, io.ErrUnexpectedEOF):
		return Wrap(CodeInvalid, err, fmt.Sprintf("list file rejected, it looks truncated: %v", err))
	}
	return Wrap(CodeInvalid, err, fmt.Sprintf("list file rejected: %v", err))
}

// warnings are what an administrator should look at after a successful
// upload: nothing here is wrong enough to refuse it.
func warnings(base, v ListVersion, entries []matcher.Entry) []string {
	out := []string{}
	if base.Version != "" && base.SHA256 == v.SHA256 {
		out = append(out, fmt.Sprintf("the file is identical to the previously active version %s", base.Version))
	}
	if base.Entries > 0 && v.Entries*10 < base.Entries*9 {
		out = append(out, fmt.Sprintf("entries fell from %d to %d (-%d%%) against the previously active version %s",
			base.Entries, v.Entries, 100-v.Entries*100/base.Entries, base.Version))
	}
	if v.Kind == "documents" {
		n := 0
		for i := range entries {
			if entries[i].Subject != matcher.SubjectDocument {
				n++
			}
		}
		if n > 0 {
			out = append(out, fmt.Sprintf("%d entries are not documents although the list kind is documents", n))
		}
	}
	return out
}
