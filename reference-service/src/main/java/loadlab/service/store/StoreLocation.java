package loadlab.service.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.UUID;

import loadlab.service.Redaction;

/**
 * Where the system of record lives, parsed from a user's {@code --store} value:
 * {@code h2:mem} (the embedded default, a private in-memory database),
 * {@code h2:file:/path/to/db}, or {@code postgres://[user@]host[:port]/database[?schema=name]}.
 *
 * @param schema the schema to keep the tables in (PostgreSQL only; null for the default)
 */
public record StoreLocation(String jdbcUrl, String user, String password, String schema, boolean embedded) {

    @Override
    public String toString() {
        return "StoreLocation[" + describe() + ", user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
    }

    public static StoreLocation parse(String spec) {
        if (spec == null || spec.isBlank() || spec.equals("h2:mem") || spec.equals("embedded")) {
            return new StoreLocation("jdbc:h2:mem:loadlab-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", null, null, true);
        }
        if (spec.startsWith("h2:file:")) {
            String path = spec.substring("h2:file:".length());
            if (path.isBlank()) throw new IllegalArgumentException("--store h2:file: needs a path, e.g. h2:file:/tmp/loadlab-db");
            return new StoreLocation("jdbc:h2:file:" + path + ";WRITE_DELAY=0", "sa", null, null, true);
        }
        if (spec.startsWith("postgres://") || spec.startsWith("postgresql://")) {
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
                    throw new IllegalArgumentException("--store schema '" + schema + "' must be a lower-case SQL identifier such as loadlab_run1");
                }
                String url = "jdbc:postgresql://" + host + ":" + port + "/" + db
                        + (schema == null ? "" : "?currentSchema=" + schema);
                return new StoreLocation(url, user, password, schema, false);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("--store '" + Redaction.location(spec) + "' is not a valid URI; use postgres://user@127.0.0.1:5432/test");
            }
        }
        throw new IllegalArgumentException("--store '" + Redaction.location(spec) + "' is not understood; use h2:mem, h2:file:PATH or postgres://user@host:5432/db");
    }

    static String queryParameter(URI uri, String name) {
        String query = uri.getQuery();
        if (query == null) return null;
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name) && kv.length == 2 && !kv[1].isEmpty()) return kv[1];
        }
        return null;
    }

    public String describe() {
        return embedded ? "h2 (embedded)" : "postgresql " + jdbcUrl.replaceFirst("^jdbc:postgresql://", "");
    }
}
