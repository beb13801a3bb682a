package loadlab.injector.internal.gatling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.gatling.commons.validation.Failure;
import io.gatling.commons.validation.Success;
import io.gatling.commons.validation.Validation;
import io.gatling.core.check.Check;
import io.gatling.core.check.CheckResult;
import io.gatling.core.check.Extractor;
import io.gatling.core.check.Validator;
import io.gatling.core.session.Session;
import io.gatling.http.check.HttpCheck;
import io.gatling.http.request.builder.HttpAttributes;
import io.gatling.http.request.builder.HttpRequestBuilder;
import io.gatling.http.response.Response;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import scala.Function1;
import scala.Function2;
import scala.jdk.javaapi.CollectionConverters;

import loadlab.recording.RunRecorder;
import loadlab.scenarios.Timing;

/**
 * A journey's own Gatling check, counted: it is evaluated exactly as Gatling would, and each
 * outcome (held, or failed with Gatling's message) goes to {@link RunRecorder#recordCheck} under
 * the check's name. Gatling itself reports only the first failing check of a response, and only in
 * its own logs; wrapping each check counts every one. The name is the check's {@code .name(...)} or
 * Gatling's own description ({@code jsonPath($.followers).find.is(5)}).
 */
final class CountedCheck implements Check<Response> {
    private final Check<Response> wrapped;
    private final RunRecorder recorder;
    private final String tag;
    private final String fallbackName;
    private volatile String name;

    private CountedCheck(Check<Response> wrapped, RunRecorder recorder, String tag, String fallbackName) {
        this.wrapped = wrapped;
        this.recorder = recorder;
        this.tag = tag;
        this.fallbackName = fallbackName;
    }

    /** The request with each of its checks counted under request {@code tag}. */
    static HttpRequestActionBuilder counting(HttpRequestActionBuilder request, RunRecorder recorder, String tag) {
        HttpRequestBuilder scala = (HttpRequestBuilder) request.asScala();
        HttpAttributes attributes = scala.httpAttributes();
        List<HttpCheck> checks = CollectionConverters.asJava(attributes.checks());
        if (checks.isEmpty()) return request;
        List<HttpCheck> counted = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            HttpCheck c = checks.get(i);
            counted.add(new HttpCheck(new CountedCheck(c.wrapped(), recorder, tag, "check " + (i + 1)), c.scope()));
        }
        HttpAttributes withCounted = attributes.copy(CollectionConverters.asScala(counted).toList(), attributes.copy$default$2(),
                attributes.copy$default$3(), attributes.copy$default$4(), attributes.copy$default$5(), attributes.copy$default$6(),
                attributes.copy$default$7());
        return new HttpRequestActionBuilder(scala.copy(scala.copy$default$1(), scala.copy$default$2(), withCounted));
    }

    @Override
    public Validation<CheckResult> check(Response response, Session session, Map<Object, Object> preparedCache) {
        Validation<CheckResult> result = wrapped.check(response, session, preparedCache);
        Object outcome = result;
        io.gatling.javaapi.core.Session s = new io.gatling.javaapi.core.Session(session);
        boolean warmup = s.contains(GatlingTiming.WARMUP) && s.getBoolean(GatlingTiming.WARMUP);
        if (!warmup && s.contains(GatlingTiming.INTENDED)) {
            recorder.recordCheck(tag, name(session), s.getLong(GatlingTiming.INTENDED), outcome instanceof Failure f ? f.message() : null);
        }
        return result;
    }

    /** Fixed at the first evaluation: a name that changed with each session's values would make a check per user. */
    private String name(Session session) {
        String n = name;
        if (n != null) return n;
        n = describe(session);
        name = n;
        return n;
    }

    private String describe(Session session) {
        if (wrapped instanceof Check.Default<?, ?, ?> d) {
            if (d.customName().isDefined()) return d.customName().get();
            Validation<?> extractor = d.extractorExpression().apply(session);
            Validation<?> validator = d.validatorExpression().apply(session);
            if (extractor instanceof Success<?> e && e.value() instanceof Extractor<?, ?> x && validator instanceof Success<?> v
                    && v.value() instanceof Validator<?> y) {
                return x.name() + "." + x.arity() + "." + y.name();
            }
        }
        return fallbackName;
    }

    @Override
    public Check<Response> checkIf(Function1<Session, Validation<Object>> condition) {
        return new CountedCheck(wrapped.checkIf(condition), recorder, tag, fallbackName);
    }

    @Override
    public Check<Response> checkIf(Function2<Response, Session, Validation<Object>> condition) {
        return new CountedCheck(wrapped.checkIf(condition), recorder, tag, fallbackName);
    }
}
