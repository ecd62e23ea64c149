package testhelper

import "testing"

func TestQuery(t *testing.T) {
	api := newTestAPI()
	_ = api
}
