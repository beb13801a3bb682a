package loadlab.injector.internal.run;

import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.prefs.AbstractPreferences;
import java.util.prefs.Preferences;
import java.util.prefs.PreferencesFactory;

/**
 * Java preferences held in memory for the injector JVM. Gatling asks Maven Central for its latest
 * release on every run unless its preferences hold a recent successful check; this factory holds
 * one, so Gatling makes no connection and writes nothing to the user's home.
 */
public final class OfflinePreferences extends AbstractPreferences {
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, OfflinePreferences> children = new HashMap<>();

    private OfflinePreferences(OfflinePreferences parent, String name) {
        super(parent, name);
        if (absolutePath().equals("/io/gatling/latestVersion")) {
            String version = io.gatling.commons.util.GatlingVersion$.MODULE$.ThisVersion().fullVersion();
            values.put("lastCheckTimestamp", Long.toString(System.currentTimeMillis()));
            values.put("lastCheckSuccess", "true");
            values.put("latestReleaseNumber", version);
            values.put("latestReleaseDate", ZonedDateTime.now().toString());
        }
    }

    /** The factory Java's preferences API instantiates by class name. */
    public static final class Factory implements PreferencesFactory {
        private final OfflinePreferences user = new OfflinePreferences(null, "");
        private final OfflinePreferences system = new OfflinePreferences(null, "");

        @Override
        public Preferences userRoot() {
            return user;
        }

        @Override
        public Preferences systemRoot() {
            return system;
        }
    }

    @Override
    protected void putSpi(String key, String value) {
        values.put(key, value);
    }

    @Override
    protected String getSpi(String key) {
        return values.get(key);
    }

    @Override
    protected void removeSpi(String key) {
        values.remove(key);
    }

    @Override
    protected void removeNodeSpi() {
        values.clear();
    }

    @Override
    protected String[] keysSpi() {
        return values.keySet().toArray(String[]::new);
    }

    @Override
    protected String[] childrenNamesSpi() {
        return children.keySet().toArray(String[]::new);
    }

    @Override
    protected AbstractPreferences childSpi(String name) {
        return children.computeIfAbsent(name, n -> new OfflinePreferences(this, n));
    }

    @Override
    protected void syncSpi() {
        // nothing is stored outside this JVM
    }

    @Override
    protected void flushSpi() {
        // nothing is stored outside this JVM
    }
}
