/**
 * Running a load run: the injector JVM, its progress line, the fault runner, the server-metrics
 * scraper, the durability check, and Gatling kept offline. Internal to loadlab (the command line
 * starts runs through {@link loadlab.injector.internal.run.RunSpec} and
 * {@link loadlab.injector.internal.run.LoadRun}), not an API for users.
 */
package loadlab.injector.internal.run;
