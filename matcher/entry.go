package matcher

// SubjectType says what a list entry describes. Traveller checks match
// persons (by name) and documents, never organisations or vessels.
type SubjectType string

// Subject types, as in the canonical record of formats.md §8.
const (
	SubjectPerson       SubjectType = "person"
	SubjectOrganization SubjectType = "organization"
	SubjectVessel       SubjectType = "vessel"
	SubjectAircraft     SubjectType = "aircraft"
	SubjectDocument     SubjectType = "document" // SLTD style: a document with no person
)

// NameKind says which role a name plays in its entry.
type NameKind string

// Name kinds.
const (
	NamePrimary   NameKind = "primary"
	NameAlias     NameKind = "alias"
	NameFormer    NameKind = "former"    // f.k.a.
	NameVariation NameKind = "variation" // a spelling variant of the primary name
)

// Quality is the list's own judgement of an alias. Weak (UN "Low", OFAC
// weak a.k.a.) aliases alone should not raise a hit.
type Quality string

// Alias qualities.
const (
	QualityStrong  Quality = "strong"
	QualityWeak    Quality = "weak"
	QualityUnknown Quality = ""
)

// Name is one name of an entry as published.
type Name struct {
	Full    string   `json:"full"`
	Parts   []string `json:"parts,omitempty"`  // the source's own name parts, in order
	Script  string   `json:"script,omitempty"` // ISO 15924, e.g. Latn, Arab, Cyrl
	Lang    string   `json:"lang,omitempty"`
	Kind    NameKind `json:"kind,omitempty"`
	Quality Quality  `json:"quality,omitempty"`
}

// Entry is one record of an alert list: a person, an organisation or a
// document. Loaders produce it; the Index consumes it.
type Entry struct {
	ID            string        `json:"id"` // the list's own id (UN reference number, OFAC ent_num...)
	Subject       SubjectType   `json:"subject"`
	Names         []Name        `json:"names,omitempty"`
	BirthDates    []BirthDate   `json:"birth_dates,omitempty"`
	BirthPlaces   []Place       `json:"birth_places,omitempty"`
	Nationalities []Country     `json:"nationalities,omitempty"`
	Gender        string        `json:"gender,omitempty"` // M, F or empty
	Documents     []Document    `json:"documents,omitempty"`
	Addresses     []Place       `json:"addresses,omitempty"`
	Programs      []string      `json:"programs,omitempty"`
	Measures      Measures      `json:"measures"`
	ListedOn      string        `json:"listed_on,omitempty"`   // YYYY-MM-DD
	DelistedOn    string        `json:"delisted_on,omitempty"` // set: the entry never alerts
	Remarks       string        `json:"remarks,omitempty"`
	CrossRefs     []CrossRef    `json:"cross_refs,omitempty"`
	Extra         []SourceField `json:"extra,omitempty"` // understood fields with no slot above
}

// Place is a place of birth or an address.
type Place struct {
	Full    string `json:"full,omitempty"`
	City    string `json:"city,omitempty"`
	Region  string `json:"region,omitempty"`
	Country string `json:"country,omitempty"` // ISO 3166-1 alpha-3 when known
	Raw     string `json:"raw,omitempty"`
}

// Country is a nationality or citizenship: the ISO alpha-3 code when it
// could be mapped, and always the raw text of the source.
type Country struct {
	Code string `json:"code,omitempty"`
	Raw  string `json:"raw,omitempty"`
}

// Measures are the sanctions that matter at a border.
type Measures struct {
	TravelBan   bool `json:"travel_ban,omitempty"`
	AssetFreeze bool `json:"asset_freeze,omitempty"`
	ArmsEmbargo bool `json:"arms_embargo,omitempty"`
}

// CrossRef links an entry to the same subject on another list (the UN
// reference number appears in EU and UK records).
type CrossRef struct {
	Scheme string `json:"scheme"`
	Value  string `json:"value"`
}

// SourceField keeps a field the source publishes that has no typed slot.
type SourceField struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// Delisted reports whether the entry has been removed from its list.
func (e *Entry) Delisted() bool { return e.DelistedOn != "" }
