package loadlab.service.http;

/**
 * Where a request is served. Health and metrics are answered on the I/O thread at once (they never
 * call a building block), so they answer under any overload; the admin API has its own few workers,
 * so faults can be cleared while the service is saturated; everything else queues for a worker
 * behind the admission gate.
 */
public enum Lane {
    INLINE,
    ADMIN,
    WORK;

    static Lane of(String path) {
        if (path.equals("/health") || path.equals("/metrics")) return INLINE;
        if (path.equals("/admin") || path.startsWith("/admin/")) return ADMIN;
        return WORK;
    }
}
