package matcher

import "strings"

// DocumentType is the normalised kind of a travel or identity document.
type DocumentType string

// Document types.
const (
	DocPassport           DocumentType = "passport"
	DocDiplomaticPassport DocumentType = "diplomatic_passport"
	DocNationalID         DocumentType = "national_id"
	DocTravel             DocumentType = "travel_document"
	DocResidence          DocumentType = "residence_permit"
	DocVisa               DocumentType = "visa"
	DocOther              DocumentType = "other"
)

// DocumentStatus is what the list says about a document. Stolen, lost,
// stolen-blank, revoked and invalid documents alert on their own.
type DocumentStatus string

// Document statuses.
const (
	StatusUnknown     DocumentStatus = ""
	StatusValid       DocumentStatus = "valid"
	StatusExpired     DocumentStatus = "expired"
	StatusLost        DocumentStatus = "lost"
	StatusStolen      DocumentStatus = "stolen"
	StatusStolenBlank DocumentStatus = "stolen_blank"
	StatusRevoked     DocumentStatus = "revoked"
	StatusInvalid     DocumentStatus = "invalid"
	StatusFraudulent  DocumentStatus = "fraudulent"
)

// Document is a travel or identity document named by a list entry.
type Document struct {
	Type    DocumentType   `json:"type,omitempty"`
	TypeRaw string         `json:"type_raw,omitempty"`
	Number  string         `json:"number"`            // as published
	Country string         `json:"country,omitempty"` // issuing state, ISO alpha-3 when known
	Status  DocumentStatus `json:"status,omitempty"`
	Issued  string         `json:"issued,omitempty"`
	Expires string         `json:"expires,omitempty"`
	Note    string         `json:"note,omitempty"`
}

// NormalizeDocumentNumber keeps only A-Z and 0-9, upper case. Leading zeros
// stay: they are significant (UK "0075258").
func NormalizeDocumentNumber(s string) string {
	if isNormalized(s) {
		return s // the common case: a number read from the MRZ
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9', r >= 'A' && r <= 'Z':
			b.WriteRune(r)
		case r >= 'a' && r <= 'z':
			b.WriteRune(r - 'a' + 'A')
		}
	}
	return b.String()
}

func isNormalized(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && (c < 'A' || c > 'Z') {
			return false
		}
	}
	return true
}
