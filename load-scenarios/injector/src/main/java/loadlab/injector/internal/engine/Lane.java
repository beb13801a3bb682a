package loadlab.injector.internal.engine;

import java.util.ArrayDeque;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.util.concurrent.ScheduledFuture;

import loadlab.recording.ErrorCause;
import loadlab.recording.RunRecorder;
import loadlab.recording.WriteLog;
import loadlab.scenarios.requests.Iteration;
import loadlab.scenarios.requests.OutgoingRequest;
import loadlab.scenarios.requests.RequestMix;
import loadlab.scenarios.requests.RequestTemplate;

/**
 * One event loop's share of a run: its arrivals, paced on the loop's nanosecond timer, and its
 * connection pool. An arrival takes an idle connection, or opens one while the pool is below its
 * size, or else waits in line; the wait is counted in its response time (which runs from the
 * intended start) and recorded as blocked time ({@link RunRecorder#recordBlocked}). Confined to its
 * event loop: no locks.
 */
final class Lane implements Runnable {
    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final Function<Exchange, ChannelHandler> pipeline;
    private final ArrivalClock clock;
    private long zeroNanos;
    private long endNanos;
    private final int poolSize;
    private final RequestMix mix;
    private final SplittableRandom random;
    private final String hostHeader;
    private final String userAgent;
    private final long timeoutNanos;
    private final RunRecorder recorder;
    private final boolean closedModel;

    private final ArrayDeque<Exchange> idle = new ArrayDeque<>();
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private final CompletableFuture<Lane> done = new CompletableFuture<>();
    private int open;
    private int inFlight;
    private long connectionsOpened;
    private long next = -1;
    private boolean scheduleOver;
    private volatile boolean stopped;
    private volatile Throwable lastFailure;

    /** An arrival (or the next request of one's sequence, when its connection closed) waiting for a connection. */
    private record Pending(long intended, long fired, Iteration iteration) {}

    Lane(EventLoop loop, Bootstrap bootstrap, Function<Exchange, ChannelHandler> pipeline, ArrivalClock clock, long zeroNanos, long endNanos, int poolSize, RequestMix mix,
         long seed, String hostHeader, String userAgent, long timeoutNanos, RunRecorder recorder) {
        this.loop = loop;
        this.bootstrap = bootstrap;
        this.pipeline = pipeline;
        this.clock = clock;
        this.zeroNanos = zeroNanos;
        this.endNanos = endNanos;
        this.poolSize = poolSize;
        this.mix = mix;
        this.random = new SplittableRandom(seed);
        this.hostHeader = hostHeader;
        this.userAgent = userAgent;
        this.timeoutNanos = timeoutNanos;
        this.recorder = recorder;
        this.closedModel = clock == null;
    }

    /** Opens the pool before time zero, so the first second is not a storm of connects. */
    CompletableFuture<Void> warmPool() {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        loop.execute(() -> {
            int[] pending = {poolSize};
            for (int i = 0; i < poolSize; i++) {
                connect().addListener(f -> {
                    if (--pending[0] == 0) ready.complete(null);
                });
            }
        });
        return ready;
    }

    /** Time zero, fixed once the pool is open (before {@link #start}). */
    void moveZero(long zero, long end) {
        this.zeroNanos = zero;
        this.endNanos = end;
    }

