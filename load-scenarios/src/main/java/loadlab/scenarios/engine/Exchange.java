package loadlab.scenarios.engine;

import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;

import loadlab.recording.ErrorCause;

/**
 * One keep-alive connection and the request on it: sends, times from the intended start and from
 * the send, classifies the answer, and hands the connection back to its {@link Lane}. Everything
 * runs on the connection's event loop, so nothing here is shared between threads.
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
    private RequestTemplate request;

    Exchange(Lane lane) {
        this.lane = lane;
    }

    void attach(Channel c) {
        this.channel = c;
    }

    void close() {
        channel.close();
    }

    void send(long intendedNanos) {
        busy = true;
        intended = intendedNanos;
        status = 0;
        keepAlive = true;
        RequestMix.Drawn drawn = lane.draw();
        request = drawn.template();
        sent = System.nanoTime();
        channel.writeAndFlush(drawn.request(), channel.voidPromise());
        timeout = channel.eventLoop().schedule(this::timedOut, lane.timeoutNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpResponse r) {
                status = r.status().code();
                keepAlive = HttpUtil.isKeepAlive(r);
            }
            if (msg instanceof LastHttpContent && busy) {
                long end = System.nanoTime();
                timeout.cancel(false);
                busy = false;
                lane.completed(request, intended, sent, end, Lane.causeOf(request, status));
                if (!keepAlive) channel.close();
                else lane.released(this);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void timedOut() {
        if (!busy) return;
        busy = false;
        lane.completed(request, intended, sent, sent + lane.timeoutNanos(), ErrorCause.TIMEOUT);
        channel.close(); // an answer may still come: this connection cannot be reused
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (busy) {
            busy = false;
            if (timeout != null) timeout.cancel(false);
            lane.completed(request, intended, sent, System.nanoTime(), ErrorCause.CONNECTION);
        }
        lane.closed(this);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        lane.noteFailure(cause);
        ctx.close();
    }
}
