/*
 * Tasklist's configuration, served at /camunda/app/tasklist/scripts/config.js in place of the web jar's
 * (workflow/TasklistScripts). Camunda's defaults, plus one custom script: clear-drafts.js, which removes
 * the form drafts that "Save" keeps in the browser's local storage when the user signs out (README,
 * "Access").
 */
export default {
  customScripts: ['scripts/clear-drafts'],

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
