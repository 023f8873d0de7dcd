package main

import (
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/text/unicode/norm"
)

var latinWord = regexp.MustCompile(`^[A-Z]+( [A-Z]+)*$`)

// arabicKey strips harakat and tatweel, as the runtime does before lookup.
func arabicKey(s string) string {
	return strings.Map(func(r rune) rune {
		if (r >= 0x64b && r <= 0x652) || r == 0x670 || r == 0x640 {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
}

// loosen folds the Arabic spelling differences that writers make freely:
// hamza carriers to their bare letters, alef maksura to yeh, teh marbuta to
// heh. The runtime has the same function (arabic.go).
func loosen(s string) string {
	return strings.NewReplacer("أ", "ا", "إ", "ا", "آ", "ا", "ٱ", "ا", "ى", "ي", "ة", "ه", "ؤ", "و", "ئ", "ي").Replace(s)
}

// looseWords keys the ar2en spellings by the loosened word, for words whose
// loose form is not itself a key. Sorted iteration makes ties deterministic.
func looseWords(words map[string]string) map[string]string {
	keys := make([]string, 0, len(words))
	for k := range words {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := map[string]string{}
	for _, k := range keys {
		lk := loosen(k)
		if _, raw := words[lk]; raw || lk == k {
			continue
		}
		if _, ok := out[lk]; !ok {
			out[lk] = words[k]
		}
	}
	return out
}

// latinSpelling cleans an ar2en spelling the way Romanize cleans names:
// hyphens become spaces, apostrophes go.
func latinSpelling(s string) string {
	s = strings.NewReplacer("-", " ", "'", "", "’", "", ".", "").Replace(s)
	return strings.Join(strings.Fields(fold(s)), " ")
}

// spellingCounts maps each Arabic word to its Latin spellings with counts.
func spellingCounts(dir string) (map[string]map[string]int, []string, error) {
	counts := map[string]map[string]int{}
	var order []string // first-seen order of spellings, for ties
	for _, name := range []string{"ar2en.txt", "ar2en-train.txt"} {
		lines, err := readLines(filepath.Join(dir, name))
		if err != nil {
			return nil, nil, err
		}
		for _, line := range lines {
			ar, lat, ok := strings.Cut(line, "\t")
			ar, lat = arabicKey(ar), latinSpelling(lat)
			if !ok || ar == "" || !latinWord.MatchString(lat) {
				continue
			}
			if counts[ar] == nil {
				counts[ar] = map[string]int{}
			}
			if counts[ar][lat] == 0 {
				order = append(order, lat)
			}
			counts[ar][lat]++
		}
	}
	return counts, order, nil
}

// parseAr2en picks the most frequent spelling per Arabic word; ties go to the
// spelling seen first (ar2en.txt before the training split).
func parseAr2en(dir string) (map[string]string, map[string]map[string]int, error) {
	counts, order, err := spellingCounts(dir)
	if err != nil {
		return nil, nil, err
	}
	rank := map[string]int{}
	for i, s := range order {
		if _, ok := rank[s]; !ok {
			rank[s] = i
		}
	}
	out := map[string]string{}
	for ar, c := range counts {
		best := ""
		for s, n := range c {
			if best == "" || n > c[best] || (n == c[best] && rank[s] < rank[best]) {
				best = s
			}
		}
		out[ar] = best
	}
	return out, counts, nil
}

// buildClusters maps name words to a cluster key. Explicit variant data
// (nicknames, rigour) is applied first; ar2en then joins the different Latin
// spellings of one Arabic word. Words that are their own key are omitted.
func buildClusters(tr string, words map[string]string, counts map[string]map[string]int) (map[string]string, error) {
	m := map[string]string{}
	groups, err := parseRigour(filepath.Join(tr, "rigour", "symbols.yml"))
	if err != nil {
		return nil, err
	}
	for _, g := range groups {
		addGroup(m, g)
	}
	if err := addNicknames(m, filepath.Join(tr, "nicknames-en.csv")); err != nil {
		return nil, err
	}
	addAr2enClusters(m, words, counts)
	resolve(m)
	for k, v := range m {
		if k == v {
			delete(m, k)
		}
	}
	return m, nil
}

// resolve follows chains (ADELE -> ADELAIDE -> DELLA) so that every word of
// a cluster has the same key; a cycle takes its smallest member as key.
func resolve(m map[string]string) {
	final := map[string]string{}
	for k := range m {
		seen := map[string]bool{}
		cur := k
		for !seen[cur] && m[cur] != "" && m[cur] != cur {
			seen[cur] = true
			cur = m[cur]
		}
		if seen[cur] { // a cycle: its smallest member
			for w := range seen {
				cur = min(cur, w)
			}
		}
		final[k] = cur
	}
	for k, v := range final {
		m[k] = v
	}
}

// addNicknames sends each nickname to the formal name with the most
// nicknames (RON -> RONALD rather than AARON). A nickname of more than
// maxOwners formal names (AL: Albert, Alfred, Alan...) says too little and
// gets no cluster, nor does one shorter than minNick letters: AL, EL, DE, LE
// are also name particles.
func addNicknames(m map[string]string, path string) error {
	const maxOwners, minNick = 2, 3
	lines, err := readLines(path)
	if err != nil {
		return err
	}
	nicks := map[string][]string{}
	owners := map[string][]string{}
	for _, line := range lines[1:] {
		f := strings.Split(line, ",")
		if len(f) == 3 && f[1] == "has_nickname" {
			formal, nick := fold(f[0]), fold(f[2])
			nicks[formal] = append(nicks[formal], nick)
			owners[nick] = append(owners[nick], formal)
		}
	}
	owner := map[string]string{}
	for n, fs := range owners {
		if len(fs) > maxOwners || len(n) < minNick {
			continue
		}
		sort.Slice(fs, func(i, j int) bool {
			if len(nicks[fs[i]]) != len(nicks[fs[j]]) {
				return len(nicks[fs[i]]) > len(nicks[fs[j]])
			}
			return fs[i] < fs[j]
		})
		owner[n] = fs[0]
	}
	for n, formal := range owner {
		if _, ok := m[n]; !ok {
			m[n] = formal
		}
	}
	for formal := range nicks {
		if _, ok := m[formal]; !ok {
			m[formal] = formal
		}
	}
	return nil
}

// addGroup gives every single Latin word of a rigour group the group's key:
// the last word for person_nick ("Bob", "Robert"), else the first.
func addGroup(m map[string]string, g rigourGroup) {
	var ws []string
	for _, it := range g.items {
		if w := fold(it); latinWord.MatchString(w) && !strings.Contains(w, " ") {
			ws = append(ws, w)
		}
	}
	if len(ws) == 0 {
		return
	}
	key := ws[0]
	if g.section == "person_nick" {
		key = ws[len(ws)-1]
	}
	if k, ok := m[key]; ok {
		key = k
	}
	for _, w := range ws {
		if _, ok := m[w]; !ok {
			m[w] = key
		}
	}
}

// addAr2enClusters sends the other spellings of an Arabic word to its
// preferred spelling. Arabic words are visited in sorted order, and a
// spelling keeps the first key it gets, so the result is deterministic.
func addAr2enClusters(m map[string]string, words map[string]string, counts map[string]map[string]int) {
	ars := make([]string, 0, len(words))
	for ar := range words {
		ars = append(ars, ar)
	}
	sort.Strings(ars)
	for _, ar := range ars {
		best := words[ar]
		if strings.Contains(best, " ") {
			continue
		}
		if k, ok := m[best]; ok {
			best = k
		}
		for s := range counts[ar] {
			if _, ok := m[s]; !ok && !strings.Contains(s, " ") {
				m[s] = best
			}
		}
	}
}

// crossScriptWords maps the non-Latin spellings in rigour's person_name_parts
// (普京, ปูติน, पुतिन) to the group's first Latin word: the only help there is
// for scripts without a transliteration here.
func crossScriptWords(groups []rigourGroup) map[string]string {
	out := map[string]string{}
	for _, g := range groups {
		if g.section != "person_name_parts" {
			continue
		}
		key := ""
		for _, it := range g.items {
			if w := fold(it); key == "" && latinWord.MatchString(w) && !strings.Contains(w, " ") {
				key = w
			}
		}
		for _, it := range g.items {
			w := strings.ToLower(norm.NFC.String(it))
			if key != "" && fold(w) == "" && !strings.Contains(w, " ") {
				if _, ok := out[w]; !ok {
					out[w] = key
				}
			}
		}
	}
	return out
}
