package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"time"
)

// account is the row the warehouse loader expects.
type account struct {
	ID           string    `json:"id"`
	Name         string    `json:"name"`
	Industry     string    `json:"industry,omitempty"`
	OwnerID      string    `json:"owner_id,omitempty"`
	LastModified time.Time `json:"last_modified"`
	SyncedAt     time.Time `json:"synced_at"`
}

// store is a tiny JSON-file key/value store keyed by Salesforce id. The
// loader only ever needs the latest version of each account.
type store struct {
	path     string
	accounts map[string]account
	dirty    bool
}

func openStore(path string) (*store, error) {
	s := &store{path: path, accounts: make(map[string]account)}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	var rows []account
	if err := json.Unmarshal(data, &rows); err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	for _, r := range rows {
		s.accounts[r.ID] = r
	}
	return s, nil
}

// upsert inserts or replaces an account and reports whether it changed.
func (s *store) upsert(a account) bool {
	old, ok := s.accounts[a.ID]
	if ok && old.LastModified.Equal(a.LastModified) {
		return false
	}
	s.accounts[a.ID] = a
	s.dirty = true
	return true
}

// Close writes the store back atomically if anything changed.
func (s *store) Close() error {
	if !s.dirty {
		return nil
	}
	rows := make([]account, 0, len(s.accounts))
	for _, a := range s.accounts {
		rows = append(rows, a)
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].ID < rows[j].ID })
	data, err := json.MarshalIndent(rows, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(s.path), ".accounts-*.json")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), s.path)
}
