/**
 * The reference service: the seed's data-intensive application as a target for loadlab. A social
 * network's home timeline stitched together by application code from a system of record, a
 * timeline cache, a full-text search index, a stream of new posts with asynchronous consumers, and a
 * batch job that rebuilds the derived data. Every building block has an embedded default and a real
 * backend behind the same interface, so the same measurements run on a bare machine and against
 * PostgreSQL and Redis. It is a separate system: nothing in it knows loadlab.
 */
package loadlab.service;
