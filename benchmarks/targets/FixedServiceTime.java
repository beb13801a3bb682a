import java.io.*;
import java.net.*;
import java.nio.charset.StandardCharsets;

/**
 * A target whose service time is known exactly, to see what an injector adds to it: an HTTP/1.1
 * keep-alive server on 127.0.0.1 that answers every GET after busy-waiting exactly N µs (a thread
 * per connection, so no queueing at low rates). Run it as a single-file program:
 * {@code java benchmarks/targets/FixedServiceTime.java PORT MICROS}; stop it with Ctrl-C.
 */
public class FixedServiceTime {
    public static void main(String[] a) throws Exception {
        int port = Integer.parseInt(a[0]);
        long spinNanos = Long.parseLong(a[1]) * 1000;
        byte[] resp = ("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: text/plain\r\n\r\nok").getBytes(StandardCharsets.US_ASCII);
        try (ServerSocket ss = new ServerSocket()) {
            ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
            while (true) {
                Socket s = ss.accept();
                s.setTcpNoDelay(true);
                Thread t = new Thread(() -> serve(s, spinNanos, resp));
                t.setDaemon(true);
                t.start();
            }
        }
    }
    static void serve(Socket s, long spin, byte[] resp) {
        try (s; InputStream in = new BufferedInputStream(s.getInputStream(), 8192); OutputStream out = s.getOutputStream()) {
            int state = 0;
            int b;
            while ((b = in.read()) >= 0) {
                // end of headers: \r\n\r\n (GET only; bodies not supported)
                if (b == '\r' && (state == 0 || state == 2)) state++;
                else if (b == '\n' && (state == 1 || state == 3)) state++;
                else state = 0;
                if (state == 4) {
                    state = 0;
                    long start = System.nanoTime();
                    while (System.nanoTime() - start < spin) Thread.onSpinWait();
                    out.write(resp);
                    out.flush();
                }
            }
        } catch (IOException e) { }
    }
}
