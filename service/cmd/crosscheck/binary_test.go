package main

import (
	"bufio"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestBinaryDrainsOnSIGTERM builds the real binary, checks a traveller
// through it, and stops it the way an orchestrator does.
func TestBinaryDrainsOnSIGTERM(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; skipped in -short mode")
	}
	bin := filepath.Join(t.TempDir(), "crosscheck")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dataDir := t.TempDir()
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--replica-id", "e2e")
	cmd.Env = []string{"CROSSCHECK_DATA_DIR=" + dataDir}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	log := &syncBuffer{}
	copied := make(chan struct{}) // the log read to its end: Wait closes the pipe, so it waits for this
	go func() { copyLines(stderr, log); close(copied) }()
	base := "http://" + waitForLog(t, log, "listening", "addr")
	waitReady(t, base)
	if _, a := postCheck(t, base, bootstrapToken(t, dataDir, "checker"), `{"traveller":{"name":"Germain Katanga"}}`); a.Decision == "clear" {
		t.Fatalf("listed traveller cleared: %+v", a)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { <-copied; exited <- cmd.Wait() }()
	select {
	case err := <-exited:
		if err != nil {
			t.Fatalf("exit after SIGTERM: %v\n%s", err, log.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("no exit within 30 s of SIGTERM")
	}
	if !strings.Contains(log.String(), `"shutting down"`) {
		t.Fatalf("no orderly shutdown in the log:\n%s", log.String())
	}
}

func copyLines(r interface{ Read([]byte) (int, error) }, w *syncBuffer) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		_, _ = w.Write(append(sc.Bytes(), '\n'))
	}
}
