package loadlab.scenarios.profile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Requests per second as users write it: {@code 500/s}, {@code 30/m}, {@code 2.5/s}. */
public record Rate(double perSecond) {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)/(s|m|h)");

    public Rate {
        if (!(perSecond >= 0) || perSecond > 10_000_000) throw new IllegalArgumentException("a rate must be from 0/s to 10000000/s");
    }

    public static Rate parse(String flag, String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) throw new IllegalArgumentException(flag + " '" + text + "' is not a rate; write it like 500/s or 30/m");
        double n = Double.parseDouble(m.group(1));
        return new Rate(switch (m.group(2)) {
            case "s" -> n;
            case "m" -> n / 60;
            default -> n / 3600;
        });
    }

    @Override
    public String toString() {
        return (perSecond == Math.rint(perSecond) ? Long.toString((long) perSecond) : Double.toString(perSecond)) + "/s";
    }
}
