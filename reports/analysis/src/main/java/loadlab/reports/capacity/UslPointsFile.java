package loadlab.reports.capacity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import loadlab.recording.FileProblem;

/**
 * Measurements made anywhere, as CSV: a header naming the columns {@code concurrency} and
 * {@code throughput} (in either order, other columns ignored), then one row per measurement.
 * Blank lines and lines starting with {@code #} are skipped. Anything else wrong is one sentence
 * naming the file and line.
 */
public final class UslPointsFile {
    private UslPointsFile() {}

    public static List<UslPoint> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("--fit " + file + " " + FileProblem.of(e) + "; give a CSV file of concurrency,throughput rows");
        }
        int n = -1, x = -1, width = 0;
        List<UslPoint> points = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] cells = line.split("\\s*,\\s*", -1);
            String where = file.getFileName() + " line " + (i + 1);
            if (n < 0) {
                for (int c = 0; c < cells.length; c++) {
                    String name = cells[c].strip().toLowerCase(Locale.ROOT).replace("\"", "");
                    if (name.equals("concurrency")) n = c;
                    if (name.equals("throughput")) x = c;
                }
                if (n < 0 || x < 0) {
                    throw new IllegalArgumentException(where + " must be a header naming the columns concurrency and throughput, e.g. "
                            + "'concurrency,throughput'");
                }
                width = cells.length;
                continue;
            }
            if (cells.length != width) {
                throw new IllegalArgumentException(where + " has " + cells.length + " cells where the header has " + width);
            }
            try {
                points.add(new UslPoint(number(cells[n], where), number(cells[x], where)));
            } catch (IllegalArgumentException e) {
                throw e.getMessage().startsWith(file.getFileName().toString()) ? e : new IllegalArgumentException(where + ": " + e.getMessage());
            }
        }
        if (n < 0) throw new IllegalArgumentException(file + " is empty; give a header 'concurrency,throughput' and one row per measurement");
        return points;
    }

    private static double number(String cell, String where) {
        try {
            return Double.parseDouble(cell.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": '" + cell.strip() + "' is not a number");
        }
    }
}
