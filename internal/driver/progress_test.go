package driver

import (
	"bytes"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func TestProgress(t *testing.T) {
	// Work that outlasts the delay: the notice appears, then is erased.
	var w lockedBuffer
	p := startProgress(&w, true, 10*time.Millisecond, "sflint: loading packages")
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(w.String(), "loading") && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	p.phase("sflint: analysing 3 packages")
	p.stop()
	p.stop() // twice is fine
	got := w.String()
	if !strings.HasPrefix(got, "\r\x1b[Ksflint: loading packages (0s)...") || !strings.HasSuffix(got, "\r\x1b[K") {
		t.Errorf("progress wrote %q", got)
	}

	// Work done before the delay: nothing at all.
	var quick lockedBuffer
	p = startProgress(&quick, true, time.Hour, "sflint: loading packages")
	p.stop()
	// Disabled (not a terminal, or a machine format): nothing at all.
	var off lockedBuffer
	p = startProgress(&off, false, 0, "sflint: loading packages")
	time.Sleep(20 * time.Millisecond)
	p.stop()
	if quick.String() != "" || off.String() != "" {
		t.Errorf("quick %q, disabled %q; want nothing", quick.String(), off.String())
	}
}

func TestIsTerminal(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) || isTerminal(&bytes.Buffer{}) {
		t.Error("a file or a buffer taken for a terminal")
	}
}
