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
	const (
		leafTrue = iota
		leafFalse
		allLeave  // every successor must leave
		oneLeaves // one successor leaving is enough (a classifying decision)
	)
	type gnode struct {
		kind  int
		succs []int
	}
	l := s.l
	var nodes []gnode
	var index visited
	type item struct {
		b  *cfg.Block
		st State
	}
	var queue []item
	visit := func(b *cfg.Block, st State) int {
		st = l.enter(b, st)
		st.Bits = s.enter(b, st.Bits)
		i, isNew := index.add(visitKey{b.Index, st, false})
		if isNew {
			nodes = append(nodes, gnode{})
			queue = append(queue, item{b, st})
		}
		return i
	}
	var roots []int
	for _, b := range starts {
		roots = append(roots, visit(b, st))
	}
	for i := 0; i < len(queue); i++ {
		b, st := queue[i].b, queue[i].st
		g := gnode{}
		if !s.canReach(b) {
			nodes[i] = gnode{kind: leafTrue}
			continue
		}
		leaf := -1
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
			nodes[i] = gnode{kind: leaf}
			continue
		}
		kind := allLeave
		if len(b.Succs) == 0 {
			nodes[i] = gnode{kind: leafTrue}
			continue
		}
		if len(b.Succs) == 2 && s.classifyingDecision(b) {
			kind = oneLeaves
		}
		var idx []int
		for j, succ := range b.Succs {
			nst, ok := l.branch(b, j, st)
			if !ok || nst.Out == Succeeded || nst.Out == NoAnswer {
				continue
			}
			idx = append(idx, visit(succ, nst))
		}
		g.kind, g.succs = kind, idx
		if len(idx) == 0 {
			g.kind = leafTrue
		}
		nodes[i] = g
	}
	val := make([]bool, len(nodes))
	for i, g := range nodes {
		val[i] = g.kind != leafFalse
	}
	for changed := true; changed; {
		changed = false
		for i, g := range nodes {
			if !val[i] || g.kind == leafTrue {
				continue
			}
			v := g.kind == allLeave
			for _, j := range g.succs {
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
	for _, r := range roots {
		if val[r] {
			return true
		}
	}
	return false
}
