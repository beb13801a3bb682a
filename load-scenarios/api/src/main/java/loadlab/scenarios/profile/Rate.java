package loadlab.scenarios.profile;

import loadlab.recording.RecordedProfile;
import loadlab.recording.Units;

/** Requests per second as users write it: {@code 500/s}, {@code 10k/s}, {@code 1.5k/s}, {@code 30/m}; parsed by {@link loadlab.recording.Units}. */
public record Rate(double perSecond) {
    public Rate {
        if (!(perSecond >= 0) || perSecond > RecordedProfile.MAX_RATE) throw new IllegalArgumentException("a rate must be from 0/s to 10M/s");
    }

    public static Rate parse(String flag, String text) {
        double n = Units.perSecond(flag, text);
        if (n > RecordedProfile.MAX_RATE) throw new IllegalArgumentException(flag + " '" + text + "' is above 10M/s, more than loadlab can schedule");
        return new Rate(n);
    }

    @Override
    public String toString() {
        return (perSecond == Math.rint(perSecond) ? Long.toString((long) perSecond) : Double.toString(perSecond)) + "/s";
    }
}
