package service_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/service"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// gatedLists reads half of each upload, then waits for its gate (or the
// context) before it answers.
type gatedLists struct {
	gate    chan struct{}
	reading chan struct{} // closed once half is read
	once    sync.Once
}

func (g *gatedLists) Load(ctx context.Context, u service.Upload) (service.Loaded, error) {
	data, _ := io.ReadAll(io.LimitReader(u.Body, 5))
	g.once.Do(func() { close(g.reading) })
	select {
	case <-g.gate:
	case <-ctx.Done():
	}
	if _, err := io.ReadAll(u.Body); err != nil {
		return service.Loaded{}, service.Wrap(service.CodeInvalid, err, "list file rejected")
	}
	return service.Loaded{ListVersion: service.ListVersion{ListID: u.ListID, Version: "v-" + string(data)}}, nil
}

func (g *gatedLists) ApplyDelta(ctx context.Context, d service.Delta) (service.Loaded, error) {
	return g.Load(ctx, service.Upload{ListID: d.ListID, Body: d.Body})
}

// input is a job input over a string that records its release and outcome.
func input(data string, released *atomic.Int32, finished chan<- service.Job) (io.Reader, service.JobInput) {
	return strings.NewReader(data), service.JobInput{
		Size: int64(len(data)), Timeout: time.Minute, SubmittedBy: "boss",
		Release:  func() { released.Add(1) },
		Finished: func(j service.Job) { finished <- j },
	}
}

func TestJobRunsAndReportsProgress(t *testing.T) {
	g := &gatedLists{gate: make(chan struct{}), reading: make(chan struct{})}
	jobs := service.NewJobs(g, quiet)
	defer jobs.Close()
	var released atomic.Int32
	finished := make(chan service.Job, 1)
	body, in := input("0123456789", &released, finished)
	queued, err := jobs.Load(service.Upload{ListID: "nat", Format: "crosscheck-jsonl", Body: body}, in)
	if err != nil || queued.State != service.JobQueued || queued.ID == "" || queued.BytesTotal != 10 {
		t.Fatalf("submit: %+v %v", queued, err)
	}
	<-g.reading
	running, err := jobs.Get(queued.ID)
	if err != nil || running.State != service.JobRunning || running.BytesRead != 5 || running.StartedAt == nil {
		t.Fatalf("while running: %+v %v", running, err)
	}
	if _, err := jobs.Load(service.Upload{ListID: "nat", Body: strings.NewReader("x")}, service.JobInput{Release: func() { released.Add(1) }}); service.ErrorCode(err) != service.CodeConflict {
		t.Fatalf("second job for the same list: %v", err)
	}
	if released.Load() != 1 {
		t.Fatalf("refused job's input released %d times", released.Load())
	}
	close(g.gate)
	done := <-finished
	if done.State != service.JobSucceeded || done.Result.Version != "v-01234" || done.BytesRead != 10 || done.FinishedAt == nil || done.Error != nil {
		t.Fatalf("finished: %+v", done)
	}
	if got, _ := jobs.Get(queued.ID); got.State != service.JobSucceeded || released.Load() != 2 {
		t.Fatalf("after: %+v, released %d", got, released.Load())
	}
	if _, err := jobs.Get("nope"); service.ErrorCode(err) != service.CodeNotFound || !strings.Contains(service.ErrorMessage(err), "restarted replica") {
		t.Fatalf("unknown job: %v", err)
	}
}

// Close cancels what runs and what waits, and waits for both.
func TestJobsCloseStopsJobs(t *testing.T) {
	g := &gatedLists{gate: make(chan struct{}), reading: make(chan struct{})}
	jobs := service.NewJobs(g, quiet)
	var released atomic.Int32
	finished := make(chan service.Job, 2)
	body, in := input("0123456789", &released, finished)
	first, _ := jobs.Load(service.Upload{ListID: "a", Body: body}, in)
	body, in = input("abcdefghij", &released, finished)
	second, _ := jobs.Load(service.Upload{ListID: "b", Body: body}, in)
	<-g.reading
	a, _ := jobs.Get(first.ID)
	b, _ := jobs.Get(second.ID)
	if states := a.State + "," + b.State; states != "running,queued" && states != "queued,running" {
		t.Fatalf("two jobs at once: %s, want one running and one queued", states)
	}
	jobs.Close()
	for range 2 {
		j := <-finished
		if j.State != service.JobFailed || j.Error.Code != service.CodeUnavailable || !strings.Contains(j.Error.Message, "shut down") {
			t.Errorf("job %s after Close: %+v %+v", j.ID, j, j.Error)
		}
	}
	if released.Load() != 2 {
		t.Fatalf("inputs released %d times, want 2", released.Load())
	}
	if _, err := jobs.Load(service.Upload{ListID: "c", Body: body}, service.JobInput{Release: func() {}}); service.ErrorCode(err) != service.CodeUnavailable {
		t.Fatalf("submit after Close: %v", err)
	}
}

