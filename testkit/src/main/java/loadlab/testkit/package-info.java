/**
 * Shared by the tests of every module and by nothing else (each module takes it in test scope):
 * Caffeine keeps its test harness beside the library in the same way.
 */
package loadlab.testkit;
