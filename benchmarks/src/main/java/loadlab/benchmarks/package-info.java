/**
 * JMH microbenchmarks of the hot data paths: the reference service's building blocks and
 * loadlab's own recording path. Packages mirror the code they measure.
 * The benchmarks arrive with the benchmarks issue.
 */
package loadlab.benchmarks;
