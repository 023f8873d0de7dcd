package service

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"
)

// Upload jobs run a list upload or delta after the request that brought
// it has been answered: a large list takes longer to parse and index than
// an HTTP client or proxy waits. Jobs live in this replica's memory only;
// a restarted replica forgets them (its spooled inputs go with it).

// Job states.
const (
	JobQueued    = "queued"
	JobRunning   = "running"
	JobSucceeded = "succeeded"
	JobFailed    = "failed"
)

const (
	// maxRunningJobs is how many jobs parse at once: a large list takes
	// several times its file size in memory while it is indexed.
	maxRunningJobs = 1
	// maxPendingJobs bounds the queued and running jobs, each of which
	// holds a spooled upload on disk.
	maxPendingJobs = 16
	// keepFinishedJobs is how long a finished job can still be read.
	keepFinishedJobs = time.Hour
)

// Job is what a client can see of an upload job.
type Job struct {
	ID          string     `json:"job_id"`
	ListID      string     `json:"list_id"`
	Action      string     `json:"action"` // upload or delta
	State       string     `json:"state"`
	BytesTotal  int64      `json:"bytes_total"` // of the spooled input
	BytesRead   int64      `json:"bytes_read"`  // of it, so far
	SHA256      string     `json:"sha256,omitempty"`
	Result      *Loaded    `json:"result,omitempty"`
	Error       *JobError  `json:"error,omitempty"`
	SubmittedBy string     `json:"submitted_by,omitempty"` // the token's name
	QueuedAt    time.Time  `json:"queued_at"`
	StartedAt   *time.Time `json:"started_at,omitempty"`
	FinishedAt  *time.Time `json:"finished_at,omitempty"`
}

// JobError is why a job failed, in the API's error vocabulary.
type JobError struct {
	Code    Code   `json:"code"`
	Message string `json:"message"`
}

// JobInput is the spooled input of a job and what to do around it.
type JobInput struct {
	Size        int64  // bytes of the spooled input, for progress
	SHA256      string // of the input as received, hex
	SubmittedBy string
	Timeout     time.Duration // bounds the run, from its start
	// Release removes the spooled input. It is called exactly once: when
	// the job ends, or by Submit when the job is refused.
	Release func()
	// Finished, if set, is told the final state (for the audit trail).
	Finished func(Job)
}

// ListRunner is the list use case a job runs.
type ListRunner interface {
	Load(ctx context.Context, u Upload) (Loaded, error)
	ApplyDelta(ctx context.Context, d Delta) (Loaded, error)
}

// Jobs runs upload jobs one at a time and remembers them for an hour. It
// owns their goroutines: Close stops and waits for them.
type Jobs struct {
	lists ListRunner
	log   *slog.Logger
	now   func() time.Time

	ctx    context.Context // ends at Close; every job runs under it
	stop   context.CancelCauseFunc
	wg     sync.WaitGroup
	slots  chan struct{} // maxRunningJobs tokens
	mu     sync.Mutex
	jobs   map[string]*job
	closed bool
}

// job is a Job with its live counter.
type job struct {
	Job
	read atomic.Int64
}

// NewJobs makes the job runner; call Close when done.
func NewJobs(lists ListRunner, log *slog.Logger) *Jobs {
	ctx, stop := context.WithCancelCause(context.Background())
	return &Jobs{lists: lists, log: log, now: time.Now, ctx: ctx, stop: stop,
		slots: make(chan struct{}, maxRunningJobs), jobs: map[string]*job{}}
}

// Load queues a full upload whose Body or Parts read the spooled input.
func (j *Jobs) Load(u Upload, in JobInput) (Job, error) {
	return j.submit(u.ListID, "upload", in, func(ctx context.Context, count func(io.Reader) io.Reader) (Loaded, error) {
		if u.Body != nil {
			u.Body = count(u.Body)
		}
		parts := make(map[string]io.Reader, len(u.Parts))
		for name, r := range u.Parts {
			parts[name] = count(r)
		}
		u.Parts = parts
		return j.lists.Load(ctx, u)
	})
}

