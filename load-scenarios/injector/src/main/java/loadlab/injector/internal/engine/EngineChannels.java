package loadlab.injector.internal.engine;

import java.nio.channels.spi.SelectorProvider;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.DefaultSelectStrategyFactory;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SelectStrategy;
import io.netty.channel.SelectStrategyFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;

/**
 * The transport: Linux's epoll when Netty's native library loads, Java NIO otherwise; and the
 * pipeline of a connection (TLS when the target is https, then HTTP/1.1).
 */
final class EngineChannels {
    private EngineChannels() {}

    static String transport() {
        return Epoll.isAvailable() ? "epoll" : "nio";
    }

    static EventLoopGroup group(int threads, IdleWait idle) {
        SelectStrategyFactory strategy = idle == IdleWait.SPIN ? EngineChannels::spinning : DefaultSelectStrategyFactory.INSTANCE;
        IoHandlerFactory io = Epoll.isAvailable() ? EpollIoHandler.newFactory(0, strategy)
                : NioIoHandler.newFactory(SelectorProvider.provider(), strategy);
        return new MultiThreadIoEventLoopGroup(threads, io);
    }

    /** Never a blocking select: each turn of the loop polls for I/O without waiting, then runs the tasks and timers now due. */
    private static SelectStrategy spinning() {
        return (selectNow, hasTasks) -> selectNow.get();
    }

    static Bootstrap bootstrap(EventLoopGroup group, String host, int port) {
        Class<? extends Channel> type = Epoll.isAvailable() ? EpollSocketChannel.class : NioSocketChannel.class;
        return new Bootstrap().group(group).channel(type).remoteAddress(host, port)
                .option(ChannelOption.TCP_NODELAY, true).option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000);
    }

    /** TLS for an https target: certificates and the host name verified, unless insecure. */
    static SslContext tls(boolean insecure) {
        try {
            SslContextBuilder b = SslContextBuilder.forClient();
            if (insecure) b.trustManager(InsecureTrustManagerFactory.INSTANCE);
            return b.build();
        } catch (SSLException e) {
            throw new IllegalStateException("TLS could not be set up: " + e.getMessage(), e);
        }
    }

    /** Builds one connection's pipeline. */
    static final class Initializer extends ChannelInitializer<SocketChannel> {
        private final Exchange exchange;
        private final SslContext tls;
        private final String host;
        private final int port;
        private final boolean verifyHost;

        Initializer(Exchange exchange, SslContext tls, String host, int port, boolean verifyHost) {
            this.exchange = exchange;
            this.tls = tls;
            this.host = host;
            this.port = port;
            this.verifyHost = verifyHost;
        }

        @Override
        protected void initChannel(SocketChannel ch) {
            if (tls != null) {
                SslHandler handler = tls.newHandler(ch.alloc(), host, port);
                if (verifyHost) {
                    SSLEngine engine = handler.engine();
                    SSLParameters params = engine.getSSLParameters();
                    params.setEndpointIdentificationAlgorithm("HTTPS");
                    engine.setSSLParameters(params);
                }
                ch.pipeline().addLast(handler);
            }
            ch.pipeline().addLast(new HttpClientCodec(), exchange);
        }
    }
}
