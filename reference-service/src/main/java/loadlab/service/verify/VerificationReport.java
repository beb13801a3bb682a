package loadlab.service.verify;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * Whether the service kept its promise for the posts it acknowledged: each is durable in the
 * system of record and visible in every follower's home timeline and in search.
 *
 * @param checkedPosts        how many acknowledged posts were checked (the newest ones)
 * @param missingFromStore    acknowledged post ids the system of record does not have (must be empty)
 * @param missingFromTimelines count of (post, follower) pairs where the post is not in the timeline
 * @param timelineExamples    up to 20 such pairs, as "post:user"
 * @param missingFromSearch   ids of checked posts the search index does not find
 * @param missingPosts        checked posts missing from the store, search or any follower's timeline
 * @param pendingEvents       events not yet applied by the consumers, plus those waiting in the outbox
 * @param converged           nothing missing and nothing pending
 * @param lagMicros           acknowledgement to visible everywhere, microseconds: p50, p99, max
 * @param oldestPendingMicros age of the oldest acknowledged post not yet visible everywhere
 */
public record VerificationReport(long acknowledgedPosts, long checkedPosts, List<Long> missingFromStore,
                                 long missingFromTimelines, List<String> timelineExamples, List<Long> missingFromSearch,
                                 long missingPosts, long pendingEvents, boolean converged, Lag lagMicros, long oldestPendingMicros) {

    public record Lag(long count, long p50, long p99, long max) {}

    // the fields every target's verification endpoint answers, which loadlab run reads after the load

    @JsonProperty("acknowledged")
    public long acknowledged() {
        return acknowledgedPosts;
    }

    @JsonProperty("lost")
    public long lost() {
        return missingFromStore.size();
    }

    @JsonProperty("missing")
    public long missing() {
        return missingPosts;
    }

    @JsonProperty("pending")
    public long pending() {
        return pendingEvents;
    }

    @JsonProperty("convergence_p99_ms")
    public Double convergenceP99Ms() {
        return lagMicros.count() == 0 ? null : lagMicros.p99() / 1000.0;
    }
}
