/**
 * Results over many commits. A run directory contributes points (one per series and metric, with
 * the commit, branch and time it measured), kept in SQLite by default or PostgreSQL for a team;
 * {@code loadlab history} reads the series back for change-point detection. Reads run directories
 * only through {@code recording}'s model.
 */
package loadlab.history;
