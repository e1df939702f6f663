/*
 * Cockpit's and Admin's configuration, served at /camunda/app/{cockpit,admin}/scripts/config.js in place of the
 * web jar's, which sets nothing (engine/WebappOverrides): Camunda's defaults, plus one custom script,
 * sign-out-everywhere.js.
 */
export default {
  customScripts: ['scripts/sign-out-everywhere'],
};
