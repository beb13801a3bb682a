package loadlab.recording;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Shares as people read them, written one way everywhere (the console, the report, gate reasons,
 * abort messages): an error rate of 0.005 is "0.5%" on every screen, never "0.500%" on one and
 * "0.5%" on another.
 */
public final class Percent {
    private Percent() {}

    /** 0.005 as "0.5%", 0.000123 as "0.0123%", 1 as "100%": three significant digits at most, no trailing zeros. */
    public static String text(double share) {
        if (Double.isInfinite(share)) return share > 0 ? "∞%" : "-∞%";
        if (Double.isNaN(share)) return "n/a";
        if (share == 0) return "0%";
        return new BigDecimal(share * 100).round(new MathContext(3)).stripTrailingZeros().toPlainString() + "%";
    }

    /** A relative change, always signed, to a tenth of a percent: 0.123 as "+12.3%", -0.05 as "-5.0%". */
    public static String signed(double share) {
        if (Double.isInfinite(share)) return share > 0 ? "+∞%" : "-∞%";
        if (Double.isNaN(share)) return "n/a";
        return String.format(Locale.ROOT, "%+.1f%%", share * 100);
    }
}
