package service_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/service"
)

func crosscheckDelta(listID string, lines ...string) service.Delta {
	return service.Delta{ListID: listID, Format: "crosscheck-delta", Body: strings.NewReader(strings.Join(lines, "\n") + "\n")}
}

func person(id, name string) string {
	return `{"id":"` + id + `","subject":"person","names":[{"full":"` + name + `"}]}`
}

// A crosscheck-delta gives a new version based on the active one, with
// the entries added, replaced and removed in the order of its lines.
func TestCrosscheckDeltaMakesNewVersion(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, t.TempDir())
	base := load(t, f.lists, "nat", "a", "b", "c")
	got, err := f.lists.ApplyDelta(ctx, crosscheckDelta("nat",
		`{"op":"add","entry":`+person("d", "Dora Delta")+`}`,
		`{"op":"mod","entry":`+person("b", "Bruno Changed")+`}`,
		`{"op":"del","id":"c"}`,
		`{"op":"add","entry":`+person("c", "Carla Back")+`}`, // a deleted id may come back
	))
	if err != nil {
		t.Fatal(err)
	}
	if got.Base != base.Version || got.Version == base.Version || got.Entries != 4 || got.Format != "crosscheck-jsonl" {
		t.Fatalf("new version: %+v, base %s", got.ListVersion, base.Version)
	}
	entries, err := f.store.Entries(ctx, "nat", got.Version)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.ID+"="+e.Names[0].Full)
	}
	want := []string{"a=Person a", "b=Bruno Changed", "c=Carla Back", "d=Dora Delta"}
	if !slices.Equal(names, want) {
		t.Fatalf("entries %v, want %v", names, want)
	}
	if a := f.catalog.Active(); len(a) != 1 || a[0].Version != got.Version {
		t.Fatalf("serving %+v, want %s", a, got.Version)
	}
}

// Strict: a change that does not fit the active version refuses the
// whole delta, names the line, and stores nothing.
func TestCrosscheckDeltaIsStrict(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, t.TempDir())
	base := load(t, f.lists, "nat", "a", "b")
	for _, tc := range []struct {
		name  string
		lines []string
		want  string
	}{
		{"add of a listed id", []string{`{"op":"del","id":"b"}`, `{"op":"add","entry":` + person("a", "X") + `}`}, `line 2: entry "a": field op: add of an id the list has already`},
		{"add twice", []string{`{"op":"add","entry":` + person("n", "X") + `}`, `{"op":"add","entry":` + person("n", "Y") + `}`}, `line 2: entry "n"`},
		{"mod of an unlisted id", []string{`{"op":"mod","entry":` + person("z", "X") + `}`}, `line 1: entry "z": field op: mod of an id the list does not have`},
		{"del of an unlisted id", []string{`{"op":"del","id":"a"}`, `{"op":"del","id":"a"}`}, `line 2: entry "a": field op: del of an id the list does not have`},
		{"emptying the list", []string{`{"op":"del","id":"a"}`, `{"op":"del","id":"b"}`}, "empty"},
		{"malformed", []string{`{"op":"add"`}, "line 1"},
	} {
		_, err := f.lists.ApplyDelta(ctx, crosscheckDelta("nat", tc.lines...))
		if service.ErrorCode(err) != service.CodeInvalid || !strings.Contains(service.ErrorMessage(err), tc.want) {
			t.Errorf("%s: got %v, want invalid with %q", tc.name, err, tc.want)
		}
	}
	d, err := f.lists.Detail(ctx, "nat")
	if err != nil || len(d.Versions) != 1 || d.Active != base.Version {
		t.Fatalf("refused deltas stored something: %+v %v", d, err)
	}
}

// The FtM path stays lenient, and an unknown delta format names the
// known ones.
func TestDeltaFormatsAndLeniency(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, t.TempDir())
	load(t, f.lists, "nat", "a", "b")
	res, err := f.lists.ApplyDelta(ctx, service.Delta{ListID: "nat", Format: "ftm", Body: strings.NewReader(`{"op":"DEL","entity":{"id":"zz"}}` + "\n")})
	if err != nil || len(res.Warnings) == 0 {
		t.Fatalf("ftm DEL of an unlisted id: %+v %v", res, err)
	}
	_, err = f.lists.ApplyDelta(ctx, service.Delta{ListID: "nat", Format: "crosscheck-jsonl", Body: strings.NewReader(`{}`)})
	if service.ErrorCode(err) != service.CodeInvalid || !strings.Contains(service.ErrorMessage(err), "crosscheck-delta, ftm") {
		t.Fatalf("list format as delta format: %v", err)
	}
}
