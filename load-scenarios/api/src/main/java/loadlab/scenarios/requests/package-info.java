/**
 * Request files and the single request of {@code --target}: what a workload sends and how its
 * answers are judged (checks, extractions, sequences, variables), read and rendered without a
 * network. The injector's request engine puts each {@link loadlab.scenarios.requests.OutgoingRequest}
 * on the wire and hands each response back as an {@link loadlab.scenarios.requests.Answer}.
 */
package loadlab.scenarios.requests;
