/*
 * Tasklist's configuration, served at /camunda/app/tasklist/scripts/config.js in place of the web jar's
 * (engine/WebappOverrides). Camunda's defaults, plus two custom scripts: clear-drafts.js, which removes
 * the form drafts that "Save" keeps in the browser's local storage when the user signs out (README,
 * "Access"), and due-first.js, which lists the tasks due soonest first.
 */
export default {
  customScripts: ['scripts/clear-drafts', 'scripts/due-first'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
