package loadlab.injector.internal.gatling;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.bodyBytes;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.function.Function;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import loadlab.recording.ErrorCause;
import loadlab.recording.RequestName;
import loadlab.recording.RunRecorder;
import loadlab.recording.ServerTimingHeader;
import loadlab.scenarios.Timing;
import loadlab.scenarios.requests.Answer;
import loadlab.scenarios.requests.WriteSpec;

/**
 * The bridge from a Gatling request to {@code recording}. Gatling times in whole milliseconds and
 * keeps no intended start, so each user first looks up its intended start in the {@link Schedule}
 * (recording how late it actually began), and each request is wrapped between two steps timed with
 * {@link System#nanoTime()}: response time from the intended start, service time from the send.
 * The status is saved rather than checked, so loadlab classifies errors itself, by cause. The
 * journey's own checks count: each is counted by name ({@link CountedCheck}), and a response that
 * answered with a success status but failed one is a failure with cause {@code check}.
 */
public final class GatlingTiming implements Timing {
    static final String INTENDED = "loadlab.intended";
    /** Set by {@link #arrive()}: the user is part of the warm-up and none of its requests are counted. */
    static final String WARMUP = "loadlab.warmup";
    static final String SENT = "loadlab.sent";
    static final String STATUS = "loadlab.status";
    static final String BODY = "loadlab.body";
    static final String TIMING = "loadlab.server-timing";
    static final String WRITE = "loadlab.write";

    private final RunRecorder recorder;
    private final Schedule schedule;
    private final long timeoutNanos;

    /** @param schedule null for a closed model, where a request is intended when its user starts it */
    public GatlingTiming(RunRecorder recorder, Schedule schedule, long timeoutNanos) {
        this.recorder = recorder;
        this.schedule = schedule;
        this.timeoutNanos = timeoutNanos;
    }

    /** The first step of every user: fixes its intended start and records the lag. */
    public ChainBuilder arrive() {
        return exec(session -> {
            long now = System.nanoTime();
            long scheduled = schedule == null ? now : schedule.intendedNanos(session.userId(), now);
            if (scheduled < 0) scheduled = now;
            boolean warmup = schedule != null && schedule.inWarmup(session.userId());
            if (!warmup) recorder.recordLag(scheduled, now);
            // never after the actual start: a response is never shorter than its service time
            return session.set(INTENDED, Math.min(scheduled, now)).set(WARMUP, warmup);
        });
    }

    /** One timed request under a name; a closed-model user's next request is intended when it is sent. */
    public ChainBuilder request(String name, HttpRequestActionBuilder request) {
        return timed(name, request, null);
    }

    /** A timed request that writes: its attempt and outcome go to the run's write history too. */
    public ChainBuilder write(String name, HttpRequestActionBuilder request, WriteSpec write) {
        return timed(name, request, recorder.writes() == null ? null : write);
    }

    private ChainBuilder timed(String name, HttpRequestActionBuilder request, WriteSpec write) {
        String tag = RequestName.tag(name);
        HttpRequestActionBuilder checked = CountedCheck.counting(request, recorder, tag).check(status().saveAs(STATUS),
                header(ServerTimingHeader.NAME).optional().saveAs(TIMING));
        if (write != null && write.needsBody()) checked = checked.check(bodyBytes().saveAs(BODY));
        return exec(session -> {
            long now = System.nanoTime();
            Session started = session.contains(INTENDED) ? session : session.set(INTENDED, now);
            if (write != null) started = started.set(WRITE, write.invoke(recorder.writes(), name, null, null, chosen(session)));
            return started.set(SENT, now).remove(STATUS).remove(BODY).remove(TIMING);
        })
                .exec(checked)
                .exec(session -> {
                    long end = System.nanoTime();
                    long sent = session.getLong(SENT);
                    long intended = session.getLong(INTENDED);
                    ErrorCause cause;
                    if (session.contains(STATUS)) {
                        cause = ErrorCause.ofStatus(session.getInt(STATUS));
                        if (cause == null && session.isFailed()) cause = ErrorCause.CHECK;
                    } else cause = end - sent >= timeoutNanos - 5_000_000 ? ErrorCause.TIMEOUT : ErrorCause.CONNECTION;
                    if (!(session.contains(WARMUP) && session.getBoolean(WARMUP))) {
                        recorder.record(tag, intended, sent, end, cause);
                        if (session.contains(TIMING)) recorder.recordServerTiming(tag, intended, session.getString(TIMING));
                    }
                    if (write != null) {
                        int status = session.contains(STATUS) ? session.getInt(STATUS) : 0;
                        byte[] body = session.contains(BODY) ? session.get(BODY) : null;
                        write.complete(recorder.writes(), session.getLong(WRITE), name, status,
                                body == null ? null : new Answer(status, null, body, body.length, false), chosen(session));
                    }
                    return session.markAsSucceeded().remove(INTENDED).remove(WRITE).remove(BODY).remove(TIMING);
                });
    }

    /** The journey's chosen write id and value, as the write's {@code ${id}} and {@code ${value}}. */
    private static Function<String, String> chosen(Session session) {
        return place -> {
            String attribute = WriteSpec.ID.equals(place) ? WRITE_ID : WriteSpec.VALUE.equals(place) ? WRITE_VALUE : null;
            return attribute != null && session.contains(attribute) ? session.getString(attribute) : null;
        };
    }
}
