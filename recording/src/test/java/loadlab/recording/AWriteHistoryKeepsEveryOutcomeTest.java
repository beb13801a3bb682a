package loadlab.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code writes.jsonl} read back as written: each write folded from its invoke and completion, ids
 * answered or chosen, text escaped; a last line cut short by a kill leaves its write open (unknown),
 * a garbled line in the middle is a damaged file; a run without writes has no history.
 */
class AWriteHistoryKeepsEveryOutcomeTest {
    @TempDir
    Path dir;

    @Test
    void everyOutcomeReadsBackAsWritten() {
        try (WriteLog log = new WriteLog(dir)) {
            long a = log.invoke("post", "POST", "/users/1/posts", null, null);
            long b = log.invoke("put", "PUT", "/keys/\"q\"", "\"q\"", "/keys/\"q\"");
            long c = log.invoke("post", "POST", "/users/2/posts", null, null);
            long d = log.invoke("post", "POST", "/users/3/posts", null, null);
            log.ok(a, "post", "17", 201, "/posts/17", null);
            log.info(b, "put", "\"q\"", 0, "/keys/\"q\"", "no answer");
            log.fail(c, "post", null, 422, null, "HTTP 422");
            log.ok(d, "post", null, 201, null, "the answer has no id at $.id");
            assertEquals(4, log.attempted());
        }
        WriteHistory h = WriteHistory.read(dir);
        assertEquals(8, h.ops().size());
        List<WriteHistory.Write> w = h.writes();
        assertEquals(WriteHistory.Outcome.OK, w.get(0).outcome());
        assertEquals("17", w.get(0).id());
        assertEquals("/posts/17", w.get(0).verify());
        assertEquals("POST /users/1/posts", w.get(0).request());
        assertEquals(WriteHistory.Outcome.INFO, w.get(1).outcome());
        assertEquals("\"q\"", w.get(1).id(), "escaped and read back");
        assertEquals(WriteHistory.Outcome.FAIL, w.get(2).outcome());
        assertNull(w.get(3).id(), "acknowledged without an id");
        assertEquals(2, h.count(WriteHistory.Outcome.OK));
    }

    @Test
    void aLastLineCutShortLeavesItsWriteOpenAndUnknown() throws Exception {
        try (WriteLog log = new WriteLog(dir)) {
            long a = log.invoke("put", "PUT", "/keys/1", "1", "/keys/1");
            log.ok(a, "put", "1", 200, "/keys/1", null);
            log.invoke("put", "PUT", "/keys/2", "2", "/keys/2");
        }
        Files.writeString(dir.resolve(WriteLog.FILE), "{\"index\":3,\"type\":\"ok\",\"f\":\"pu", StandardOpenOption.APPEND);
        WriteHistory h = WriteHistory.read(dir);
        assertEquals(2, h.writes().size());
        assertEquals(WriteHistory.Outcome.INFO, h.writes().get(1).outcome(), "still open when the injector died: unknown, never lost");
        assertEquals("/keys/2", h.writes().get(1).verify(), "a chosen id can still be looked for");
    }

    @Test
    void aGarbledLineOrACompletionWithoutItsInvokeIsADamagedFile() throws Exception {
        Files.writeString(dir.resolve(WriteLog.FILE), "{\"index\":0,\"type\":\"ok\",\"f\":\"post\",\"value\":1,\"process\":1,\"time\":5}\n",
                StandardCharsets.UTF_8);
        DamagedRunException e = assertThrows(DamagedRunException.class, () -> WriteHistory.read(dir));
        assertTrue(e.getMessage().contains("completes write 1, which is not open"), e.getMessage());
        Files.writeString(dir.resolve(WriteLog.FILE), "not json\n{}\n", StandardCharsets.UTF_8);
        assertTrue(assertThrows(DamagedRunException.class, () -> WriteHistory.read(dir)).getMessage().contains("line 1"));
    }

    @Test
    void aRunWithoutWritesHasNoHistory() {
        new WriteLog(dir).close();
        assertNull(WriteHistory.read(dir));
    }

    @Test
    void theJepsenExportAddsEachWriteAndReadsThePresentOnes() throws Exception {
        try (WriteLog log = new WriteLog(dir)) {
            long a = log.invoke("post", "POST", "/p", null, null);
            log.ok(a, "post", "9", 201, "/p/9", null);
            long b = log.invoke("post", "POST", "/p", null, null);
            log.info(b, "post", null, 503, null, "HTTP 503");
        }
        Path json = dir.resolve("h.json");
        JepsenHistory.write(json, WriteHistory.read(dir), Set.of(1L));
        String text = Files.readString(json);
        assertTrue(text.startsWith("[{\"type\":\"invoke\",\"f\":\"add\",\"value\":1,\"process\":1,"), text);
        assertTrue(text.contains("{\"type\":\"info\",\"f\":\"add\",\"value\":2,"), text);
        assertTrue(text.contains("{\"type\":\"ok\",\"f\":\"read\",\"value\":[1],\"process\":3,"), text);
        assertThrows(IllegalArgumentException.class, () -> JepsenHistory.Format.of(dir.resolve("h.txt")));
    }
}
