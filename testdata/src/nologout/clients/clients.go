// Package clients uses the connection helpers of clientslib: the SOAP
// session of a constructor that logs in twice must be ended by the caller;
// a shared, cached session must not be (that would log it out under the
// other callers); a fresh one must.
package clients

import "nologout/clientslib"

func Step(user, pass string) error {
	cs, err := clientslib.Open(user, pass) // want `session from clientslib.Open \(which calls soapforce.\(\*Client\).Login\) is not logged out on all paths`
	if err != nil {
		return err
	}
	_, err = cs.SOAP.Query("SELECT Id FROM RecordType")
	return err
}

func StepLoggingOut(user, pass string) error {
	cs, err := clientslib.Open(user, pass)
	if err != nil {
		return err
	}
	defer cs.SOAP.Logout()
	_, err = cs.SOAP.Query("SELECT Id FROM RecordType")
	return err
}

func Describe(user, pass, object string) error {
	c, err := clientslib.Shared(user, pass)
	if err != nil {
		return err
	}
	_, err = c.DescribeSObject(object)
	return err
}

func DescribeFresh(user, pass, object string) error {
	c, err := clientslib.Fresh(user, pass) // want `not logged out on all paths`
	if err != nil {
		return err
	}
	_, err = c.DescribeSObject(object)
	return err
}

func DescribeCached(user, pass, object string) error {
	c := clientslib.Cached(user, pass)
	_, err := c.DescribeSObject(object)
	return err
}

func DescribeReconnected(user, pass, object string) error {
	c, err := clientslib.Reconnect(user, pass) // want `not logged out on all paths`
	if err != nil {
		return err
	}
	_, err = c.DescribeSObject(object)
	return err
}
