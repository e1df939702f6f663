// Calls to our API with the staff member's HTTP Basic credentials. They are kept in sessionStorage
// only: the tab forgets them when it closes, and signing out forgets them at once. With single sign-on the
// district's provider signed the person in: the calls then carry the session cookie instead (SESSION).

const KEY = 'support-plans.dashboard.authorization';
const API = new URL('../api/', document.baseURI);
const SESSION = 'session';

/** An answer other than 2xx, with the message of its problem+json body (RFC 9457). */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export function signedIn() {
  return sessionStorage.getItem(KEY) !== null;
}

export function forget() {
  sessionStorage.removeItem(KEY);
}

/** Whether the person was signed in by the district's provider (signing out then ends that session too). */
export function viaProvider() {
  return sessionStorage.getItem(KEY) === SESSION;
}

/** Whether the service signs staff in with the district's provider. */
export async function providerEnabled() {
  try {
    const response = await fetch(new URL('../sso/status', document.baseURI), { credentials: 'omit', cache: 'no-store' });
    return response.ok && (await response.json()).enabled === true;
  } catch {
    return false;
  }
}

/** Signed in already by the district's provider (its session): who we are; keeps that only when the API takes it. */
export async function signInWithProvider() {
  const me = await get('me', {}, SESSION);
  sessionStorage.setItem(KEY, SESSION);
  return me;
}

/** Signs in by asking who we are; keeps the credentials only when the API takes them. */
export async function signIn(userId, password) {
  const authorization = 'Basic ' + base64(`${userId}:${password}`);
  const me = await get('me', {}, authorization);
  sessionStorage.setItem(KEY, authorization);
  return me;
}

/** GET /api/{path}?{query} as JSON; empty query values are left out. */
export async function get(path, query = {}, authorization = sessionStorage.getItem(KEY)) {
  const url = new URL(path, API);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      url.searchParams.set(name, value);
    }
  }
  let response;
  try {
    const basic = authorization && authorization !== SESSION;
    response = await fetch(url, {
      headers: {
        Accept: 'application/json',
        // signed in by the provider's session: a 401 without a Basic challenge, so no browser sign-in dialog
        ...(basic ? { Authorization: authorization } : { 'X-Requested-With': 'XMLHttpRequest' }),
      },
      // no cookies but the provider's session, and never the browser's own sign-in dialog for a 401
      credentials: authorization === SESSION ? 'same-origin' : 'omit',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'The service cannot be reached. Check the connection and try again.');
  }
  if (!response.ok) {
    throw new ApiError(response.status, await problemMessage(response));
  }
  return response.json();
}

/**
 * POST /api/{path} with a JSON body; answers the JSON of the answer. Signed in with a user id and password, the call
 * carries them; signed in by the district's provider, it carries the session cookie and the session's CSRF token,
 * asked for just before (GET /api/csrf-token), without which the service refuses a change.
 */
export async function post(path, body, authorization = sessionStorage.getItem(KEY)) {
  if (!authorization) {
    throw new ApiError(401, 'Sign in to save.');
  }
  const session = authorization === SESSION;
  const headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
  if (session) {
    const csrf = await get('csrf-token', {}, SESSION);
    headers[csrf.headerName] = csrf.token;
  } else {
    headers.Authorization = authorization;
  }
  let response;
  try {
    response = await fetch(new URL(path, API), {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      credentials: session ? 'same-origin' : 'omit',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'The service cannot be reached. Nothing was saved: check the connection and try again.');
  }
  if (!response.ok) {
    throw new ApiError(response.status, await problemMessage(response));
  }
  return response.json();
}

async function problemMessage(response) {
  try {
    const problem = await response.json();
    if (problem.detail || problem.title) {
      return problem.detail || problem.title;
    }
  } catch {
    // not JSON: say what we know
  }
  return `The service answered ${response.status}.`;
}

function base64(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  bytes.forEach((byte) => {
    binary += String.fromCharCode(byte);
  });
  return btoa(binary);
}

/**
 * Wires the page's sign-in form (ids {@code sign-in-form}, {@code user-id}, {@code password}): signs in with the user
 * id and password, then {@code onSignedIn} with who signed in; a missing field or a refusal goes to {@code onError}.
 */
export function onSignInForm(onSignedIn, onError) {
  const $ = (id) => document.getElementById(id);
  $('sign-in-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const userId = $('user-id').value.trim();
    const password = $('password').value;
    if (!userId || !password) {
      onError('Enter your user id and your password.');
      return;
    }
    const button = event.submitter ?? $('sign-in-form').querySelector('button');
    button.disabled = true;
    try {
      const signedInAs = await signIn(userId, password);
      $('password').value = '';
      await onSignedIn(signedInAs);
    } catch (error) {
      onError(error.message);
    } finally {
      button.disabled = false;
    }
  });
}

/**
 * Opens a page: signed in already in this tab, {@code show} who it is (a refusal forgets the sign-in and shows the
 * form with its words); otherwise the sign-in form, and, where the district's provider is set up, its link
 * ({@code sign-in-provider}) and the provider's session if the person is signed in there already (in Tasklist, on
 * another page, or back from that link).
 */
export function openSignedIn({ show, showSignIn, setState }) {
  if (signedIn()) {
    setState('loading');
    get('me').then(show, (error) => {
      forget();
      showSignIn(error.message);
    });
    return;
  }
  showSignIn();
  providerEnabled().then((enabled) => {
    if (!enabled) {
      return;
    }
    document.getElementById('sign-in-provider').hidden = false;
    signInWithProvider().then(show, () => {});
  });
}
