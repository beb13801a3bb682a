package loadlab.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import loadlab.recording.RequestNamePattern;
import loadlab.recording.RunState;

/**
 * Where a history is kept: an SQLite file by default (one file, no server; {@code .loadlab/history.db})
 * or PostgreSQL for a team ({@code postgres://user@host:5432/db[?schema=name]}), with the same two
 * tables. A run is added once, in one transaction: the same run again is refused in one sentence.
 */
public final class HistoryStore implements AutoCloseable {
    public static final String DEFAULT_FILE = ".loadlab/history.db";
    private static final String[] SCHEMA = {
            "CREATE TABLE IF NOT EXISTS loadlab_runs (run_id VARCHAR(255) PRIMARY KEY, kind VARCHAR(16) NOT NULL, run_state VARCHAR(16) NOT NULL, "
                    + "testbed VARCHAR(255) NOT NULL, commit_sha VARCHAR(64), branch VARCHAR(255), commit_time BIGINT NOT NULL, run_dir VARCHAR(4096), "
                    + "added_at BIGINT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS loadlab_points (run_id VARCHAR(255) NOT NULL REFERENCES loadlab_runs(run_id), testbed VARCHAR(255) NOT NULL, "
                    + "series VARCHAR(1024) NOT NULL, metric VARCHAR(64) NOT NULL, value DOUBLE PRECISION NOT NULL, low DOUBLE PRECISION, "
                    + "high DOUBLE PRECISION, commit_sha VARCHAR(64), branch VARCHAR(255), commit_time BIGINT NOT NULL, run_state VARCHAR(16) NOT NULL, "
                    + "higher_is_worse INTEGER NOT NULL, added_at BIGINT NOT NULL, PRIMARY KEY (run_id, testbed, series, metric))",
            "CREATE INDEX IF NOT EXISTS loadlab_points_by_series ON loadlab_points (testbed, series, metric, commit_time)",
            "CREATE TABLE IF NOT EXISTS loadlab_weak_points (testbed VARCHAR(255) NOT NULL, series VARCHAR(1024) NOT NULL, "
                    + "metric VARCHAR(64) NOT NULL, settings VARCHAR(64) NOT NULL, points INTEGER NOT NULL, last_run VARCHAR(255) NOT NULL, "
                    + "indexes VARCHAR(8192) NOT NULL, PRIMARY KEY (testbed, series, metric, settings))"};

    private final Connection connection;
    private final String described;

    private HistoryStore(Connection connection, String described) throws SQLException {
        this.connection = connection;
        this.described = described;
        try (Statement s = connection.createStatement()) {
            for (String sql : SCHEMA) s.execute(sql);
        }
    }

