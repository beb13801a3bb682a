package loadlab.injector.internal.run;

/**
 * Everything that keeps Gatling from making connections of its own, applied as system properties
 * before Gatling (or anything else) loads: no usage analytics, no warm-up request to gatling.io,
 * and in-memory preferences that already hold a recent release check, so Gatling does not ask
 * Maven Central for its latest version. {@code gatling.conf} says the same; system properties win
 * over any configuration a user's class path might add.
 */
final class GatlingOffline {
    private GatlingOffline() {}

    static void apply() {
        // by name: touching OfflinePreferences here would initialise java.util.prefs.Preferences,
        // which reads this property exactly once, before it is set
        System.setProperty("java.util.prefs.PreferencesFactory", OfflinePreferences.Factory.class.getName());
        System.setProperty("gatling.data.enableAnalytics", "false");
        System.setProperty("gatling.http.warmUpUrl", "");
    }
}
