// Package cron imitates github.com/robfig/cron: AddFunc runs cmd on a schedule.
package cron

type EntryID int

type Cron struct{}

func New() *Cron { return &Cron{} }

func (c *Cron) AddFunc(spec string, cmd func()) (EntryID, error) { return 0, nil }
func (c *Cron) Start()                                           {}
