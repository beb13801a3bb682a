/** Seeded data from load parameters: users, a power-law follow graph, posts. */
package loadlab.service.seed;