    /** Starts pacing; completes {@link #done()} when the schedule is over and every request has its answer. */
    void start() {
        ScheduledFuture<?> sweep = loop.scheduleAtFixedRate(this::expireWaiting, 100, 100, TimeUnit.MILLISECONDS);
        done.whenComplete((lane, failure) -> sweep.cancel(false));
        loop.execute(() -> {
            if (closedModel) {
                for (Exchange e : new ArrayDeque<>(idle)) {
                    idle.remove(e);
                    released(e);
                }
                scheduleOver = true;
                loop.schedule(this::finishIfIdle, Math.max(0, endNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
                return;
            }
            long offset = clock.next();
            next = offset < 0 ? -1 : zeroNanos + offset;
            run();
        });
    }

    @Override
    public void run() {
        if (stopped) return;
        long now = System.nanoTime();
        while (next >= 0 && next - now <= 0) {
            arrive(next, now);
            long offset = clock.next();
            next = offset < 0 ? -1 : zeroNanos + offset;
        }
        if (next >= 0) loop.schedule(this, next - now, TimeUnit.NANOSECONDS);
        else {
            scheduleOver = true;
            finishIfIdle();
        }
    }

    private void arrive(long intended, long fired) {
        recorder.recordLag(intended, fired);
        inFlight++;
        Exchange e = idle.pollFirst();
        if (e != null) {
            e.send(intended, null);
            return;
        }
        waiting.addLast(new Pending(intended, fired, null));
        if (open < poolSize) connect();
    }

    private ChannelFuture connect() {
        open++;
        connectionsOpened++;
        Exchange exchange = new Exchange(this);
        ChannelFuture f = bootstrap.clone(loop).handler(pipeline.apply(exchange)).connect();
        exchange.attach(f.channel());
        f.addListener(result -> {
            if (result.isSuccess()) {
                released(exchange);
            } else {
                noteFailure(result.cause());
                open--;
                Pending first = waiting.pollFirst();
                if (first != null) {
                    long now = System.nanoTime();
                    inFlight--;
                    record(requestOf(first), first.intended(), now, now, ErrorCause.CONNECTION);
                    if (!waiting.isEmpty() && open < poolSize) connect();
                }
                finishIfIdle();
            }
        });
        return f;
    }

    /** A connection is free: the longest-waiting arrival takes it, or it goes idle. */
    void released(Exchange e) {
        if (closedModel) {
            if (!stopped && System.nanoTime() - endNanos < 0) {
                inFlight++;
                e.send(System.nanoTime(), null);
            } else {
                idle.addLast(e);
                finishIfIdle();
            }
            return;
        }
        Pending first = waiting.pollFirst();
        if (first == null) {
            idle.addLast(e);
            return;
        }
        long now = System.nanoTime();
        if (first.iteration() == null) recorder.recordBlocked(first.intended(), now - first.fired());
        e.send(first.intended(), first.iteration());
    }

    /**
     * An arrival that has waited for a connection as long as the request timeout is a timeout,
     * recorded at that value: a target that holds every connection cannot make the line, or the
     * run, last for ever.
     */
    private void expireWaiting() {
        long now = System.nanoTime();
        boolean any = false;
        for (Pending first; (first = waiting.peekFirst()) != null && now - first.fired() >= timeoutNanos; ) {
            waiting.pollFirst();
            inFlight--;
            long gaveUp = first.fired() + timeoutNanos;
            if (first.iteration() == null) recorder.recordBlocked(first.intended(), timeoutNanos);
            record(requestOf(first), first.intended(), gaveUp, gaveUp, ErrorCause.TIMEOUT);
            any = true;
        }
        if (any) finishIfIdle();
    }

    /**
     * A request has its answer (or its failure). When it succeeded and its sequence has a next
     * request, that request is intended now, when a user would send it: on the same connection if
     * it stays open (returns true: the exchange is taken), else first in line for a connection. A
     * failed request ends its sequence: the requests after it would lack what it was to provide.
     */
    boolean completed(Exchange e, Iteration iteration, RequestTemplate request, long intended, long sent, long end, ErrorCause cause,
                      boolean reusable) {
        record(request, intended, sent, end, cause);
        if (cause == null && iteration.advance() && !stopped) {
            if (reusable) {
                e.send(end, iteration);
                return true;
            }
            waiting.addFirst(new Pending(end, end, iteration));
            return false;
        }
        inFlight--;
        finishIfIdle();
        return false;
    }

    /** The template a waiting entry stands for: its sequence's next request, or a pick for an arrival not yet begun. */
    private RequestTemplate requestOf(Pending p) {
        return p.iteration() != null ? p.iteration().current() : mix.pick(random);
    }

    Iteration newIteration() {
        return mix.start(random);
    }

    FullHttpRequest build(OutgoingRequest request) {
        return HttpEncoding.encode(request, hostHeader, userAgent);
    }

    /** A response's {@code Server-Timing} header (or null), into the run's per-entry histograms. */
    void serverTiming(String tag, long intended, String header) {
        recorder.recordServerTiming(tag, intended, header);
    }

    /** Where writes are recorded; null when the run records none. */
    WriteLog writes() {
        return recorder.writes();
    }

    /** Where the checks of a request intended at {@code intended} are counted. */
    RequestTemplate.CheckSink checkSink(long intended) {
        return (tag, check, failure) -> recorder.recordCheck(tag, check, intended, failure);
    }

    private void record(RequestTemplate request, long intended, long sent, long end, ErrorCause cause) {
        recorder.record(request.tag(), intended, sent, end, cause);
    }

    void closed(Exchange e) {
        open--;
        idle.remove(e);
        if (!waiting.isEmpty() && open < poolSize && !stopped) connect();
        finishIfIdle();
    }

    private void finishIfIdle() {
        if ((scheduleOver || stopped) && inFlight == 0 && waiting.isEmpty() && !done.isDone()) {
            if (closedModel && System.nanoTime() - endNanos < 0 && !stopped) return;
            done.complete(this);
        }
    }

    /** Stops pacing; what is in flight still gets its answer or its timeout. */
    void stop() {
        stopped = true;
        loop.execute(() -> {
            long now = System.nanoTime();
            for (Pending w; (w = waiting.pollFirst()) != null; ) {
                inFlight--;
                record(requestOf(w), w.intended(), now, now, ErrorCause.CONNECTION);
            }
            finishIfIdle();
        });
    }

    void closeAll() {
        loop.execute(() -> {
            for (Exchange e : idle) e.close();
        });
    }

    long timeoutNanos() {
        return timeoutNanos;
    }

    void noteFailure(Throwable t) {
        lastFailure = t;
    }

    Throwable lastFailure() {
        return lastFailure;
    }

    CompletableFuture<Lane> done() {
        return done;
    }

    long connectionsOpened() {
        return connectionsOpened;
    }
}
