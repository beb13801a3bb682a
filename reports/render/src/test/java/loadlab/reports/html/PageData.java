package loadlab.reports.html;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;

import loadlab.recording.RunFiles;

/** Reads a report page back: its JSON data block, the figures the charts are drawn from. */
final class PageData {
    private static final String OPEN = "<script type=\"application/json\" id=\"loadlab-data\">";

    private PageData() {}

    static JsonNode of(String html) {
        int start = html.indexOf(OPEN);
        if (start < 0) throw new AssertionError("the page has no data block");
        start += OPEN.length();
        int end = html.indexOf("</script>", start);
        try {
            return RunFiles.JSON.readTree(html.substring(start, end));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
