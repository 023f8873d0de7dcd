package loaders

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/matcher"
)

// readDeltaString collects the changes of a crosscheck-delta file.
func readDeltaString(data string) ([]Change, error) {
	var out []Change
	err := ReadDelta(CrosscheckDeltaFormat, strings.NewReader(data), func(c Change) error {
		out = append(out, c)
		return nil
	})
	return out, err
}

func TestCrosscheckDelta(t *testing.T) {
	data := "\ufeff" + `{"op":"add","entry":{"id":" NAT-9 ","subject":"person","names":[{"full":"Erika  Gabler"}],"birth_dates":[{"raw":"1964"}]}}` + "\r\n" +
		"\n" +
		`{"op":"mod","entry":{"id":"NAT-1","subject":"document","documents":[{"type":"passport","number":"C01X00T47","country":"DEU"}]}}` + "\n" +
		`{"op":"del","id":"NAT-2"}` + "\n"
	got, err := readDeltaString(data)
	if err != nil || len(got) != 3 {
		t.Fatalf("got %d changes, %v", len(got), err)
	}
	add, mod, del := got[0], got[1], got[2]
	if add.Op != DeltaAdd || add.Entry.ID != "NAT-9" || add.Entry.Names[0].Full != "Erika Gabler" || add.Entry.Names[0].Kind != matcher.NamePrimary ||
		add.Entry.BirthDates[0].From != "1964-01-01" {
		t.Errorf("add: %+v", add)
	}
	if mod.Op != DeltaMod || mod.Entry.Subject != matcher.SubjectDocument || mod.Entry.Documents[0].Number != "C01X00T47" {
		t.Errorf("mod: %+v", mod)
	}
	if del.Op != DeltaDel || del.Entry.ID != "NAT-2" || len(del.Entry.Names) != 0 {
		t.Errorf("del: %+v", del)
	}
}

func TestCrosscheckDeltaErrors(t *testing.T) {
	const person = `"entry":{"id":"A","subject":"person","names":[{"full":"Anna"}]}`
	for _, c := range []struct{ name, data, want string }{
		{"empty", "", "no changes"},
		{"blank lines", "\n \n", "no changes"},
		{"not json", "{\n", "line 1"},
		{"unknown op", `{"op":"ADD",` + person + `}`, `line 1: field op: want add, mod or del, got "ADD"`},
		{"no op", `{` + person + `}`, "field op"},
		{"unknown field", `{"op":"add","entity":{"id":"A"}}`, "line 1"},
		{"unknown entry field", `{"op":"add","entry":{"id":"A","nmes":[]}}`, "line 1"},
		{"add without entry", `{"op":"add","id":"A"}`, "field entry: missing"},
		{"add with other id", `{"op":"add","id":"B",` + person + `}`, "field id"},
		{"del without id", `{"op":"del"}`, "line 1: field id: missing"},
		{"del with entry", `{"op":"del","id":"A",` + person + `}`, "a del carries only the id"},
		{"invalid entry on line 2", `{"op":"del","id":"B"}` + "\n" + `{"op":"add","entry":{"id":"A","subject":"person"}}`, `line 2: entry "A": no name`},
		{"two values", `{"op":"del","id":"A"} {"op":"del","id":"B"}`, "more than one JSON value"},
		{"invalid utf8", `{"op":"del","id":"A` + "\xff" + `"}`, "line 1, column 20: invalid UTF-8"},
		{"wrong type", `{"op":"del","id":7}`, "field id"},
	} {
		_, err := readDeltaString(c.data)
		var le *Error
		if !errors.As(err, &le) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want *Error containing %q", c.name, err, c.want)
		}
	}
}

// An error from emit (the caller refusing a change) comes back placed on
// its line, so that the caller's message names it.
func TestCrosscheckDeltaEmitErrorIsPlaced(t *testing.T) {
	data := `{"op":"del","id":"A"}` + "\n" + `{"op":"del","id":"B"}` + "\n"
	err := ReadDelta(CrosscheckDeltaFormat, strings.NewReader(data), func(c Change) error {
		if c.Entry.ID == "B" {
			return &Error{Format: CrosscheckDeltaFormat, Record: "B", Reason: "not listed"}
		}
		return nil
	})
	if err == nil || !strings.Contains(err.Error(), `line 2: entry "B": not listed`) {
		t.Fatalf("got %v", err)
	}
}

func TestDeltaFormats(t *testing.T) {
	if got := strings.Join(DeltaFormats(), ","); got != "crosscheck-delta,ftm" {
		t.Fatalf("DeltaFormats: %s", got)
	}
	err := ReadDelta("crosscheck-jsonl", strings.NewReader(`{"op":"del","id":"A"}`), func(Change) error { return nil })
	if !errors.Is(err, ErrUnknownFormat) || !strings.Contains(err.Error(), "crosscheck-delta, ftm") {
		t.Fatalf("a list format as delta format: %v", err)
	}
}

func FuzzCrosscheckDelta(f *testing.F) {
	f.Add([]byte(`{"op":"add","entry":{"id":"A","subject":"person","names":[{"full":"Anna"}]}}` + "\n" + `{"op":"del","id":"B"}`))
	f.Add([]byte(`{"op":"mod","entry":{"id":"D","subject":"document","documents":[{"type":"passport","number":"X1","country":"DEU"}]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		_ = ReadDelta(CrosscheckDeltaFormat, strings.NewReader(string(data)), func(c Change) error {
			if c.Op == DeltaDel {
				if c.Entry.ID == "" || c.Entry.ID != clean(c.Entry.ID) {
					t.Fatalf("accepted del with id %q", c.Entry.ID)
				}
				return nil
			}
			if err := Validate(c.Entry); err != nil {
				t.Fatalf("accepted change fails validation: %v", err)
			}
			return nil
		})
	})
}

// The example in FORMATS.md is a valid file.
func TestCrosscheckDeltaDocumentedExample(t *testing.T) {
	doc := string(mustReadFile(t, "FORMATS.md"))
	_, section, _ := strings.Cut(doc, "## crosscheck-delta\n")
	_, block, _ := strings.Cut(section, "```json\n")
	block, _, _ = strings.Cut(block, "```")
	got, err := readDeltaString(block)
	if err != nil || len(got) != 3 {
		t.Fatalf("FORMATS.md example: %d changes, %v", len(got), err)
	}
}

func mustReadFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
