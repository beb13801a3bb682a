/**
 * Home timelines, the seed's scalability example: the read and write paths under each strategy,
 * the asynchronous consumers that keep derived data in step, and the batch job that rebuilds it.
 */
package loadlab.service.timeline;
