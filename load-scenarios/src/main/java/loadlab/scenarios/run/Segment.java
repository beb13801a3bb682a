package loadlab.scenarios.run;

import loadlab.scenarios.profile.LoadProfile;

/** {@code --segment K/N}: this injector runs the K-th of N shares of the profile. */
public record Segment(int k, int n) {
    public Segment {
        if (n < 1 || k < 1 || k > n) throw new IllegalArgumentException("--segment K/N needs 1 <= K <= N, e.g. 2/4; got " + k + "/" + n);
    }

    public static Segment parse(String text) {
        String[] parts = text.split("/");
        try {
            if (parts.length == 2) return new Segment(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--segment '" + text + "' is not K/N; write it like 2/4 (injector 2 of 4)");
    }

    public LoadProfile of(LoadProfile whole) {
        return whole.share(k, n);
    }
}
