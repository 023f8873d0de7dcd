package loaders

import (
	"io"
	"regexp"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/matcher"
)

// uk-ofsi-csv: OFSI's Consolidated List ("2022 format" ConList.csv), frozen
// in January 2026 but still uploaded by customers. A banner row
// ("Last Updated,10/04/2025"), a header, then one row per name variant.
// Rows of one Group ID are not adjacent (the file is sorted by name), so
// groups are gathered in memory and emitted, in order of first
// appearance, at the end. Field notes: formats.md §4a.

const ofsiFormat = "uk-ofsi-csv"

var ofsiRequired = []string{"group id", "name 6", "group type"}

// ofsiNumbered splits "(1) Germany. (2) Morocco" into its items.
var ofsiNumbered = regexp.MustCompile(`\(\d{1,2}\)\s*`)

// ofsiInfoTag finds "(Gender):Male" and "(UN Ref):QDi.080" in Other
// Information.
var ofsiInfoTag = regexp.MustCompile(`\((Gender|UN Ref|UK Sanctions List Ref)\):\s*([^.\s(]+(?:\.\d+)?)`)

// ofsiGroup gathers the rows of one Group ID into one entry.
type ofsiGroup struct {
	e    matcher.Entry
	seen map[string]bool // dedup keys of names, documents, places, countries
}

func readOFSICSV(parts map[string]io.Reader, emit func(matcher.Entry) error) error {
	var h header
	groups := map[string]*ofsiGroup{}
	var order []string
	err := csvRows(ofsiFormat, "", parts[filePart], ',', func(w row) error {
		if h == nil {
			if strings.EqualFold(w.get(0), "Last Updated") {
				return nil // the banner row
			}
			var err error
			h, err = readHeader(ofsiFormat, w, ofsiRequired, ofsiRequired)
			return err
		}
		id := h.cell(w, "group id")
		if !isDigits(id) {
			return w.errorAt(ofsiFormat, "", h["group id"], "Group ID", "want a number, got "+quote(id))
		}
		g := groups[id]
		if g == nil {
			g = &ofsiGroup{e: matcher.Entry{ID: id, Subject: ukSubject(h.cell(w, "group type"))}, seen: map[string]bool{}}
			groups[id] = g
			order = append(order, id)
		}
		g.add(h, w)
		return nil
	})
	if err != nil {
		return err
	}
	for _, id := range order {
		e := groups[id].e
		slices.SortStableFunc(e.Names, func(a, b matcher.Name) int { return primaryFirst(a) - primaryFirst(b) })
		if err := emit(e); err != nil {
			return err
		}
		delete(groups, id)
	}
	return nil
}

// primaryFirst orders the primary name before the others: a group's rows
// come in name order, so its primary name may be anywhere.
func primaryFirst(n matcher.Name) int {
	if n.Kind == matcher.NamePrimary {
		return 0
	}
	return 1
}

func quote(s string) string { return `"` + s + `"` }

// once reports whether key is new for the group, and records it.
func (g *ofsiGroup) once(key string) bool {
	if g.seen[key] {
		return false
	}
	g.seen[key] = true
	return true
}

func (g *ofsiGroup) add(h header, w row) {
	e := &g.e
	kind, q := ukNameKind(h.cell(w, "alias type"), h.cell(w, "alias quality"))
	cells := []string{h.cell(w, "name 1"), h.cell(w, "name 2"), h.cell(w, "name 3"), h.cell(w, "name 4"), h.cell(w, "name 5"), h.cell(w, "name 6")}
	if n, ok := ukName(cells, kind, q); ok && g.once("name "+string(n.Kind)+n.Full) {
		e.Names = append(e.Names, n)
	}
	if full := h.cell(w, "name non-latin script"); full != "" && g.once("name "+full) {
		e.Names = append(e.Names, matcher.Name{Full: full, Script: detectScript(full), Lang: h.cell(w, "non-latin script language"), Kind: matcher.NameAlias, Quality: matcher.QualityStrong})
	}
	ukDOB(e, h.cell(w, "dob"))
	for _, n := range ofsiItems(h.cell(w, "nationality")) {
		if g.once("nat " + n) {
			e.Nationalities = append(e.Nationalities, countries(n)...)
		}
	}
	if full := joinClean(", ", h.cell(w, "town of birth"), h.cell(w, "country of birth")); full != "" && g.once("pob "+full) {
		e.BirthPlaces = append(e.BirthPlaces, matcher.Place{Full: full, City: h.cell(w, "town of birth"), Country: countryCode(cutAny(h.cell(w, "country of birth"), "(1)", "(2)")), Raw: full})
	}
	g.documents(matcher.DocPassport, h.cell(w, "passport number"), h.cell(w, "passport details"))
	g.documents(matcher.DocNationalID, h.cell(w, "national identification number"), h.cell(w, "national identification details"))
	g.address(h, w)
	if e.Remarks == "" {
		g.listing(h, w)
	}
}

// documents pairs "(1) 28642163 (2) 954242" with "(1) German provisional
// ... (2) Moroccan ...".
func (g *ofsiGroup) documents(typ matcher.DocumentType, numbers, details string) {
	nums, infos := ofsiItems(numbers), ofsiItems(details)
	for i, n := range nums {
		info := ""
		if i < len(infos) && len(infos) == len(nums) {
			info = infos[i]
		} else if len(nums) == 1 {
			info = details
		}
		if g.once("doc " + matcher.NormalizeDocumentNumber(n)) {
			ukDocument(&g.e, typ, n, info)
		}
	}
}

func (g *ofsiGroup) address(h header, w row) {
	full := joinClean(", ", h.cell(w, "address 1"), h.cell(w, "address 2"), h.cell(w, "address 3"), h.cell(w, "address 4"),
		h.cell(w, "address 5"), h.cell(w, "address 6"), h.cell(w, "post/zip code"), h.cell(w, "country"))
	if full != "" && g.once("addr "+full) {
		g.e.Addresses = append(g.e.Addresses, matcher.Place{Full: full, City: h.cell(w, "address 6"), Country: countryCode(h.cell(w, "country")), Raw: full})
	}
}

// listing reads the group-level fields, the same on every row of a group.
func (g *ofsiGroup) listing(h header, w row) {
	e := &g.e
	e.Remarks = h.cell(w, "other information")
	e.Programs = nonEmpty(h.cell(w, "regime"))
	e.Measures.AssetFreeze = true // the ConList is OFSI's asset-freeze list
	if d, ok := textDate(h.cell(w, "listed on")); ok && d.Precision == matcher.PrecisionDay {
		e.ListedOn = d.From
	}
	for _, m := range ofsiInfoTag.FindAllStringSubmatch(e.Remarks, -1) {
		switch m[1] {
		case "Gender":
			e.Gender = gender(m[2])
		case "UN Ref":
			ukRefs(e, m[2], "")
		case "UK Sanctions List Ref":
			e.CrossRefs = append(e.CrossRefs, matcher.CrossRef{Scheme: "UK_REF", Value: m[2]})
		}
	}
	addExtra(e, "title", h.cell(w, "title"))
	addExtra(e, "position", h.cell(w, "position"))
	addExtra(e, "last_updated", h.cell(w, "last updated"))
}

// ofsiItems splits a numbered multi-value cell; a plain cell is one item.
func ofsiItems(s string) []string {
	var out []string
	for _, p := range ofsiNumbered.Split(s, -1) {
		if p = strings.TrimSuffix(clean(p), "."); p != "" {
			out = append(out, clean(p))
		}
	}
	return out
}