// ApplyDelta queues a delta whose Body reads the spooled input.
func (j *Jobs) ApplyDelta(d Delta, in JobInput) (Job, error) {
	return j.submit(d.ListID, "delta", in, func(ctx context.Context, count func(io.Reader) io.Reader) (Loaded, error) {
		d.Body = count(d.Body)
		return j.lists.ApplyDelta(ctx, d)
	})
}

// Get returns a job this replica knows.
func (j *Jobs) Get(id string) (Job, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	jb, ok := j.jobs[id]
	if !ok {
		return Job{}, Errorf(CodeNotFound, "job %s is not known on this replica: jobs live in the memory of the replica that took the upload, "+
			"for an hour after they finish, and a restarted replica forgets them; see GET /v1/lists/{id} for the active version", id)
	}
	return jb.snapshot(), nil
}

// Close refuses new jobs, cancels the queued and running ones (their
// inputs stop reading, so a parse ends soon) and waits for them.
func (j *Jobs) Close() error {
	j.mu.Lock()
	j.closed = true
	j.mu.Unlock()
	j.stop(errJobStopped)
	j.wg.Wait()
	return nil
}

type runFunc func(ctx context.Context, count func(io.Reader) io.Reader) (Loaded, error)

func (j *Jobs) submit(listID, action string, in JobInput, run runFunc) (Job, error) {
	jb, err := j.register(listID, action, in)
	if err != nil {
		in.Release()
		return Job{}, err
	}
	queued := jb.snapshot() // before the goroutine may change it
	j.wg.Add(1)
	go func() {
		defer j.wg.Done()
		j.run(jb, in, run)
	}()
	return queued, nil
}

// register admits a job: one per list at a time, maxPendingJobs at most.
func (j *Jobs) register(listID, action string, in JobInput) (*job, error) {
	if err := checkListID(listID); err != nil {
		return nil, err
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.closed {
		return nil, Errorf(CodeUnavailable, "this replica is shutting down and takes no upload jobs; retry on another")
	}
	j.forgetOld()
	pending := 0
	for _, other := range j.jobs {
		if other.FinishedAt != nil {
			continue
		}
		if pending++; other.ListID == listID {
			return nil, Errorf(CodeConflict, "list %s: job %s is %s; retry when it has finished", listID, other.ID, other.State)
		}
	}
	if pending >= maxPendingJobs {
		return nil, Errorf(CodeUnavailable, "%d upload jobs are pending on this replica; retry when one has finished", pending)
	}
	jb := &job{Job: Job{ID: newJobID(), ListID: listID, Action: action, State: JobQueued, BytesTotal: in.Size,
		SHA256: in.SHA256, SubmittedBy: in.SubmittedBy, QueuedAt: j.now().UTC()}}
	j.jobs[jb.ID] = jb
	return jb, nil
}

// forgetOld drops jobs finished more than keepFinishedJobs ago; j.mu is held.
func (j *Jobs) forgetOld() {
	cutoff := j.now().Add(-keepFinishedJobs)
	for id, jb := range j.jobs {
		if jb.FinishedAt != nil && jb.FinishedAt.Before(cutoff) {
			delete(j.jobs, id)
		}
	}
}

// snapshot copies the job with its current byte count; j.mu is held.
func (jb *job) snapshot() Job {
	out := jb.Job
	out.BytesRead = jb.read.Load()
	return out
}

func newJobID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24+)
	return hex.EncodeToString(b)
}

// errJobStopped is the cause of a job's context ending at Close.
var errJobStopped = errors.New("job runner closed")

// failure turns a run's error into what the client sees; ctx is the
// job's, to tell a timeout or a shutdown from the run's own error.
func failure(ctx context.Context, err error, timeout time.Duration) *JobError {
	switch {
	case errors.Is(context.Cause(ctx), errJobStopped):
		return &JobError{Code: CodeUnavailable, Message: "the replica shut down before the job finished; the active version keeps serving, upload again"}
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return &JobError{Code: CodeUnavailable, Message: fmt.Sprintf("the job took longer than the upload timeout of %s; the active version keeps serving", timeout)}
	}
	return &JobError{Code: ErrorCode(err), Message: ErrorMessage(err)}
}
