package matcher

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenPairs are hand-made name pairs (traveller | listed name) that
// cover the word rules; their scores and decisions are kept in
// testdata/scores.golden so that any change of a score shows in review.
// Regenerate with: go test ./matcher -run Golden -update
var goldenPairs = [][2]string{
	{"Germain Katanga", "GERMAIN KATANGA"},
	{"Germain Mbuyi Katanga", "GERMAIN KATANGA"},
	{"Hassan Nasrullah", "Hasan NASRALLAH"},
	{"Mohammed Abdallah", "Muhammad Abdullah"},
	{"MOHAMED ALI", "MAHMOUD ALI"},
	{"Jurgen Muller", "Jürgen Müller"},
	{"MUELLER JUERGEN", "Jürgen Müller"},
	{"Doku Umarov", "Умаров Доку Хаматович"},
	{"Jamal Abd al-Nasser", "جمال عبد الناصر"},
	{"KIM JONG UN", "김정은"},
	{"Jong-Un Kim", "KIM Jong Un"},
	{"Abeni Oluwaseun Ogungbuyi", "Abeni O. OGUNGBUYI"},
	{"Sheikh Abdul Karim", "Abdul Karim"},
	{"Ali Salehi", "Ali SHARIFI"},
	{"Roger Smith", "Rigor Smith"},
	{"Katherine Johnson", "Catherine Johnson"},
	{"Bill Clinton", "William Clinton"},
	{"Yitzhak Rabin", "Isaac Rabin"},
	{"Zebulon Pottersfield", "GERMAIN KATANGA"},
	{"Rana Saddam Hussein al-Tikriti", "Saddam Hussein AL-TIKRITI"},
}

func goldenLine(query, listed string) string {
	idx, err := NewIndex([]Entry{{ID: "G", Subject: SubjectPerson, Names: []Name{{Full: listed}}}}, DefaultOptions())
	if err != nil {
		return "error: " + err.Error()
	}
	score, dec, rules := 0.0, DecisionClear, ""
	if hits := idx.Check(Query{Names: []string{query}}); len(hits) > 0 {
		score, dec = hits[0].Score, hits[0].Decision
		var rs []string
		for _, tm := range hits[0].Explanation.Tokens {
			rs = append(rs, fmt.Sprintf("%s~%s:%s", tm.Query, tm.Entry, tm.Rule))
		}
		rules = strings.Join(rs, " ")
	}
	return fmt.Sprintf("%s | %s | %.3f %s | %s", query, listed, score, dec, rules)
}

func TestGoldenScores(t *testing.T) {
	const path = "testdata/scores.golden"
	var got []string
	for _, p := range goldenPairs {
		got = append(got, goldenLine(p[0], p[1]))
	}
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		body := "# traveller | listed | score decision | aligned words (go test ./matcher -run Golden -update)\n" + strings.Join(got, "\n") + "\n"
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want := readGolden(t, path)
	if len(want) != len(got) {
		t.Fatalf("%s has %d pairs, the test %d: run with -update", path, len(want), len(got))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("pair %d changed (run with -update if intended):\n got  %s\n want %s", i, got[i], want[i])
		}
	}
}

func readGolden(t *testing.T, path string) []string {
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("%v: run go test ./matcher -run Golden -update", err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := sc.Text(); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}
