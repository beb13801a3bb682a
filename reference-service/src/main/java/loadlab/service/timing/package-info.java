/**
 * Where a request's time went, as the service tells its clients: the W3C {@code Server-Timing}
 * header, one entry per building-block call. Apart from {@code http} (which sends it), the block
 * boundary (which times each call) and the read path (which fans out), so none of them depends on
 * another for it.
 */
package loadlab.service.timing;
