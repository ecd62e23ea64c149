// Package suggest finds the likely intended name for a misspelt one: the
// "did you mean" of sflint's error messages.
package suggest

// Closest returns the candidate nearest to name, or "" when none is near
// enough to be a plausible misspelling: within an edit distance of a third
// of the longer name (at least 1, at most 3), or one that name is a prefix
// of or that is a prefix of name.
func Closest(name string, candidates []string) string {
	best, bestDist := "", -1
	for _, c := range candidates {
		if c == name {
			continue
		}
		d := distance(name, c)
		limit := min(max(max(len(name), len(c))/3, 1), 3)
		if d > limit && !prefix(name, c) {
			continue
		}
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

func prefix(a, b string) bool {
	if len(a) < 3 || len(b) < 3 {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	return b[:len(a)] == a
}

// distance is the Damerau-Levenshtein (optimal string alignment) distance
// in bytes: an adjacent transposition counts as one edit.
func distance(a, b string) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
