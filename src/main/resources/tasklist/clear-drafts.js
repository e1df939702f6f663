/*
 * Tasklist's "Save" keeps a draft of a task form in the browser's local storage ("camunda-form:<taskId>"
 * for Camunda Forms, "camForm:<taskId>" for embedded forms): student data that would outlive the session
 * on a shared computer. This script removes every draft
 *   - when the user signs out (Tasklist posts to .../auth/user/<engine>/logout), and
 *   - when Tasklist finds nobody signed in (signed out in Cockpit, or the session ended), and
 *   - when a different user signs in, or is found signed in, in this browser.
 * Loaded by scripts/config.js as a custom script (served by engine/WebappOverrides); it exports no plugin.
 */
const DRAFT_PREFIXES = ['camunda-form:', 'camForm:'];
const OWNER_KEY = 'support-plans:drafts-of';

function clearDrafts() {
  const keys = [];
  for (let i = 0; i < window.localStorage.length; i++) {
    const key = window.localStorage.key(i);
    if (DRAFT_PREFIXES.some((prefix) => key.startsWith(prefix))) {
      keys.push(key);
    }
  }
  keys.forEach((key) => window.localStorage.removeItem(key));
}

// Tasklist saves the open form's draft again when a request fails for want of a session
// ("authentication.login.required"), as it does right after signing out: no drafts are written until
// somebody signs in again.
let signedOut = false;
const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  if (signedOut && DRAFT_PREFIXES.some((prefix) => String(key).startsWith(prefix))) {
    return;
  }
  return setItem.call(this, key, value);
};

function nobodySignedIn() {
  signedOut = true;
  clearDrafts();
  window.localStorage.removeItem(OWNER_KEY);
}

function signedIn(userId) {
  signedOut = false;
  if (!userId) {
    return;
  }
  if (window.localStorage.getItem(OWNER_KEY) !== userId) {
    clearDrafts();
    window.localStorage.setItem(OWNER_KEY, userId);
  }
}

const LOGOUT = /\/auth\/user\/[^/]+\/logout$/;
const USER = /\/auth\/user\/[^/]+(\/login\/[^/]+)?$/;

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  const path = String(url).split('?')[0];
  if (String(method).toUpperCase() === 'POST' && LOGOUT.test(path)) {
    nobodySignedIn();
    // then our own sign-out, which with single sign-on ends the session at the district's provider too
    // (README, "Set up your district"); without it, it leads back to Tasklist's sign-in
    this.addEventListener('loadend', () => window.location.assign('/sso/logout'));
  } else if (USER.test(path)) {
    this.addEventListener('load', () => {
      if (this.status === 404 && !path.includes('/login/')) {
        // nobody signed in (signed out elsewhere, or the session ended): the login page
        nobodySignedIn();
      } else if (this.status === 200) {
        try {
          signedIn(JSON.parse(this.responseText).userId);
        } catch (e) {
          // not the user's JSON: nothing to compare
        }
      }
    });
  }
  return open.call(this, method, url, ...rest);
};
