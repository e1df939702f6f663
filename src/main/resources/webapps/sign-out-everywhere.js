/*
 * Cockpit's and Admin's "Sign out" (a POST to .../auth/user/<engine>/logout) leads on to our own sign-out,
 * /sso/logout: with single sign-on it ends the session at the district's identity provider too (README, "Set up
 * your district"); without it, it leads back to Tasklist's sign-in. Tasklist does the same in clear-drafts.js.
 * Loaded by scripts/config.js as a custom script (served by engine/WebappOverrides); it exports no plugin.
 */
const LOGOUT = /\/auth\/user\/[^/]+\/logout$/;

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  const path = String(url).split('?')[0];
  if (String(method).toUpperCase() === 'POST' && LOGOUT.test(path)) {
    this.addEventListener('loadend', () => window.location.assign('/sso/logout'));
  }
  return open.call(this, method, url, ...rest);
};
