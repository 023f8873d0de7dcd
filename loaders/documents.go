package loaders

import (
	"strings"

	"github.com/crosscheck/crosscheck/matcher"
)

// docTypeWords maps words found in free-text document types to the
// normalised type, most specific first: "Diplomatic Passport" must not
// stop at "passport". Lists write types in English, French and Spanish
// ("Numéro de passeport", "Número de pasaporte").
var docTypeWords = []struct {
	word string
	typ  matcher.DocumentType
}{
	{"diplomatic", matcher.DocDiplomaticPassport},
	{"passport", matcher.DocPassport}, {"passeport", matcher.DocPassport}, {"pasaporte", matcher.DocPassport},
	{"travel document", matcher.DocTravel}, {"laissez", matcher.DocTravel}, {"seafarer", matcher.DocTravel},
	{"residence", matcher.DocResidence}, {"residency", matcher.DocResidence}, {"resident perm", matcher.DocResidence},
	{"visa", matcher.DocVisa},
	{"national id", matcher.DocNationalID}, {"identity card", matcher.DocNationalID}, {"identification", matcher.DocNationalID},
	{"id card", matcher.DocNationalID}, {"id no", matcher.DocNationalID}, {"id number", matcher.DocNationalID},
	{"cedula", matcher.DocNationalID}, {"cédula", matcher.DocNationalID}, {"d.n.i", matcher.DocNationalID},
	{"carte d'identit", matcher.DocNationalID}, {"identit", matcher.DocNationalID},
}

// docType normalises a free-text document type; "" for an empty one and
// DocOther for text it does not recognise (the raw text stays in TypeRaw).
func docType(raw string) matcher.DocumentType {
	s := strings.ToLower(clean(strings.ReplaceAll(raw, "_", " "))) // "national_id", the type ids of our own formats
	if s == "" {
		return ""
	}
	switch s {
	case "id", "nid", "dni":
		return matcher.DocNationalID
	}
	for _, w := range docTypeWords {
		if strings.Contains(s, w.word) {
			if w.typ == matcher.DocDiplomaticPassport && !strings.Contains(s, "passport") && !strings.Contains(s, "passeport") {
				continue
			}
			return w.typ
		}
	}
	return matcher.DocOther
}
