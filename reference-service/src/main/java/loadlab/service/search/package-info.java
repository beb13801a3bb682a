/** The full-text search index over posts (Lucene), derived data kept in sync by the indexing consumer. */
package loadlab.service.search;
