package service

import (
	"context"
	"io"
	"sync/atomic"
)

// run is a job's goroutine: wait for a slot, run, release the input,
// record the outcome, tell whoever asked.
func (j *Jobs) run(jb *job, in JobInput, run runFunc) {
	res, jerr := j.execute(jb, in, run)
	in.Release()
	final := j.finish(jb, res, jerr)
	if jerr != nil {
		j.log.Warn("list job failed", "job_id", final.ID, "list_id", final.ListID, "code", jerr.Code)
	} else {
		j.log.Info("list job succeeded", "job_id", final.ID, "list_id", final.ListID, "version", res.Version)
	}
	if in.Finished != nil {
		in.Finished(final)
	}
}

// execute waits for a free slot, then runs the job under its timeout
// with its inputs counted.
func (j *Jobs) execute(jb *job, in JobInput, run runFunc) (*Loaded, *JobError) {
	select {
	case j.slots <- struct{}{}:
		defer func() { <-j.slots }()
	case <-j.ctx.Done():
	}
	if j.ctx.Err() != nil { // select picks at random when both are ready
		return nil, &JobError{Code: CodeUnavailable, Message: "the replica shut down before the job ran; the active version keeps serving, upload again"}
	}
	ctx, cancel := j.ctx, context.CancelFunc(func() {})
	if in.Timeout > 0 {
		ctx, cancel = context.WithTimeout(j.ctx, in.Timeout)
	}
	defer cancel()
	j.setRunning(jb)
	res, err := run(ctx, func(r io.Reader) io.Reader { return counted(ctx, r, &jb.read) })
	if err != nil {
		return nil, failure(ctx, err, in.Timeout)
	}
	return &res, nil
}

func (j *Jobs) setRunning(jb *job) {
	j.mu.Lock()
	defer j.mu.Unlock()
	now := j.now().UTC()
	jb.State, jb.StartedAt = JobRunning, &now
}

func (j *Jobs) finish(jb *job, res *Loaded, jerr *JobError) Job {
	j.mu.Lock()
	defer j.mu.Unlock()
	now := j.now().UTC()
	jb.State, jb.FinishedAt, jb.Result, jb.Error = JobSucceeded, &now, res, jerr
	if jerr != nil {
		jb.State = JobFailed
	}
	return jb.snapshot()
}

// counted wraps a job's input in a countingReader, keeping it seekable
// when it is: documents lists are read twice (measured, then imported)
// from a seekable input, and read into memory first from any other.
func counted(ctx context.Context, r io.Reader, n *atomic.Int64) io.Reader {
	c := &countingReader{ctx: ctx, r: r, n: n}
	if s, ok := r.(io.Seeker); ok {
		return &countingReadSeeker{c, s}
	}
	return c
}

// countingReadSeeker is a countingReader over a seekable input. The
// count goes on across a seek back: it is what was read, not where.
type countingReadSeeker struct {
	*countingReader
	io.Seeker
}

// countingReader counts what a job has read of its input, for progress,
// and stops reading once the job's context ends: a parse then fails at
// once instead of running on after a timeout or a shutdown.
type countingReader struct {
	ctx context.Context
	r   io.Reader
	n   *atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}
