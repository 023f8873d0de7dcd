package main

import (
	"bytes"
	"log/slog"
	"strings"
	"sync"
	"testing"
)

// lockedBuffer counts the writes that reach it.
type lockedBuffer struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	writes int
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.writes++
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() (string, int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String(), b.writes
}

// Info lines wait for a flush, in one write; a warning goes out at once
// with the lines before it; stop writes the rest; nothing is lost or
// reordered.
func TestLogOutput(t *testing.T) {
	var w lockedBuffer
	out := newLogOutput(&w)
	log := slog.New(flushOnWarning{jsonHandler("info", out), out})
	log.Info("one")
	log.Info("two")
	if got, n := w.String(); got != "" || n != 0 {
		t.Fatalf("info lines written before a flush: %d writes, %q", n, got)
	}
	log.Warn("three")
	if got, n := w.String(); n != 1 || strings.Count(got, "\n") != 3 {
		t.Fatalf("after a warning: %d writes, %q; want the three lines in one", n, got)
	}
	stop := out.start()
	log.Debug("not at info level")
	log.Info("four")
	stop()
	got, _ := w.String()
	var msgs []string
	for line := range strings.Lines(got) {
		_, msg, _ := strings.Cut(line, `"msg":"`)
		msg, _, _ = strings.Cut(msg, `"`)
		msgs = append(msgs, msg)
	}
	if strings.Join(msgs, ",") != "one,two,three,four" {
		t.Errorf("lines %v, want one,two,three,four", msgs)
	}
}

// A full buffer is written before it would overflow, and a line longer
// than the buffer goes out on its own.
func TestLogOutputFull(t *testing.T) {
	for _, tc := range []struct {
		name       string
		lines      []int // lengths
		wantWrites int
	}{
		{"fits", []int{100, 100}, 0},
		{"fills up", []int{logBufferSize - 10, 20}, 1},
		{"longer than the buffer", []int{10, logBufferSize + 1}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var w lockedBuffer
			out := newLogOutput(&w)
			total := 0
			for _, n := range tc.lines {
				if _, err := out.Write(bytes.Repeat([]byte("x"), n)); err != nil {
					t.Fatal(err)
				}
				total += n
			}
			if _, n := w.String(); n != tc.wantWrites {
				t.Errorf("%d writes before a flush, want %d", n, tc.wantWrites)
			}
			out.Flush()
			if got, _ := w.String(); len(got) != total {
				t.Errorf("%d bytes written, want %d", len(got), total)
			}
		})
	}
}
