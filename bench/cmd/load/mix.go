package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
)

// request is the body of POST /v1/check, as api/openapi.json defines it.
type request struct {
	Traveller  traveller `json:"traveller"`
	Checkpoint string    `json:"checkpoint"`
	Operator   string    `json:"operator"`
	Reference  string    `json:"reference"`
}

type traveller struct {
	Name        string     `json:"name,omitempty"`
	Surname     string     `json:"surname,omitempty"`
	GivenNames  string     `json:"given_names,omitempty"`
	DateOfBirth string     `json:"date_of_birth,omitempty"`
	Nationality string     `json:"nationality,omitempty"`
	Sex         string     `json:"sex,omitempty"`
	Documents   []document `json:"documents,omitempty"`
}

type document struct {
	Number         string `json:"number"`
	Type           string `json:"type"`
	IssuingCountry string `json:"issuing_country"`
}

// mix draws travellers: a share of listed persons, the rest made up
// across scripts with the fields a passport scan gives.
type mix struct {
	rng         *rand.Rand
	listed      []string
	listedShare float64
}

// bodies pre-encodes n request bodies, so that generating load costs no
// JSON encoding on the hot path; it also returns how many are listed.
func (m *mix) bodies(n int) ([][]byte, int) {
	out := make([][]byte, n)
	listed := 0
	for i := range out {
		t, isListed := m.traveller()
		if isListed {
			listed++
		}
		b, _ := json.Marshal(request{Traveller: t, Checkpoint: "LOAD-TEST", Operator: "load", Reference: fmt.Sprintf("load-%d", i)})
		out[i] = b
	}
	return out, listed
}

func (m *mix) traveller() (traveller, bool) {
	if len(m.listed) > 0 && m.rng.Float64() < m.listedShare {
		return m.listedTraveller(), true
	}
	return m.madeUp(pickScript(m.rng)), false
}

// listedTraveller sends a listed name as an officer might key it: as
// listed, or with the surname first, which the matcher must absorb.
func (m *mix) listedTraveller() traveller {
	words := strings.Fields(m.listed[m.rng.IntN(len(m.listed))])
	if len(words) > 1 && m.rng.IntN(2) == 0 {
		words = append(words[len(words)-1:], words[:len(words)-1]...)
	}
	return traveller{Name: strings.Join(words, " ")}
}

func (m *mix) madeUp(s script) traveller {
	given := pick(m.rng, s.given)
	if m.rng.IntN(10) < 3 {
		given += " " + pick(m.rng, s.given)
	}
	t := traveller{Nationality: pick(m.rng, s.nationalities), DateOfBirth: m.birthDate(), Sex: pick(m.rng, []string{"M", "F", ""})}
	surname := pick(m.rng, s.surnames)
	if m.rng.IntN(2) == 0 {
		t.Name = given + " " + surname
	} else {
		t.Surname, t.GivenNames = surname, given
	}
	if m.rng.IntN(4) != 0 {
		t.Documents = []document{{Number: m.passportNumber(), Type: "P", IssuingCountry: t.Nationality}}
	}
	return t
}

// birthDate is mostly a full date; some travel documents give only a
// year, or a year and month, and some requests carry none.
func (m *mix) birthDate() string {
	y, mo, d := 1940+m.rng.IntN(69), 1+m.rng.IntN(12), 1+m.rng.IntN(28)
	switch r := m.rng.IntN(20); {
	case r == 0:
		return ""
	case r == 1:
		return fmt.Sprintf("%04d", y)
	case r < 4:
		return fmt.Sprintf("%04d-%02d", y, mo)
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
}

func (m *mix) passportNumber() string {
	return fmt.Sprintf("%c%c%07d", 'A'+m.rng.IntN(26), 'A'+m.rng.IntN(26), m.rng.IntN(10_000_000))
}

func pickScript(rng *rand.Rand) script {
	total := 0
	for _, s := range scripts {
		total += s.weight
	}
	r := rng.IntN(total)
	for _, s := range scripts {
		if r -= s.weight; r < 0 {
			return s
		}
	}
	return scripts[0]
}

func pick(rng *rand.Rand, xs []string) string { return xs[rng.IntN(len(xs))] }

// readListed reads one name per line, skipping blank lines and # comments.
func readListed(r io.Reader) ([]string, error) {
	var names []string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line != "" && !strings.HasPrefix(line, "#") {
			names = append(names, line)
		}
	}
	return names, sc.Err()
}
