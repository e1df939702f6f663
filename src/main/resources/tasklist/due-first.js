/*
 * Tasklist lists a filter's tasks newest first unless the address says otherwise; school staff work to
 * deadlines, so the task due soonest comes first: when the address of the task list has no sorting, this
 * script adds "due date, ascending" to it. A sorting the user chooses in Tasklist is kept (it is in the
 * address). Loaded by scripts/config.js as a custom script (served by engine/WebappOverrides).
 */
const DUE_FIRST = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]);

function dueFirst() {
  const hash = window.location.hash;
  if (!hash.startsWith('#/') || hash.startsWith('#/login')) {
    return;
  }
  const query = hash.indexOf('?');
  const path = query < 0 ? hash : hash.substring(0, query);
  const params = new URLSearchParams(query < 0 ? '' : hash.substring(query + 1));
  if (params.has('sorting')) {
    return;
  }
  params.set('sorting', DUE_FIRST);
  window.location.replace(path + '?' + params.toString());
}

window.addEventListener('hashchange', dueFirst);
dueFirst();
