package loadlab.cli;

/** Numbers with units chosen for reading: µs below a millisecond, ms below a second, then s. */
final class Units {
    private Units() {}

    static String micros(long us) {
        if (us < 1_000) return us + " µs";
        if (us < 1_000_000) return String.format("%.1f ms", us / 1_000.0);
        return String.format("%.2f s", us / 1_000_000.0);
    }
}
