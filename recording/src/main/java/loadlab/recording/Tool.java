package loadlab.recording;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Which loadlab recorded a run, as {@code run.json} says: its version and git commit come from the
 * build (Maven resource filtering), so a figure can be traced to the code that made it.
 *
 * @param gitCommit the abbreviated commit, with "-dirty" when the build had uncommitted changes; "unknown" outside a git checkout
 * @param engine    what produced the load or the measurement, e.g. "gatling 3.15.1" or "jmh 1.37"
 */
public record Tool(String name, String version, String gitCommit, String engine) {
    private static final Properties BUILD = load();

    /** This loadlab, with the engine it uses for this run. */
    public static Tool current(String engine) {
        return new Tool("loadlab", buildVersion(), buildCommit(), engine);
    }

    public static String buildVersion() {
        return known(BUILD.getProperty("version"), "unknown");
    }

    static String buildCommit() {
        String commit = known(BUILD.getProperty("git.commit"), "unknown");
        return "true".equals(BUILD.getProperty("git.dirty")) && !"unknown".equals(commit) ? commit + "-dirty" : commit;
    }

    private static String known(String value, String otherwise) {
        return value == null || value.isBlank() || value.startsWith("${") ? otherwise : value;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Tool.class.getResourceAsStream("build.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            // an unreadable resource leaves the version unknown, which run.json then says
        }
        return p;
    }
}
