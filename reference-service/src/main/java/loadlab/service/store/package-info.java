/** The system of record: users, follows and posts, authoritative and durable. */
package loadlab.service.store;
