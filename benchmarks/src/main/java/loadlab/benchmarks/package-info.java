/**
 * JMH microbenchmarks of the hot data paths, one {@code XxxBenchmark} per subject, in packages
 * that mirror the code they measure: the reference service's building blocks
 * ({@code service.*}) and loadlab's own recording path ({@code recording}). Implementations under
 * comparison are {@code @Param}s; every result is returned or has a side effect JMH cannot remove.
 * Run them with {@code bin/loadlab bench} (or {@code java -jar benchmarks/target/benchmarks.jar}).
 */
package loadlab.benchmarks;
