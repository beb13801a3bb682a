package loadlab.service.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

import org.eclipse.jetty.io.Content;

/**
 * Reads a request body without blocking a thread: each time content arrives Jetty calls back,
 * and the reader takes what is there and asks to be called again. It keeps at most {@code keep}
 * bytes; a larger body is read on and thrown away up to {@code drain} bytes, so the client, still
 * sending, gets the 413 instead of a reset connection.
 */
final class BodyReader implements Runnable {

    /** The body was larger than allowed; {@code drained} says whether all of it was read (the connection can stay open). */
    static final class TooLarge extends RuntimeException {
        final boolean drained;

        TooLarge(boolean drained) {
            super("the request body is too large", null, false, false);
            this.drained = drained;
        }
    }

    private final Content.Source source;
    private final int keep;
    private final long drain;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> done = new CompletableFuture<>();
    private long total;

    private BodyReader(Content.Source source, int keep, long drain) {
        this.source = source;
        this.keep = keep;
        this.drain = drain;
    }

    static CompletableFuture<byte[]> read(Content.Source source, int keep, long drain) {
        BodyReader reader = new BodyReader(source, keep, drain);
        reader.run();
        return reader.done;
    }

    @Override
    public void run() {
        while (true) {
            Content.Chunk chunk = source.read();
            if (chunk == null) {
                source.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                done.completeExceptionally(chunk.getFailure());
                return;
            }
            ByteBuffer bytes = chunk.getByteBuffer();
            int n = bytes.remaining();
            total += n;
            if (total <= keep) {
                byte[] copy = new byte[n];
                bytes.get(copy);
                kept.write(copy, 0, n);
            }
            boolean last = chunk.isLast();
            chunk.release();
            if (total > drain) {
                done.completeExceptionally(new TooLarge(false));
                return;
            }
            if (last) {
                if (total > keep) done.completeExceptionally(new TooLarge(true));
                else done.complete(kept.toByteArray());
                return;
            }
        }
    }
}
