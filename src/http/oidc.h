/* oidc.h — residents' sign-in through one OpenID Connect provider (the municipality's ЕСИА
 * gateway): discovery, the authorization code flow with PKCE (S256), state and nonce, the ID
 * token's signature checked by libcjose against the provider's JWKS (cached per worker,
 * fetched again on an unknown kid at most once a minute), its claims checked, the userinfo
 * endpoint read. HTTP with libcurl, JSON with jansson; no JOSE code of our own. */
#ifndef PORTAL_OIDC_H
#define PORTAL_OIDC_H

#include "http.h"
#include "resident.h"

/* Begin a sign-in: discover the provider, store a pending sign-in (state hashed, nonce, PKCE
 * verifier, return_to) and set *location to the provider's authorization URL. 0, or -1 with
 * *why (English, for the log) when the provider cannot be reached or answers garbage. */
int oidc_begin(struct request *req, const char *return_to, const char **location,
	       const char **why);

/* Finish a sign-in at the callback: take the pending sign-in of state (once), exchange code
 * for tokens, check the ID token and read userinfo. 0 with *id, *id_token and *return_to
 * filled; -1 with *why (English, for the log). A state that is unknown, used or older than 10
 * minutes fails before anything is sent to the provider. */
int oidc_finish(struct request *req, const char *code, const char *state,
		struct resident_identity *id, const char **id_token, const char **return_to,
		const char **why);

/* The provider's end-session URL for id_token (RP-initiated logout), or NULL when the provider
 * offers none (or is not reachable now). */
const char *oidc_logout_url(struct request *req, const char *id_token);

/* Forget the cached discovery document and keys (tests of a provider that changes). */
void oidc_forget(void);

#endif
