package loadlab.scenarios.engine;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;

import loadlab.recording.ErrorCause;
import loadlab.recording.RunRecorder;

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
    private final java.util.function.Function<Exchange, io.netty.channel.ChannelHandler> pipeline;
    private final ArrivalClock clock;
    private long zeroNanos;
    private long endNanos;
    private final int poolSize;
    private final RequestMix mix;
    private final java.util.SplittableRandom random;
    private final String hostHeader;
    private final String userAgent;
    private final long timeoutNanos;
    private final RunRecorder recorder;
    private final boolean closedModel;

    private final ArrayDeque<Exchange> idle = new ArrayDeque<>();
    private final ArrayDeque<long[]> waiting = new ArrayDeque<>(); // {intended, fired}
    private final CompletableFuture<Lane> done = new CompletableFuture<>();
    private int open;
    private int inFlight;
    private long connectionsOpened;
    private long next = -1;
    private boolean scheduleOver;
    private volatile boolean stopped;
    private volatile Throwable lastFailure;

    Lane(EventLoop loop, Bootstrap bootstrap, java.util.function.Function<Exchange, io.netty.channel.ChannelHandler> pipeline, ArrivalClock clock, long zeroNanos, long endNanos, int poolSize, RequestMix mix,
         long seed, String hostHeader, String userAgent, long timeoutNanos, RunRecorder recorder) {
        this.loop = loop;
        this.bootstrap = bootstrap;
        this.pipeline = pipeline;
        this.clock = clock;
        this.zeroNanos = zeroNanos;
        this.endNanos = endNanos;
        this.poolSize = poolSize;
        this.mix = mix;
        this.random = new java.util.SplittableRandom(seed);
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
        io.netty.util.concurrent.ScheduledFuture<?> sweep = loop.scheduleAtFixedRate(this::expireWaiting, 100, 100, TimeUnit.MILLISECONDS);
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
            e.send(intended);
            return;
        }
        waiting.addLast(new long[] {intended, fired});
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
                long[] first = waiting.pollFirst();
                if (first != null) {
                    long now = System.nanoTime();
                    inFlight--;
                    record(mix.pick(random), first[0], now, now, ErrorCause.CONNECTION);
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
                e.send(System.nanoTime());
            } else {
                idle.addLast(e);
                finishIfIdle();
            }
            return;
        }
        long[] first = waiting.pollFirst();
        if (first == null) {
            idle.addLast(e);
            return;
        }
        long now = System.nanoTime();
        recorder.recordBlocked(first[0], now - first[1]);
        e.send(first[0]);
    }

    /**
     * An arrival that has waited for a connection as long as the request timeout is a timeout,
     * recorded at that value: a target that holds every connection cannot make the line, or the
     * run, last for ever.
     */
    private void expireWaiting() {
        long now = System.nanoTime();
        boolean any = false;
        for (long[] first; (first = waiting.peekFirst()) != null && now - first[1] >= timeoutNanos; ) {
            waiting.pollFirst();
            inFlight--;
            long gaveUp = first[1] + timeoutNanos;
            recorder.recordBlocked(first[0], timeoutNanos);
            record(mix.pick(random), first[0], gaveUp, gaveUp, ErrorCause.TIMEOUT);
            any = true;
        }
        if (any) finishIfIdle();
    }

    void completed(RequestTemplate request, long intended, long sent, long end, ErrorCause cause) {
        inFlight--;
        record(request, intended, sent, end, cause);
        finishIfIdle();
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
            for (long[] w; (w = waiting.pollFirst()) != null; ) {
                inFlight--;
                record(mix.pick(random), w[0], now, now, ErrorCause.CONNECTION);
            }
            finishIfIdle();
        });
    }

    void closeAll() {
        loop.execute(() -> {
            for (Exchange e : idle) e.close();
        });
    }

    RequestMix.Drawn draw() {
        return mix.draw(random, hostHeader, userAgent);
    }

    static ErrorCause causeOf(RequestTemplate request, int status) {
        if (request.expects(status)) return null;
        ErrorCause c = ErrorCause.ofStatus(status);
        return c != null ? c : ErrorCause.UNEXPECTED_STATUS;
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
