package loadlab.reports.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

import loadlab.recording.RunFiles;

/**
 * Renders one self-contained HTML page: the Mustache template filled with the page's HTML parts,
 * with the style, Chart.js (from its webjar) and loadlab's drawing script inlined, and the figures
 * as a JSON block. Nothing is fetched when the page opens: no CDN, no fonts, and a
 * Content-Security-Policy of {@code default-src 'none'} that makes the browser refuse any attempt.
 */
public final class ReportPage {
    private static final String BASE = "loadlab/reports/html/";
    private static final ObjectMapper DATA_JSON = RunFiles.JSON.copy().disable(SerializationFeature.INDENT_OUTPUT);
    private static final Properties ASSETS = properties(BASE + "assets.properties");
    private static final String CSS = resource(BASE + "report.css");
    private static final String SCRIPT = inlineable(resource(BASE + "report.js"), "report.js");
    private static final String CHART_JS = inlineable(resource(ASSETS.getProperty("chartjs.path")), "chart.js");
    private static final Template TEMPLATE = Mustache.compiler()
            .nullValue("")
            .withLoader(name -> new InputStreamReader(stream(BASE + name + ".mustache"), StandardCharsets.UTF_8))
            .compile(resource(BASE + "report.mustache"));

    private ReportPage() {}

    public static String version() {
        return ASSETS.getProperty("loadlab.version");
    }

    public static String chartJsVersion() {
        return ASSETS.getProperty("chartjs.version");
    }

    /**
     * @param parts the template's values (title, banners, cards, tables, ...)
     * @param data  the figures the script draws, written as JSON
     */
    public static String render(Map<String, Object> parts, Object data) {
        Map<String, Object> context = new LinkedHashMap<>(parts);
        context.put("version", version());
        context.put("css", CSS);
        context.put("chartjs", CHART_JS);
        context.put("script", SCRIPT);
        context.put("data", json(data));
        return TEMPLATE.execute(context);
    }

    /** JSON safe inside a script element: every '<' is written as its escape, so no "</script>" can occur. */
    static String json(Object data) {
        try {
            return DATA_JSON.writeValueAsString(data).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report's data: " + e.getMessage(), e);
        }
    }

    private static String inlineable(String script, String name) {
        if (script.toLowerCase(Locale.ROOT).contains("</script")) {
            throw new IllegalStateException(name + " contains '</script' and cannot be inlined");
        }
        return script;
    }

    private static InputStream stream(String path) {
        InputStream in = ReportPage.class.getClassLoader().getResourceAsStream(path);
        if (in == null) throw new IllegalStateException("missing resource " + path + " (is the loadlab jar complete?)");
        return in;
    }

    private static String resource(String path) {
        try (InputStream in = stream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties properties(String path) {
        Properties p = new Properties();
        try (InputStream in = stream(path)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
