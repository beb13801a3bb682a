package loadlab.benchmarks.engine;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.util.ReferenceCountUtil;

import loadlab.recording.RunRecorder;
import loadlab.injector.internal.engine.ArrivalClock;
import loadlab.injector.internal.engine.HttpEncoding;
import loadlab.scenarios.requests.Iteration;
import loadlab.scenarios.requests.RequestFile;
import loadlab.scenarios.requests.RequestMix;
import loadlab.scenarios.requests.RequestTemplate;

/**
 * What the request engine spends on one request, apart from the system calls: the next arrival
 * of the schedule, the request drawn from its mix (variables substituted), encoded by Netty's
 * HTTP/1.1 codec, a 100-byte response decoded, and the result recorded. {@code mix=get} is the
 * {@code --target} case; {@code mix=file} a request file with a Zipf, a counter and a CSV row in
 * path, header and body. Run on an {@link EmbeddedChannel}, so the figure is CPU per request,
 * which bounds the engine's requests per CPU-second from above.
 *
 * <p>Run: {@code bin/loadlab bench --include RequestPath}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RequestPathBenchmark {
    private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100\r\n\r\n" + "x".repeat(100))
            .getBytes(StandardCharsets.US_ASCII);

    @Param({"get", "file"})
    public String mix;

    private RequestMix requests;
    private ArrivalClock clock;
    private EmbeddedChannel channel;
    private final SplittableRandom random = new SplittableRandom(42);
    private final RunRecorder recorder = new RunRecorder(0);
    private final ByteBuf response = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(RESPONSE));

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        URI target = URI.create("http://127.0.0.1:8080/");
        if (mix.equals("get")) {
            requests = RequestMix.of(RequestTemplate.get(target));
        } else {
            Path dir = Files.createTempDirectory("loadlab-bench");
            Files.writeString(dir.resolve("rows.csv"), "id,name\n1,ada\n2,bob\n3,cy\n");
            Files.writeString(dir.resolve("mix.yaml"), """
                    requests:
                      - {name: read, weight: 9, path: '/users/${user}/timeline?limit=20'}
                      - {name: post, weight: 1, method: POST, path: '/users/${row.id}/posts',
                         headers: {Content-Type: application/json, X-Request: '${n}'}, body: '{"text": "hello ${row.name} ${n}"}'}
                    variables:
                      user: {zipf: {min: 1, max: 10000, exponent: 1.0}}
                      n: {counter: {start: 1}}
                      row: {csv: {file: rows.csv}}
                    """);
            requests = RequestFile.read(dir.resolve("mix.yaml"), target);
        }
        newClock();
        channel = new EmbeddedChannel(new HttpClientCodec());
    }

    private void newClock() {
        long[] perSecond = new long[3600];
        Arrays.fill(perSecond, 100_000);
        clock = new ArrivalClock(perSecond, 0, null, 0, 1);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        channel.finishAndReleaseAll();
    }

    @Benchmark
    public long scheduleOneArrival() {
        long t = clock.next();
        if (t < 0) newClock();
        return t;
    }

    @Benchmark
    public void oneRequest(Blackhole bh) {
        long intended = clock.next();
        if (intended < 0) newClock();
        Iteration arrival = requests.start(random);
        long sent = System.nanoTime();
        channel.writeOutbound(HttpEncoding.encode(arrival.render(), "127.0.0.1:8080", "loadlab/bench"));
        for (Object out; (out = channel.readOutbound()) != null; ) {
            bh.consume(out);
            ReferenceCountUtil.release(out);
        }
        channel.writeInbound(response.duplicate());
        for (Object in; (in = channel.readInbound()) != null; ) {
            bh.consume(in);
            ReferenceCountUtil.release(in);
        }
        long end = System.nanoTime();
        recorder.record(arrival.current().tag(), sent, sent, end, null);
    }
}
