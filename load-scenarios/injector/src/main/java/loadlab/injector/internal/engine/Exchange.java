package loadlab.injector.internal.engine;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;

import loadlab.recording.ErrorCause;
import loadlab.recording.ServerTimingHeader;
import loadlab.recording.WriteLog;
import loadlab.scenarios.requests.Answer;
import loadlab.scenarios.requests.OutgoingRequest;
import loadlab.scenarios.requests.WriteSpec;
import loadlab.scenarios.requests.Iteration;
import loadlab.scenarios.requests.RequestTemplate;

/**
 * One keep-alive connection and the request on it: sends, times from the intended start and from
 * the send, judges the answer (its status class, or the request's checks, for which it keeps the
 * headers and body only when a check reads them), and hands the connection back to its
 * {@link Lane}. Everything runs on the connection's event loop, so nothing here is shared between
 * threads.
 */
final class Exchange extends ChannelInboundHandlerAdapter {
    private final Lane lane;
    private Channel channel;
    private boolean busy;
    private long intended;
    private long sent;
    private int status;
    private boolean keepAlive;
    private ScheduledFuture<?> timeout;
    private Iteration iteration;
    private RequestTemplate request;
    private HttpHeaders headers;
    private byte[] body;
    private int bodyLength;
    private boolean bodyTooLarge;
    private long write = -1;
    private String serverTiming;

    Exchange(Lane lane) {
        this.lane = lane;
    }

    void attach(Channel c) {
        this.channel = c;
    }

    void close() {
        channel.close();
    }

    /** Sends the next request of {@code walk}, or the first of a new arrival's walk when it is null. */
    void send(long intendedNanos, Iteration walk) {
        busy = true;
        intended = intendedNanos;
        status = 0;
        keepAlive = true;
        headers = null;
        serverTiming = null;
        bodyLength = 0;
        bodyTooLarge = false;
        iteration = walk != null ? walk : lane.newIteration();
        request = iteration.current();
        OutgoingRequest out = iteration.render();
        FullHttpRequest r = lane.build(out);
        WriteSpec w = request.write();
        WriteLog log = lane.writes();
        write = w == null || log == null ? -1 : w.invoke(log, request.name(), out.method(), out.target(), iteration::value);
        sent = System.nanoTime();
        channel.writeAndFlush(r, channel.voidPromise());
        timeout = channel.eventLoop().schedule(this::timedOut, lane.timeoutNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpResponse r) {
                status = r.status().code();
                keepAlive = HttpUtil.isKeepAlive(r);
                serverTiming = r.headers().get(ServerTimingHeader.NAME);
                if (busy && request.needsHeaders()) headers = r.headers();
            }
            if (msg instanceof HttpContent c && busy && request.needsBody()) keep(c.content());
            if (msg instanceof LastHttpContent && busy) {
                long end = System.nanoTime();
                timeout.cancel(false);
                busy = false;
                Answer answer = request.judgesOnlyTheStatusClass() && (write < 0 || !request.write().needsBody()) ? null
                        : new Answer(status, headers == null ? null : headers::get, body, bodyLength, bodyTooLarge);
                ErrorCause cause = request.judgesOnlyTheStatusClass() ? ErrorCause.ofStatus(status)
                        : request.judge(answer, lane.checkSink(intended), iteration.extracted(), iteration::value);
                wrote(status, answer);
                lane.serverTiming(request.tag(), intended, serverTiming);
                if (lane.completed(this, iteration, request, intended, sent, end, cause, keepAlive)) return;
                if (!keepAlive) channel.close();
                else lane.released(this);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void keep(ByteBuf content) {
        int n = content.readableBytes();
        if (n == 0 || bodyTooLarge) return;
        if (bodyLength + n > Answer.MAX_BODY) {
            bodyTooLarge = true;
            return;
        }
        if (body == null || body.length < bodyLength + n) body = Arrays.copyOf(body == null ? new byte[0] : body,
                Math.max(bodyLength + n, body == null ? 1024 : body.length * 2));
        content.getBytes(content.readerIndex(), body, bodyLength, n);
        bodyLength += n;
    }

    /** How the write this request made ended, when it is one. */
    private void wrote(int answered, Answer answer) {
        if (write < 0) return;
        request.write().complete(lane.writes(), write, request.name(), answered, answer, iteration::value);
        write = -1;
    }

    private void timedOut() {
        if (!busy) return;
        busy = false;
        wrote(0, null);
        lane.completed(this, iteration, request, intended, sent, sent + lane.timeoutNanos(), ErrorCause.TIMEOUT, false);
        channel.close(); // an answer may still come: this connection cannot be reused
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (busy) {
            busy = false;
            if (timeout != null) timeout.cancel(false);
            wrote(0, null);
            lane.completed(this, iteration, request, intended, sent, System.nanoTime(), ErrorCause.CONNECTION, false);
        }
        lane.closed(this);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        lane.noteFailure(cause);
        ctx.close();
    }
}
