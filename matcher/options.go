package matcher

// Version names the matching rules. It changes whenever a rule or a
// default changes the score of some pair of names, so an audit record
// says which rules produced its answer.
const Version = "2026.11.25.41"

// Policy turns scores into decisions. A score at or above Hit is a hit; at
// or above Review, a review; below, nothing is reported.
type Policy struct {
	Review float64 `json:"review"`
	Hit    float64 `json:"hit"`
}

// DefaultPolicy holds the thresholds used when a list sets none.
func DefaultPolicy() Policy { return Policy{Review: 0.82, Hit: 0.92} }

// Options are every knob of an Index. The zero value is not useful: start
// from DefaultOptions.
type Options struct {
	Policy Policy
	// MaxCandidates bounds how many names are fully scored per query; the
	// candidate stage ranks by shared keys first.
	MaxCandidates int
	// CandidateMinShare caps the bound below which a name is not scored.
	// The candidate stage bounds each name's score from the words it
	// shares with the query; a name whose bound plus the most the query's
	// date of birth and nationality could add stays under Policy.Review
	// cannot alert and is skipped. A value under that floor scores more
	// names (0 scores every name found), for measurements.
	CandidateMinShare float64
	// CommonKey is the number of names above which a word only adds to
	// names found through rarer words, so that MOHAMMED or KIM never cause
	// a full scan.
	CommonKey int
	// Exhaustive scores every name against every query, with no candidate
	// stage: slow, for measuring what the candidate stage keeps.
	Exhaustive bool
	// MaxOCRVariants bounds the extra document lookups made for OCR
	// confusable characters (0/O, 1/I, 5/S, 8/B).
	MaxOCRVariants int
	// BloomFPRate is the target false-positive rate of the document filter.
	BloomFPRate float64
}

// DefaultOptions returns the options crosscheck ships with.
func DefaultOptions() Options {
	return Options{
		Policy:            DefaultPolicy(),
		MaxCandidates:     300,
		CandidateMinShare: 1,
		CommonKey:         300,
		MaxOCRVariants:    16,
		BloomFPRate:       0.005,
	}
}
