/** Redis plumbing shared by the Redis timeline cache and the Redis Streams event stream. */
package loadlab.service.redis;
