// Package pb imitates protoc-gen-go-grpc output: the service interface and
// the Unimplemented...Server that implementations embed.
package pb

import "context"

type GetAccountRequest struct{ Id string }
type Account struct{ Id, Name string }

type AccountsServer interface {
	GetAccount(context.Context, *GetAccountRequest) (*Account, error)
	mustEmbedUnimplementedAccountsServer()
}

type UnimplementedAccountsServer struct{}

func (UnimplementedAccountsServer) GetAccount(context.Context, *GetAccountRequest) (*Account, error) {
	return nil, nil
}
func (UnimplementedAccountsServer) mustEmbedUnimplementedAccountsServer() {}
