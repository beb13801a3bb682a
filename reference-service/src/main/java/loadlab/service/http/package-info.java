/**
 * The HTTP API: JSON in and out, routing, load shedding, loopback-only administration, and the
 * Jetty front end that puts it on the wire.
 */
package loadlab.service.http;
