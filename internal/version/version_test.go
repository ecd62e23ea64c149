package version

import (
	"runtime/debug"
	"testing"
)

func TestFromBuildInfo(t *testing.T) {
	for _, tc := range []struct {
		name                        string
		bi                          debug.BuildInfo
		str, semantic, vet, longish string
	}{
		{
			name: "release",
			bi:   debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.3"}},
			str:  "v1.2.3", semantic: "1.2.3", vet: "v1.2.3", longish: "v1.2.3 (built with go1.26.8)",
		},
		{
			name: "pseudo-version (go install @commit)",
			bi:   debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.0.0-20261122070317-32a554ff1283"}},
			str:  "v0.0.0-20261122070317-32a554ff1283", semantic: "0.0.0-20261122070317-32a554ff1283", vet: "v0.0.0-20261122070317-32a554ff1283",
			longish: "v0.0.0-20261122070317-32a554ff1283 (built with go1.26.8)",
		},
		{
			name: "clone",
			bi: debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.0.0-20261122070317-32a554ff1283+dirty"}, Settings: []debug.BuildSetting{
				{Key: "vcs.revision", Value: "32a554ff12831e22769b73fb415ef2cac80a50fd"},
				{Key: "vcs.time", Value: "2026-11-22T07:03:17Z"},
				{Key: "vcs.modified", Value: "true"},
			}},
			str: "devel (32a554ff1283, 2026-11-22T07:03:17Z, modified)", semantic: "", vet: "devel-32a554ff1283-modified",
			longish: "devel (32a554ff1283, 2026-11-22T07:03:17Z, modified) (built with go1.26.8)",
		},
		{
			name: "clone, -buildvcs=false",
			bi:   debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}},
			str:  "devel", semantic: "", vet: "devel", longish: "devel (built with go1.26.8)",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			i := FromBuildInfo(&tc.bi)
			if got := i.String(); got != tc.str {
				t.Errorf("String() = %q, want %q", got, tc.str)
			}
			if got := i.Semantic(); got != tc.semantic {
				t.Errorf("Semantic() = %q, want %q", got, tc.semantic)
			}
			if got := i.VetField(); got != tc.vet {
				t.Errorf("VetField() = %q, want %q", got, tc.vet)
			}
			if got := i.Long(); got != tc.longish {
				t.Errorf("Long() = %q, want %q", got, tc.longish)
			}
		})
	}
}
