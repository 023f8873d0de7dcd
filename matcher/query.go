package matcher

// Query is what is known of one traveller.
type Query struct {
	Names       []string   // full names as printed, any script
	BirthDate   *BirthDate // nil when unknown
	Nationality string     // ISO alpha-3
	Gender      string     // M, F or empty
	Documents   []QueryDocument
	// TruncatedName says the last name part may be cut (a full MRZ name
	// field), so it matches as a prefix.
	TruncatedName bool

	prepared *preparedNames // see Prepare
}

// QueryDocument is a document the traveller presents.
type QueryDocument struct {
	Number  string
	Type    DocumentType
	Country string // issuing state, ISO alpha-3
}

// Decision is the outcome of a check or of one hit.
type Decision string

// Decisions, weakest first.
const (
	DecisionClear  Decision = "clear"
	DecisionReview Decision = "review"
	DecisionHit    Decision = "hit"
)

// Stronger reports whether d outranks o.
func (d Decision) Stronger(o Decision) bool { return rank(d) > rank(o) }

func rank(d Decision) int {
	switch d {
	case DecisionHit:
		return 2
	case DecisionReview:
		return 1
	}
	return 0
}

// Hit is one list entry that alerted, with why.
type Hit struct {
	EntryID     string         `json:"entry_id"`
	Kind        string         `json:"kind"` // name, document, or name+document
	Score       float64        `json:"score"`
	Decision    Decision       `json:"decision"`
	MatchedName string         `json:"matched_name,omitempty"`
	Subject     SubjectType    `json:"subject"`
	Programs    []string       `json:"programs,omitempty"`
	Measures    Measures       `json:"measures"`
	Explanation Explanation    `json:"explanation"`
	Status      DocumentStatus `json:"document_status,omitempty"`
}

// Explanation tells an officer and an auditor why a hit was raised.
type Explanation struct {
	QueryName string            `json:"query_name,omitempty"`
	EntryName string            `json:"entry_name,omitempty"`
	NameScore float64           `json:"name_score,omitempty"`
	Tokens    []TokenMatch      `json:"tokens,omitempty"`
	Features  []Feature         `json:"features,omitempty"`
	Document  *DocumentEvidence `json:"document,omitempty"`
}

// TokenMatch is one aligned pair of name words.
type TokenMatch struct {
	Query string  `json:"query"`
	Entry string  `json:"entry"`
	Score float64 `json:"score"`
	Rule  string  `json:"rule"`
}

// Feature is one signal beyond the name and what it added to the score.
type Feature struct {
	Name         string  `json:"name"`
	Contribution float64 `json:"contribution"`
	Detail       string  `json:"detail"`
}

// DocumentEvidence is the document part of a hit.
type DocumentEvidence struct {
	QueryNumber string         `json:"query_number"`
	EntryNumber string         `json:"entry_number"`
	Country     string         `json:"country,omitempty"`
	Type        DocumentType   `json:"type,omitempty"`
	Status      DocumentStatus `json:"status,omitempty"`
	Rule        string         `json:"rule"` // exact or ocr_confusable
}
