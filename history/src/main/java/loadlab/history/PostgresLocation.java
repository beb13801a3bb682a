package loadlab.history;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A history's PostgreSQL location as a user writes it for {@code --db}:
 * {@code postgres://[user[:password]@]host[:port]/database[?schema=name]}, the form the reference
 * service's {@code --store} takes (it parses its own: the service knows nothing of loadlab). The
 * user defaults to the login name, the port to 5432; a schema keeps the tables apart (a test's, a team's).
 *
 * @param schema the schema for the tables, or null for the database's default
 */
public record PostgresLocation(String jdbcUrl, String user, String password, String schema) {
    /** Whether {@code spec} names PostgreSQL at all (then {@link #parse} reads it or says what is wrong). */
    public static boolean names(String spec) {
        return spec != null && (spec.startsWith("postgres://") || spec.startsWith("postgresql://"));
    }

    /** @param flag the option it came from, for the one sentence when it is wrong */
    public static PostgresLocation parse(String spec, String flag) {
        try {
            URI uri = new URI(spec);
            String host = uri.getHost() == null ? "127.0.0.1" : uri.getHost();
            int port = uri.getPort() < 0 ? 5432 : uri.getPort();
            String db = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
            String[] info = uri.getUserInfo() == null ? null : uri.getUserInfo().split(":", 2);
            String user = info != null && !info[0].isEmpty() ? info[0] : System.getProperty("user.name");
            String password = info != null && info.length == 2 ? info[1] : null;
            String schema = queryParameter(uri, "schema");
            if (schema != null && !schema.matches("[a-z_][a-z0-9_]{0,62}")) {
                throw new IllegalArgumentException(flag + " schema '" + schema + "' must be a lower-case SQL identifier such as loadlab_run1");
            }
            String url = "jdbc:postgresql://" + host + ":" + port + "/" + db + (schema == null ? "" : "?currentSchema=" + schema);
            return new PostgresLocation(url, user, password, schema);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(flag + " is not a valid postgres:// URI; write it like postgres://user@127.0.0.1:5432/test");
        }
    }

    private static String queryParameter(URI uri, String name) {
        String query = uri.getQuery();
        if (query == null) return null;
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name) && kv.length == 2 && !kv[1].isEmpty()) return kv[1];
        }
        return null;
    }

    @Override
    public String toString() {
        return "PostgresLocation[" + jdbcUrl + ", user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
