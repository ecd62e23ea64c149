package flow

import (
	"go/ast"

	"golang.org/x/tools/go/cfg"
)

// This file decides where a retry search meets a classification of the
// failure that can stop the retry.

// switchOf returns the switch a case decision block belongs to.
func (s *retrySearch) switchOf(b *cfg.Block) ast.Stmt {
	if len(b.Succs) != 2 || b.Succs[0].Kind != cfg.KindSwitchCaseBody {
		return nil
	}
	cc, ok := b.Succs[0].Stmt.(*ast.CaseClause)
	if !ok {
		return nil
	}
	return s.l.Fn.ix().switches[cc]
}

// classifyingDecision reports whether a block ends in a decision on what
// the failure is.
func (s *retrySearch) classifyingDecision(b *cfg.Block) bool {
	if sw := s.switchOf(b); sw != nil {
		return s.k.switchClassifies(sw)
	}
	cond := s.l.Fn.Decision(b)
	return cond != nil && s.k.classifies(cond)
}

// handledAt reports whether a decision block classifies the failure and
// one of its outcomes leaves the retry: the path through it is not blind.
func (s *retrySearch) handledAt(b *cfg.Block, st State) bool {
	key := visitKey{b.Index, st, false}
	if v, ok := s.handled[key]; ok {
		return v
	}
	if s.handled == nil {
		s.handled = map[visitKey]bool{}
	}
	s.handled[key] = false // a cycle through this decision does not make it effective
	v := false
	if sw := s.switchOf(b); sw != nil {
		if s.k.switchClassifies(sw) {
			var starts []*cfg.Block
			for _, d := range s.l.Fn.CFG.Blocks {
				if s.switchOf(d) == sw {
					starts = append(starts, d.Succs...)
				}
			}
			v = s.leaves(starts, st)
		}
	} else if s.classifyingDecision(b) {
		v = s.leaves(b.Succs, st)
	}
	s.handled[key] = v
	return v
}

// leaves reports whether, from one of the blocks, every way on leaves the
// retry once the decisions on what the failure is are taken the right way:
// the path returns, stops the helper, moves on to other credentials or
// never comes back to the login. A decision on the failure may go either
// way; a decision on anything else (an attempt counter) must leave on both
// of its outcomes, or on the one the path knows is taken. This is the
// greatest fixpoint over the (block, state) graph explored from the blocks.
func (s *retrySearch) leaves(starts []*cfg.Block, st State) bool {
	l := s.l
	sc := leavesPool.get()
	defer sc.release()
	// The graph's nodes are the (block, state) pairs, numbered by sc.index
	// in the order they are met; each is explored once, in that order.
	visit := func(b *cfg.Block, st State) int {
		st = l.enter(b, st)
		st.Bits = s.enter(b, st.Bits)
		i, isNew := sc.index.add(visitKey{b.Index, st, false})
		if isNew {
			sc.nodes = append(sc.nodes, gnode{})
		}
		return i
	}
	for _, b := range starts {
		sc.roots = append(sc.roots, visit(b, st))
	}
	blocks := l.Fn.CFG.Blocks
	for i := 0; i < len(sc.nodes); i++ {
		key := sc.index.list[i]
		b, st := blocks[key.block], key.st
		if !s.canReach(b) {
			sc.nodes[i] = gnode{kind: leafTrue}
			continue
		}
		leaf := int32(-1)
		for _, n := range b.Nodes {
			r, end := s.target(n, st)
			if end {
				leaf = leafTrue
				break
			}
			if r != nil {
				leaf = leafFalse
				break
			}
			st.Bits = s.changedBy(n, st, st.Bits, false)
			st = l.step(n, st, s.kills)
		}
		if leaf >= 0 {
			sc.nodes[i] = gnode{kind: leaf}
			continue
		}
		if len(b.Succs) == 0 {
			sc.nodes[i] = gnode{kind: leafTrue}
			continue
		}
		kind := int32(allLeave)
		if len(b.Succs) == 2 && s.classifyingDecision(b) {
			kind = oneLeaves
		}
		lo := int32(len(sc.succs))
		for j, succ := range b.Succs {
			nst, ok := l.branch(b, j, st)
			if !ok || nst.Out == Succeeded || nst.Out == NoAnswer {
				continue
			}
			sc.succs = append(sc.succs, visit(succ, nst))
		}
		g := gnode{kind: kind, lo: lo, hi: int32(len(sc.succs))}
		if g.lo == g.hi {
			g.kind = leafTrue
		}
		sc.nodes[i] = g
	}
	val := sc.val[:0]
	for _, g := range sc.nodes {
		val = append(val, g.kind != leafFalse)
	}
	sc.val = val
	for changed := true; changed; {
		changed = false
		for i, g := range sc.nodes {
			if !val[i] || g.kind == leafTrue {
				continue
			}
			v := g.kind == allLeave
			for _, j := range sc.succs[g.lo:g.hi] {
				if g.kind == allLeave && !val[j] {
					v = false
				}
				if g.kind == oneLeaves && val[j] {
					v = true
				}
			}
			if !v {
				val[i] = false
				changed = true
			}
		}
	}
	for _, r := range sc.roots {
		if val[r] {
			return true
		}
	}
	return false
}

// The kinds of node of the leaves graph.
const (
	leafTrue  = iota // leaves the retry
	leafFalse        // comes back to the login
	allLeave         // every successor must leave
	oneLeaves        // one successor leaving is enough (a classifying decision)
)

// gnode is a node of the leaves graph: its kind and its successors, a part
// of the scratch's succs.
type gnode struct {
	kind   int32
	lo, hi int32
}

// leavesScratch is what leaves builds, reused from one call to the next.
type leavesScratch struct {
	index visited
	nodes []gnode
	succs []int
	roots []int
	val   []bool
}

var leavesPool freeList[leavesScratch]

func (sc *leavesScratch) release() {
	sc.index.reset()
	sc.nodes, sc.succs, sc.roots, sc.val = sc.nodes[:0], sc.succs[:0], sc.roots[:0], sc.val[:0]
	leavesPool.put(sc)
}
