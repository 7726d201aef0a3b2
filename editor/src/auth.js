// Sign-in with the authorization-code flow and PKCE (S256) against Cognito's OAuth endpoints, or
// the local stack's copies of them. Tokens are kept in sessionStorage, not only in memory: a reload
// (the way back after a crash, when the editor offers the copy kept on this device) must not ask
// for a new sign-in in the middle of writing. sessionStorage belongs to this tab alone and ends
// with it; the page's content security policy runs no script from another origin.
const TOKENS = 'newsroom.tokens';
const PENDING = 'newsroom.pkce';
let config;
let tokens = null;
let refreshTimer = null;
let onChange = () => {};

export function init(appConfig, changed) {
  config = appConfig;
  onChange = changed;
  try {
    tokens = JSON.parse(sessionStorage.getItem(TOKENS) || 'null');
  } catch {
    tokens = null;
  }
  if (tokens) schedule();
}

function redirectUri() {
  return `${location.origin}${location.pathname}`;
}

function base64url(bytes) {
  let s = '';
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

export async function signIn() {
  const verifier = randomString();
  const state = randomString();
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, hash: location.hash }));
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    scope: 'openid profile email',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  location.assign(`${config.auth}/oauth2/authorize?${q}`);
}

/** Finishes a sign-in when the page is the callback (?code=...&state=...); true when signed in. */
export async function completeSignIn() {
  const q = new URLSearchParams(location.search);
  if (!q.has('code') && !q.has('error')) return false;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', `${location.pathname}${pending?.hash || ''}`);
  if (!pending || q.get('state') !== pending.state || !q.has('code')) throw new Error('state');
  const answer = await tokenRequest({
    grant_type: 'authorization_code',
    code: q.get('code'),
    redirect_uri: redirectUri(),
    code_verifier: pending.verifier,
  });
  keep(answer, answer.refresh_token);
  return true;
}

async function tokenRequest(params) {
  const response = await fetch(`${config.auth}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: config.clientId, ...params }),
  });
  if (!response.ok) throw new Error(`token ${response.status}`);
  return response.json();
}

function keep(answer, refresh) {
  tokens = {
    access: answer.access_token,
    id: answer.id_token,
    refresh,
    expiresAt: Date.now() + answer.expires_in * 1000,
  };
  sessionStorage.setItem(TOKENS, JSON.stringify(tokens));
  schedule();
  onChange();
}

// refreshed a minute before expiry (or at once when that moment has passed)
function schedule() {
  clearTimeout(refreshTimer);
  const wait = Math.max(0, tokens.expiresAt - Date.now() - 60_000);
  refreshTimer = setTimeout(() => refresh().catch(() => drop()), wait);
}

export async function refresh() {
  if (!tokens?.refresh) throw new Error('no refresh token');
  const answer = await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh });
  keep(answer, tokens.refresh);
}

function drop() {
  clearTimeout(refreshTimer);
  tokens = null;
  sessionStorage.removeItem(TOKENS);
  onChange();
}

export async function signOut() {
  const refreshToken = tokens?.refresh;
  drop();
  if (refreshToken) {
    try {
      await fetch(`${config.auth}/oauth2/revoke`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ client_id: config.clientId, token: refreshToken }),
      });
    } catch {
      // the session ends here either way; the refresh token would only expire later
    }
  }
  const q = new URLSearchParams({ client_id: config.clientId, logout_uri: redirectUri() });
  location.assign(`${config.auth}/logout?${q}`);
}

export function accessToken() {
  return tokens?.access ?? null;
}

function claims(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0))));
  } catch {
    return {};
  }
}

/** Who is signed in and what the groups in the access token let them do. */
export function user() {
  if (!tokens) return null;
  const access = claims(tokens.access);
  const id = claims(tokens.id);
  const groups = access['cognito:groups'] || [];
  const role = groups.includes('admins') ? 'admins' : groups.includes('editors') ? 'editors' : 'writers';
  return {
    name: id.name || access.username || id['cognito:username'] || '',
    role,
    canPublish: role !== 'writers',
  };
}

/** After a 401: one refresh, then the caller retries; false when the session is gone. */
export async function recover() {
  try {
    await refresh();
    return true;
  } catch {
    drop();
    return false;
  }
}
