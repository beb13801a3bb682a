package loadlab.scenarios;

/** Holds the installed {@link RunContext}: one run per injector JVM. */
final class CurrentRun {
    static volatile RunContext context;

    private CurrentRun() {}
}
