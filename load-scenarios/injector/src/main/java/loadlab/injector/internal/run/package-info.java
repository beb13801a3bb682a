/** Running a load run: the injector JVM, its progress line, the server-metrics scraper, and Gatling kept offline. */
package loadlab.scenarios.run;
