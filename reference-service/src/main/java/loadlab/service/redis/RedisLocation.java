package loadlab.service.redis;

import java.net.URI;
import java.net.URISyntaxException;

import loadlab.service.Redaction;

/**
 * A Redis server and the key prefix that keeps one service's keys apart from another's, parsed
 * from {@code redis://host[:port][/db][?prefix=name]}.
 */
public record RedisLocation(String host, int port, int database, String prefix, String user, String password) {

    @Override
    public String toString() {
        return "RedisLocation[" + describe() + ", password=" + (password == null ? "none" : "***") + "]";
    }

    public static RedisLocation parse(String flag, String spec) {
        try {
            URI uri = new URI(spec);
            if (!"redis".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException(flag + " '" + Redaction.location(spec) + "' is not a Redis URI; use redis://127.0.0.1:6379");
            }
            int port = uri.getPort() < 0 ? 6379 : uri.getPort();
            int db = 0;
            if (uri.getPath() != null && uri.getPath().length() > 1) {
                try {
                    db = Integer.parseInt(uri.getPath().substring(1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(flag + " '" + Redaction.location(spec) + "' has a database that is not a number; use redis://127.0.0.1:6379/0");
                }
            }
            String prefix = "loadlab:";
            String query = uri.getQuery();
            if (query != null) {
                for (String pair : query.split("&")) {
                    String[] kv = pair.split("=", 2);
                    if (kv[0].equals("prefix") && kv.length == 2 && !kv[1].isEmpty()) prefix = kv[1] + ":";
                }
            }
            String user = null;
            String password = null;
            if (uri.getUserInfo() != null) {
                String[] info = uri.getUserInfo().split(":", 2);
                if (info.length == 2) {
                    user = info[0].isEmpty() ? null : info[0];
                    password = info[1];
                } else {
                    password = info[0]; // redis://secret@host, as redis-cli -u reads it
                }
            }
            return new RedisLocation(uri.getHost(), port, db, prefix, user, password);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(flag + " '" + Redaction.location(spec) + "' is not a valid URI; use redis://127.0.0.1:6379");
        }
    }

    public String describe() {
        return "redis " + host + ":" + port + "/" + database + " (keys " + prefix + "*)";
    }
}
