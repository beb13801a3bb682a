package loadlab.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A verification's verdict is the worse of its two views: a client that lost writes fails a run the
 * restarted service calls clean; writes that could not be read back are never a pass; the file
 * keeps both views and refuses one with neither.
 */
class TheClientsViewOfAVerificationCountsTest {
    @TempDir
    Path dir;

    private static ClientCheck client(long lost, long unreadable, long unexpected) {
        return new ClientCheck("http://127.0.0.1:1", 100, 90, 4, 6, 90 - lost, lost, 0, 2, unexpected, 4, 0, unreadable, 0, null,
                lost == 0 ? List.of() : List.of("post 7"), null);
    }

    @Test
    void theWorseViewDecides() {
        Verification service = Verification.answered("http://127.0.0.1:1/admin/verify", 0.2, 40, 0, 0L, 0L, true, null);
        assertEquals(Verification.Verdict.KEPT, service.withClient(client(0, 0, 0)).verdict());
        Verification lost = service.withClient(client(1, 0, 0));
        assertEquals(Verification.Verdict.LOST, lost.verdict(), "the restarted service knows nothing of the lost write");
        assertEquals(1, lost.lostWrites());
        assertEquals(90, lost.acknowledgedWrites(), "the client saw every acknowledgement");
        assertEquals(Verification.Verdict.UNCHECKED, service.withClient(client(0, 3, 0)).verdict());
        assertEquals(Verification.Verdict.UNEXPECTED, Verification.clientOnly(client(0, 0, 2)).verdict());
        assertTrue(lost.sentence().startsWith("client: 1 of 90 acknowledged writes LOST"), lost.sentence());
    }

    @Test
    void bothViewsAreKeptAndAFileWithNeitherIsDamaged() throws Exception {
        Verification v = Verification.clientOnly(client(1, 0, 0));
        v.write(dir);
        Verification read = Verification.read(dir);
        assertEquals(v, read);
        Files.writeString(dir.resolve(Verification.FILE), "{\"schema\":\"" + Verification.SCHEMA + "\",\"waited_s\":0}");
        assertThrows(DamagedRunException.class, () -> Verification.read(dir));
    }
}
