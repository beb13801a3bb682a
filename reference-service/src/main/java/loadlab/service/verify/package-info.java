/** Correctness after a run: nothing acknowledged is lost, and how long convergence took. */
package loadlab.service.verify;
