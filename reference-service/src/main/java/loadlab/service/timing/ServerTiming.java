package loadlab.service.timing;

import java.util.function.Supplier;

import loadlab.service.fault.Block;

/**
 * The W3C {@code Server-Timing} header of one request: an entry per building-block call made on the
 * request's own thread, in order, each with its duration ({@code store;dur=0.412, cache;dur=0.031}),
 * so a client can see which backend call made a request slow. Calls are collected in a thread-local
 * between {@link #begin()} and {@link #end()}; calls made outside a request (the workers) are not,
 * and a request that fans out to other threads takes its timing along ({@link #current()},
 * {@link #attach}) and says how wide it fanned out ({@link #fanout}: {@code fanout;desc=16}).
 */
public final class ServerTiming {
    /** The header's name. */
    public static final String HEADER = "Server-Timing";
    /** More entries than this are left out of one header (a response header stays small). */
    static final int MAX_ENTRIES = 64;

    private static final ThreadLocal<ServerTiming> CURRENT = new ThreadLocal<>();

    private final StringBuilder entries = new StringBuilder(64);
    private int count;

    private ServerTiming() {}

    /** Starts collecting this thread's block calls. */
    public static ServerTiming begin() {
        ServerTiming t = new ServerTiming();
        CURRENT.set(t);
        return t;
    }

    /** Stops collecting; the header's value, or null when no block was called. */
    public synchronized String end() {
        CURRENT.remove();
        return count == 0 ? null : entries.toString();
    }

    /** The timing of the request this thread serves, or null: to hand to the threads it fans out to. */
    public static ServerTiming current() {
        return CURRENT.get();
    }

    /** Runs {@code work} on this thread with its block calls going into {@code timing} (a request's, from another thread). */
    public static <T> T attach(ServerTiming timing, Supplier<T> work) {
        ServerTiming before = CURRENT.get();
        CURRENT.set(timing);
        try {
            return work.get();
        } finally {
            if (before == null) CURRENT.remove();
            else CURRENT.set(before);
        }
    }

    /** The request fanned out to {@code calls} parallel calls: an entry {@code fanout;desc=N}, without a duration. */
    public static void fanout(int calls) {
        ServerTiming t = CURRENT.get();
        if (t != null) t.add("fanout;desc=" + calls);
    }

    /** The request asked {@code calls} of its fanned-out calls a second time: an entry {@code hedge;desc=N}, when N > 0. */
    public static void hedged(int calls) {
        ServerTiming t = CURRENT.get();
        if (t != null && calls > 0) t.add("hedge;desc=" + calls);
    }

    /** One call of {@code block} that took {@code nanos}, on the current request's thread (if any). */
    public static void record(Block block, long nanos) {
        ServerTiming t = CURRENT.get();
        if (t == null) return;
        long micros = Math.max(0, nanos / 1_000);
        long fraction = micros % 1_000;
        // milliseconds with three decimals, without a formatter
        t.add(block.id() + ";dur=" + micros / 1_000 + "." + (fraction < 100 ? (fraction < 10 ? "00" : "0") : "") + fraction);
    }

    /** One entry, from any of the request's threads. */
    private synchronized void add(String entry) {
        if (count >= MAX_ENTRIES) return;
        if (count++ > 0) entries.append(", ");
        entries.append(entry);
    }
}
