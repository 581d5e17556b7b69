/**
 * Community questions: suggested in a form, checked like a pack file, approved or rejected by
 * admins, and kept as the team's pack in the database (exported as a pack file).
 */
package dev.sparring.suggest;
