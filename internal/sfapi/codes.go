package sfapi

// SOAPCodes are the ExceptionCode values a SOAP login() can fail with.
var SOAPCodes = []string{
	"INVALID_LOGIN", "PASSWORD_LOCKOUT", "LOGIN_MUST_USE_SECURITY_TOKEN",
	"INVALID_OPERATION_WITH_EXPIRED_PASSWORD", "API_DISABLED_FOR_ORG", "API_CURRENTLY_DISABLED",
	"LOGIN_CHALLENGE_ISSUED", "LOGIN_CHALLENGE_PENDING", "LOGIN_DURING_RESTRICTED_DOMAIN",
	"LOGIN_DURING_RESTRICTED_TIME", "ORG_LOCKED", "REQUEST_LIMIT_EXCEEDED", "SERVER_UNAVAILABLE",
	"INVALID_SESSION_ID",
}

// OAuthCodes are the error values of the OAuth token endpoint.
var OAuthCodes = []string{
	"invalid_grant", "invalid_client_id", "invalid_client", "unsupported_grant_type",
	"inactive_user", "inactive_org", "rate_limit_exceeded",
}

// nonRetryable are the codes on which a login must never be retried.
var nonRetryable = map[Vocabulary][]string{
	SOAP: {"INVALID_LOGIN", "PASSWORD_LOCKOUT", "LOGIN_MUST_USE_SECURITY_TOKEN",
		"INVALID_OPERATION_WITH_EXPIRED_PASSWORD", "API_DISABLED_FOR_ORG", "API_CURRENTLY_DISABLED"},
	OAuth: {"invalid_grant", "invalid_client_id", "invalid_client"},
}

// transient are the codes on which a later retry may succeed.
var transient = map[Vocabulary][]string{
	SOAP:  {"SERVER_UNAVAILABLE", "REQUEST_LIMIT_EXCEEDED"},
	OAuth: {"rate_limit_exceeded"},
}

// NonRetryable returns the codes of vocabulary v on which a login must stop, not retry.
func NonRetryable(v Vocabulary) []string { return append([]string(nil), nonRetryable[v]...) }

// Transient returns the codes of vocabulary v on which a bounded, backed-off retry is right.
func Transient(v Vocabulary) []string { return append([]string(nil), transient[v]...) }

// Codes returns every code of vocabulary v.
func Codes(v Vocabulary) []string {
	switch v {
	case SOAP:
		return append([]string(nil), SOAPCodes...)
	case OAuth:
		return append([]string(nil), OAuthCodes...)
	}
	return nil
}

// CodeVocabulary reports which vocabulary a code (with or without the "sf:"
// prefix) belongs to, and the code without the prefix.
func CodeVocabulary(s string) (Vocabulary, string) {
	bare := s
	if len(bare) > 3 && bare[:3] == "sf:" {
		bare = bare[3:]
	}
	for _, c := range SOAPCodes {
		if c == bare {
			return SOAP, bare
		}
	}
	for _, c := range OAuthCodes {
		if c == s {
			return OAuth, s
		}
	}
	return NoCode, s
}

// ContainsCode reports whether the text mentions a known fault code of any vocabulary.
func ContainsCode(s string) bool {
	for _, c := range SOAPCodes {
		if containsWord(s, c) {
			return true
		}
	}
	for _, c := range OAuthCodes {
		if containsWord(s, c) {
			return true
		}
	}
	return false
}

// containsWord reports whether code occurs in s not as part of a longer identifier.
func containsWord(s, code string) bool {
	for i := 0; i+len(code) <= len(s); i++ {
		if s[i:i+len(code)] != code {
			continue
		}
		before := i == 0 || !identByte(s[i-1])
		after := i+len(code) == len(s) || !identByte(s[i+len(code)])
		if before && after {
			return true
		}
	}
	return false
}

func identByte(b byte) bool {
	return b == '_' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9'
}