    /** @param db a {@code postgres://} URI, or an SQLite file's path (made, with its directory, if missing) */
    public static HistoryStore open(String db) {
        String spec = db == null || db.isBlank() ? DEFAULT_FILE : db;
        try {
            if (PostgresLocation.names(spec)) {
                PostgresLocation pg = PostgresLocation.parse(spec, "--db");
                if (pg.schema() != null) {
                    try (Connection c = DriverManager.getConnection(pg.jdbcUrl().replaceFirst("\\?currentSchema=.*$", ""), pg.user(), pg.password());
                         Statement s = c.createStatement()) {
                        s.execute("CREATE SCHEMA IF NOT EXISTS " + pg.schema());
                    }
                }
                return new HistoryStore(DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password()), "postgresql " + pg.jdbcUrl().substring(5));
            }
            Path file = Path.of(spec).toAbsolutePath();
            if (Files.isDirectory(file)) throw new IllegalArgumentException("--db " + spec + " is a directory; give a file such as " + DEFAULT_FILE);
            Files.createDirectories(file.getParent());
            return new HistoryStore(DriverManager.getConnection("jdbc:sqlite:" + file), "sqlite " + file);
        } catch (SQLException e) {
            throw new IllegalArgumentException("--db " + (PostgresLocation.names(spec) ? "(PostgreSQL)" : spec) + " cannot be opened: "
                    + firstLine(e.getMessage()) + "; check the path or that the server is up and the user may connect");
        } catch (IOException e) {
            throw new IllegalArgumentException("--db " + spec + ": its directory cannot be made (" + e.getMessage() + ")");
        }
    }

    public String describe() {
        return described;
    }

    /** Adds a run's points; refuses a run already in the history, naming when it was added. */
    public void add(RunPoints run, Provenance where) {
        try {
            try (PreparedStatement q = connection.prepareStatement("SELECT added_at, commit_sha FROM loadlab_runs WHERE run_id = ?")) {
                q.setString(1, run.runId());
                try (ResultSet r = q.executeQuery()) {
                    if (r.next()) {
                        throw new IllegalArgumentException("run " + run.runId() + " is already in the history (added "
                                + Instant.ofEpochMilli(r.getLong(1)) + (r.getString(2) == null ? "" : " for commit " + abbreviated(r.getString(2)))
                                + "); a run is added once");
                    }
                }
            }
            long now = System.currentTimeMillis();
            transaction(() -> {
                try (PreparedStatement ins = connection.prepareStatement("INSERT INTO loadlab_runs (run_id, kind, run_state, testbed, commit_sha, "
                        + "branch, commit_time, run_dir, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ins.setString(1, run.runId());
                    ins.setString(2, run.kind());
                    ins.setString(3, run.state().id());
                    ins.setString(4, where.testbed());
                    ins.setString(5, where.commit());
                    ins.setString(6, where.branch());
                    ins.setLong(7, where.commitTime().toEpochMilli());
                    ins.setString(8, run.dir() == null ? null : run.dir().toString());
                    ins.setLong(9, now);
                    ins.executeUpdate();
                }
                try (PreparedStatement ins = connection.prepareStatement("INSERT INTO loadlab_points (run_id, testbed, series, metric, value, low, "
                        + "high, commit_sha, branch, commit_time, run_state, higher_is_worse, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (HistoryPoint p : run.points()) {
                        ins.setString(1, p.runId());
                        ins.setString(2, p.testbed());
                        ins.setString(3, p.series());
                        ins.setString(4, p.metric());
                        ins.setDouble(5, p.value());
                        setDouble(ins, 6, p.low());
                        setDouble(ins, 7, p.high());
                        ins.setString(8, p.commit());
                        ins.setString(9, p.branch());
                        ins.setLong(10, p.commitTime().toEpochMilli());
                        ins.setString(11, p.runState().id());
                        ins.setInt(12, p.higherIsWorse() ? 1 : 0);
                        ins.setLong(13, now);
                        ins.addBatch();
                    }
                    ins.executeBatch();
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("the history " + described + " could not take run " + run.runId() + ": " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * Every point whose series matches {@code seriesGlob} (null: all) and whose metric is
     * {@code metric} (null: all), by testbed, series and metric, each series in commit-time order
     * (then the order they were added).
     */
    public List<HistoryPoint> points(String seriesGlob, String metric) {
        Predicate<String> series = seriesGlob == null ? s -> true : RequestNamePattern.of(seriesGlob)::matches;
        List<HistoryPoint> out = new ArrayList<>();
        String sql = "SELECT testbed, series, metric, value, low, high, commit_sha, branch, commit_time, run_id, run_state, higher_is_worse FROM loadlab_points"
                + (metric == null ? "" : " WHERE metric = ?") + " ORDER BY testbed, series, metric, commit_time, added_at, run_id";
        try (PreparedStatement q = connection.prepareStatement(sql)) {
            if (metric != null) q.setString(1, metric);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    if (!series.test(r.getString(2))) continue;
                    out.add(new HistoryPoint(r.getString(1), r.getString(2), r.getString(3), r.getDouble(4), getDouble(r, 5), getDouble(r, 6),
                            r.getString(7), r.getString(8), Instant.ofEpochMilli(r.getLong(9)), r.getString(10),
                            RunState.valueOf(r.getString(11).toUpperCase(Locale.ROOT)), r.getInt(12) == 1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the history " + described + " could not be read: " + firstLine(e.getMessage()), e);
        }
        return out;
    }

    /**
     * The weak change points of a series' last detection with these settings, and how many points
     * (ending at which run) it covered: what lets the next detection re-test only the tail.
     */
    public record WeakPoints(int points, String lastRun, List<Integer> indexes) {}

    public WeakPoints weakPoints(String testbed, String series, String metric, String settings) {
        try (PreparedStatement q = connection.prepareStatement("SELECT points, last_run, indexes FROM loadlab_weak_points WHERE testbed = ? "
                + "AND series = ? AND metric = ? AND settings = ?")) {
            q.setString(1, testbed);
            q.setString(2, series);
            q.setString(3, metric);
            q.setString(4, settings);
            try (ResultSet r = q.executeQuery()) {
                if (!r.next()) return null;
                List<Integer> indexes = new ArrayList<>();
                for (String i : r.getString(3).split(",")) if (!i.isEmpty()) indexes.add(Integer.parseInt(i));
                return new WeakPoints(r.getInt(1), r.getString(2), indexes);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the history " + described + " could not be read: " + firstLine(e.getMessage()), e);
        }
    }

    public void keepWeakPoints(String testbed, String series, String metric, String settings, WeakPoints weak) {
        try {
            transaction(() -> {
                try (PreparedStatement del = connection.prepareStatement("DELETE FROM loadlab_weak_points WHERE testbed = ? AND series = ? AND metric = ? "
                        + "AND settings = ?"); PreparedStatement ins = connection.prepareStatement("INSERT INTO loadlab_weak_points (testbed, series, "
                        + "metric, settings, points, last_run, indexes) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    for (PreparedStatement st : List.of(del, ins)) {
                        st.setString(1, testbed);
                        st.setString(2, series);
                        st.setString(3, metric);
                        st.setString(4, settings);
                    }
                    del.executeUpdate();
                    ins.setInt(5, weak.points());
                    ins.setString(6, weak.lastRun());
                    ins.setString(7, String.join(",", weak.indexes().stream().map(String::valueOf).toList()));
                    ins.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("the history " + described + " could not keep a detection: " + firstLine(e.getMessage()), e);
        }
    }

    /** Where a run's directory was when it was added, or null. */
    public String runDir(String runId) {
        try (PreparedStatement q = connection.prepareStatement("SELECT run_dir FROM loadlab_runs WHERE run_id = ?")) {
            q.setString(1, runId);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the history " + described + " could not be read: " + firstLine(e.getMessage()), e);
        }
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    /** Runs {@code work} as one transaction: all of it, or none of it. */
    private void transaction(SqlWork work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static void setDouble(PreparedStatement s, int i, Double v) throws SQLException {
        if (v == null) s.setNull(i, Types.DOUBLE);
        else s.setDouble(i, v);
    }

    private static Double getDouble(ResultSet r, int i) throws SQLException {
        double v = r.getDouble(i);
        return r.wasNull() ? null : v;
    }

    private static String abbreviated(String commit) {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }

    private static String firstLine(String s) {
        if (s == null) return "no reason given";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing: nothing left to lose, every add committed or rolled back
        }
    }
}
