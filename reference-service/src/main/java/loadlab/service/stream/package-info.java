/** The stream of writes consumed asynchronously by the fan-out worker and the indexer. */
package loadlab.service.stream;
