package loadlab.cli;

import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

/** {@code serve} on a port another process holds: one sentence and exit 2, not "internal error". */
class ServeRefusesAPortInUseTest {
    @Test
    void aPortInUseIsOneSentence() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();
            CliRun.execute("serve", "--port", Integer.toString(port), "--users", "10")
                    .assertRefusedWithOneSentence("port " + port + " is in use; pick another with --port");
        }
    }
}
