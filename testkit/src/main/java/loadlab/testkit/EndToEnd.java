package loadlab.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test that starts what a unit test must not: another JVM or a whole load run, a database or
 * Redis, a browser, a capacity search. {@code mvn test} leaves these out so it stays fast; failsafe
 * runs them in {@code mvn verify}, which is what CI and the README run. The tag's name is the
 * parent pom's {@code e2e.tag}; this is the only place tests spell it.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(EndToEnd.TAG)
public @interface EndToEnd {
    /** The JUnit tag, as the parent pom's {@code e2e.tag} property names it. */
    String TAG = "end-to-end";
}
