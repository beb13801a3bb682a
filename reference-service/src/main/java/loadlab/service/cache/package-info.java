/** The timeline cache: derived, bounded, and kept in sync with the system of record by application code. */
package loadlab.service.cache;
