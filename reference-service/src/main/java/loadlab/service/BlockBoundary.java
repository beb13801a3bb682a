package loadlab.service;

import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import loadlab.service.fault.Block;
import loadlab.service.fault.BlockUnavailableException;
import loadlab.service.fault.FaultPlan;
import loadlab.service.timing.ServerTiming;

/**
 * What every call into a building block passes through: the injected fault for that block, then
 * a per-operation timer ({@code block.operation}, tagged block, operation and outcome, with buckets from 10 µs to 5 s), and the
 * request's {@code Server-Timing} entry ({@link ServerTiming}). Wrapping at
 * the interface keeps faults and metrics identical for the embedded and the real backends.
 */
final class BlockBoundary implements InvocationHandler {
    private static final Set<String> EXEMPT = Set.of("close", "window", "toString", "hashCode", "equals");

    /** Fixed buckets keep a scrape small: one histogram per operation, sixteen lines each. */
    private static final Duration[] BUCKETS = LongStream
            .of(10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 1_000_000, 5_000_000)
            .mapToObj(Duration::ofNanos).map(d -> d.multipliedBy(1_000)).toArray(Duration[]::new);

    private final Object target;
    private final Block block;
    private final FaultPlan faults;
    private final MeterRegistry registry;
    private final Map<Method, Timer> successes = new ConcurrentHashMap<>();
    private final Map<Method, Timer> failures = new ConcurrentHashMap<>();

    private BlockBoundary(Object target, Block block, FaultPlan faults, MeterRegistry registry) {
        this.target = target;
        this.block = block;
        this.faults = faults;
        this.registry = registry;
    }

    static <T> T wrap(Class<T> type, T target, Block block, FaultPlan faults, MeterRegistry registry) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                new BlockBoundary(target, block, faults, registry));
        return type.cast(proxy);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (EXEMPT.contains(method.getName())) return call(method, args);
        long start = System.nanoTime();
        boolean ok = false;
        try {
            faults.strike(block, method.getName());
            Object result = call(method, args);
            ok = true;
            Class<?> returned = method.getReturnType();
            if (result != null && returned.isInterface() && returned.getName().startsWith("loadlab.service.")) {
                return Proxy.newProxyInstance(returned.getClassLoader(), new Class<?>[] {returned},
                        new BlockBoundary(result, block, faults, registry)); // e.g. a stream's subscription
            }
            return result;
        } finally {
            String outcome = ok ? "success" : "failure";
            long took = System.nanoTime() - start;
            (ok ? successes : failures).computeIfAbsent(method, m -> timer(m, outcome)).record(took, TimeUnit.NANOSECONDS);
            ServerTiming.record(block, took);
        }
    }

    private Object call(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) {
                throw new BlockUnavailableException(block, io.getMessage(), io);
            }
            throw cause;
        }
    }

    private Timer timer(Method m, String outcome) {
        return Timer.builder("block.operation")
                .description("Time spent in one operation of a building block")
                .tag("block", block.id()).tag("operation", m.getName()).tag("outcome", outcome)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }
}
