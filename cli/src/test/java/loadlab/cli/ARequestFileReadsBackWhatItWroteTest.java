package loadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import loadlab.recording.CheckCount;
import loadlab.recording.RunDirectory;
import loadlab.recording.Summary;
import loadlab.testkit.EndToEnd;

/**
 * Against the reference service: the shipped {@code workloads/post-and-read.yaml} posts, takes the
 * new post's id from the answer and reads that post back by it, checking author and text, every
 * check passing; the same sequence with an extraction that finds nothing fails its posts with cause
 * {@code check}, sends no read, and {@code loadlab run} exits 1.
 */
@EndToEnd
class ARequestFileReadsBackWhatItWroteTest {
    @TempDir
    Path tmp;

    private static Path workload() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path w = p.resolve("workloads/post-and-read.yaml");
            if (Files.exists(w)) return w;
        }
        throw new AssertionError("workloads/post-and-read.yaml not found above " + Path.of("").toAbsolutePath());
    }

    @Test
    void aPostIsReadBackByTheIdItsAnswerGave() {
        Path runs = tmp.resolve("runs");
        CliRun run = CliRun.execute("run", "--requests", workload().toString(), "--rate", "40/s", "--duration", "3s", "--warmup", "1s",
                "--users", "2000", "--out", runs.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        Summary s = RunDirectory.open(runs.resolve("latest")).summary();
        long posts = s.requests().get("post").ok();
        assertTrue(posts > 0, s.requests().keySet().toString());
        assertEquals(posts, s.requests().get("read-back").ok(), "every post read back by its id");
        for (CheckCount c : s.total().checks()) assertEquals(0, c.fails(), c.toString());
        assertTrue(s.requests().get("read-back").checks().stream().anyMatch(c -> c.name().equals("same author") && c.passes() == posts));
        assertTrue(run.out().contains("checks: all passed"), run.out());
    }

    @Test
    void anExtractionThatFindsNothingIsACheckFailureAndTheRunExitsOne() throws Exception {
        Path broken = Files.writeString(tmp.resolve("broken.yaml"), """
                requests:
                  - sequence:
                      - name: post
                        method: POST
                        path: /users/${author}/posts
                        headers: {Content-Type: application/json}
                        body: '{"text": "loadlab ${n}"}'
                        expect: 201
                        extract: {post: {json: $.post_id}}
                      - {name: read-back, path: '/posts/${post}'}
                variables:
                  author: {uniform: {min: 1, max: 200}}
                  n: {counter: {start: 1}}
                """);
        Path runs = tmp.resolve("broken-runs");
        CliRun run = CliRun.execute("run", "--requests", broken.toString(), "--rate", "20/s", "--duration", "2s", "--warmup", "1s",
                "--users", "200", "--out", runs.toString());
        assertEquals(1, run.exit(), run.out() + run.err());
        Summary s = RunDirectory.open(runs.resolve("latest")).summary();
        Summary.Stats post = s.requests().get("post");
        assertEquals(post.count(), post.errors().byCause().get("check"), "every post failed its extraction: " + post.errors());
        assertTrue(!s.requests().containsKey("read-back"), "no read-back was sent without its id");
        assertTrue(run.out().contains("FAIL post") && run.out().contains("extract post"), run.out());
        assertTrue(run.out().contains("exit 1: "), run.out());
    }
}
