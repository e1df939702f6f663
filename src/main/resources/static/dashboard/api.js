// Calls to our API with the staff member's HTTP Basic credentials. They are kept in sessionStorage
// only: the tab forgets them when it closes, and signing out forgets them at once.

const KEY = 'support-plans.dashboard.authorization';
const API = new URL('../api/', document.baseURI);

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
    response = await fetch(url, {
      headers: { Accept: 'application/json', ...(authorization ? { Authorization: authorization } : {}) },
      // no cookies, and never the browser's own sign-in dialog for a 401
      credentials: 'omit',
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
