package loadlab.recording;

import java.util.Locale;

/** What a run directory holds: a load run's interval logs, or a bench run's JMH results. */
public enum RunKind {
    LOAD, BENCH;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