func TestJobTimeout(t *testing.T) {
	g := &gatedLists{gate: make(chan struct{}), reading: make(chan struct{})}
	jobs := service.NewJobs(g, quiet)
	defer jobs.Close()
	var released atomic.Int32
	finished := make(chan service.Job, 1)
	body, in := input("0123456789", &released, finished)
	in.Timeout = time.Millisecond
	if _, err := jobs.ApplyDelta(service.Delta{ListID: "nat", Format: "ftm", Body: body}, in); err != nil {
		t.Fatal(err)
	}
	if j := <-finished; j.State != service.JobFailed || !strings.Contains(j.Error.Message, "upload timeout") || j.Action != "delta" {
		t.Fatalf("timed out job: %+v %+v", j, j.Error)
	}
}

// A job runs the real use case: a failed one leaves the active version,
// a good one activates its version.
func TestJobRunsLoad(t *testing.T) {
	f := newFixture(t, t.TempDir())
	jobs := service.NewJobs(f.lists, quiet)
	defer jobs.Close()
	data, err := os.ReadFile(unFile)
	if err != nil {
		t.Fatal(err)
	}
	var released atomic.Int32
	finished := make(chan service.Job, 1)
	for _, tc := range []struct {
		body  []byte
		state string
	}{{data, service.JobSucceeded}, {data[:len(data)/2], service.JobFailed}} {
		_, in := input("", &released, finished)
		in.Size = int64(len(tc.body))
		if _, err := jobs.Load(service.Upload{ListID: "un-sc", Format: "un-xml", Body: bytes.NewReader(tc.body)}, in); err != nil {
			t.Fatal(err)
		}
		j := <-finished
		if j.State != tc.state || j.BytesRead != in.Size {
			t.Fatalf("job: %+v %+v", j, j.Error)
		}
		if tc.state == service.JobFailed && (j.Error.Code != service.CodeInvalid || !strings.Contains(j.Error.Message, "truncated")) {
			t.Fatalf("truncated upload: %+v", j.Error)
		}
	}
	if a := f.catalog.Active(); len(a) != 1 || a[0].Entries != 1003 {
		t.Fatalf("serving %+v", a)
	}
}

// seekCheck records whether the upload it is given can seek.
type seekCheck struct{ seekable chan bool }

func (s seekCheck) Load(_ context.Context, u service.Upload) (service.Loaded, error) {
	_, ok := u.Body.(io.ReadSeeker)
	s.seekable <- ok
	return service.Loaded{}, nil
}

func (s seekCheck) ApplyDelta(ctx context.Context, d service.Delta) (service.Loaded, error) {
	return s.Load(ctx, service.Upload{Body: d.Body})
}

// A seekable input stays seekable through the job's counting, so that a
// documents list is read twice from disk rather than into memory; a
// plain reader stays plain.
func TestJobInputKeepsSeeking(t *testing.T) {
	check := seekCheck{seekable: make(chan bool, 1)}
	jobs := service.NewJobs(check, quiet)
	defer jobs.Close()
	for _, tc := range []struct {
		list string
		body io.Reader
		want bool
	}{{"seekable", bytes.NewReader([]byte("x")), true}, {"plain", io.MultiReader(strings.NewReader("x")), false}} {
		if _, err := jobs.Load(service.Upload{ListID: tc.list, Body: tc.body}, service.JobInput{Release: func() {}}); err != nil {
			t.Fatal(err)
		}
		if got := <-check.seekable; got != tc.want {
			t.Errorf("%T: seekable %v, want %v", tc.body, got, tc.want)
		}
	}
}
