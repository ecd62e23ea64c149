package driver

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// progressDelay is how long loading and analysis run before a notice says
// that sflint is still at work.
const progressDelay = 3 * time.Second

// progress is a one-line notice on a terminal's stderr ("sflint: loading
// packages (5s)"), shown only once the work has taken delay, updated every
// second, and erased when the work is done, so that it never mixes with the
// findings. Disabled, it prints nothing.
type progress struct {
	mu      sync.Mutex
	w       io.Writer
	text    string
	start   time.Time
	shown   bool
	done    chan struct{}
	stopped bool
}

func startProgress(w io.Writer, enabled bool, delay time.Duration, text string) *progress {
	p := &progress{w: w, text: text, start: time.Now(), done: make(chan struct{})}
	if !enabled {
		p.stopped = true
		return p
	}
	go func() {
		timer := time.NewTimer(delay)
		defer timer.Stop()
		select {
		case <-p.done:
			return
		case <-timer.C:
		}
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		for {
			p.draw()
			select {
			case <-p.done:
				return
			case <-tick.C:
			}
		}
	}()
	return p
}

func (p *progress) draw() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stopped {
		return
	}
	fmt.Fprintf(p.w, "\r\x1b[K%s (%ds)...", p.text, int(time.Since(p.start).Seconds()))
	p.shown = true
}

// phase changes the text.
func (p *progress) phase(text string) {
	p.mu.Lock()
	p.text = text
	p.mu.Unlock()
}

// stop ends the notice and erases it if it was shown. It may be called
// more than once.
func (p *progress) stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stopped {
		return
	}
	p.stopped = true
	close(p.done)
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
