package loadlab.cli;

import java.io.PrintWriter;

import loadlab.service.ReferenceService;
import loadlab.service.ServiceConfig;
import loadlab.service.seed.Seeder;
import loadlab.service.timeline.TimelineRebuild;

/** How the CLI describes a started reference service. */
final class ServiceReport {
    private ServiceReport() {}

    static void started(PrintWriter out, ReferenceService service) {
        ServiceConfig c = service.config();
        out.printf("reference service on %s  strategy=%s  store=%s  cache=%s  stream=%s%n",
                service.uri(), c.strategy().id(), c.store(), c.cache(), c.stream());
        Seeder.Report s = service.seeded();
        if (s.users() > 0) {
            out.printf("seeded %,d users, %,d follows, %,d posts in %.1f s%n", s.users(), s.follows(), s.posts(), s.millis() / 1000.0);
        } else if (s.existingUsers() > 0) {
            out.printf("store already holds %,d users: not seeded%n", s.existingUsers());
        }
        TimelineRebuild.Report b = service.built();
        out.printf("derived data rebuilt from the store: %,d timelines (%,d entries) in %.1f s, search index in %.1f s%n",
                b.users(), b.timelineEntries(), b.timelinesMillis() / 1000.0, b.indexMillis() / 1000.0);
    }
}
