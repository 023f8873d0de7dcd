package accuracy

import (
	"strings"

	"github.com/crosscheck/crosscheck/loaders"
)

// countryAliases are the spellings the evaluation files use that the
// loaders' country table does not resolve. They are common English
// names, not anything learnt from the evaluation labels.
var countryAliases = map[string]string{
	"russia": "RUS", "iran": "IRN", "syria": "SYR", "north korea": "PRK", "korea north": "PRK",
	"south korea": "KOR", "korea south": "KOR", "burma": "MMR", "vietnam": "VNM",
	"united kingdom": "GBR", "united states": "USA", "tanzania": "TZA", "turkiye": "TUR",
	"palestinian": "PSE", "palestine": "PSE", "state of palestine": "PSE", "kosovo": "RKS",
	"macedonia": "MKD", "macedonia the former yugoslav republic of": "MKD", "laos": "LAO",
	"bolivia": "BOL", "venezuela": "VEN", "moldova": "MDA", "czech republic": "CZE",
	"ivory coast": "CIV", "cape verde": "CPV", "taiwan": "TWN", "brunei": "BRN",
	"democratic republic of the congo": "COD", "congo democratic republic of the": "COD",
	"republic of the congo": "COG", "swaziland": "SWZ", "east timor": "TLS",
	"the netherlands": "NLD", "holland": "NLD", "vatican": "VAT", "micronesia": "FSM",
}

// CountryCode maps a country name ("France", "Korea, North") or an ISO
// alpha-2 or alpha-3 code to alpha-3 as the loaders read it, then through
// the aliases above; "" when unknown.
func CountryCode(s string) string {
	if c := loaders.CountryCode(s); c != "" {
		return c
	}
	return countryAliases[aliasKey(s)]
}

// aliasKey folds a name like the aliases' keys: lower case, words of
// letters only, single spaces.
func aliasKey(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !('a' <= r && r <= 'z')
	}), " ")
}

// countryCodes maps the benchmark's "; "-separated country names,
// skipping unknown ones ("former Soviet Union") and "na", which there
// means not available, not Namibia.
func countryCodes(s string) []string {
	var out []string
	for part := range strings.SplitSeq(s, ";") {
		part = strings.TrimSpace(part)
		if strings.EqualFold(part, "na") {
			continue
		}
		if c := CountryCode(part); c != "" {
			out = append(out, c)
		}
	}
	return out
}
