/**
 * Shared by the tests of every module and by nothing else (each module takes it in test scope), as
 * Caffeine keeps its test harness beside the library: the end-to-end tag ({@link loadlab.testkit.EndToEnd}),
 * run directories built through recording's own writers ({@link loadlab.testkit.FixtureRun},
 * {@link loadlab.testkit.BenchFixture}), and the loopback targets tests drive load at. recording's
 * own tests cannot use it (testkit is built on recording), so they keep their small RunFixture.
 */
package loadlab.testkit;
