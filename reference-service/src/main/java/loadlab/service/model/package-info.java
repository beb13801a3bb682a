/** The values every building block shares: users, posts, timeline entries and the events between them. */
package loadlab.service.model;
