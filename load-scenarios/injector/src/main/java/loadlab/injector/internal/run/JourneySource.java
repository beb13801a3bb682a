package loadlab.injector.internal.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import loadlab.recording.FileProblem;
import loadlab.scenarios.Journey;

/**
 * A user's journey from outside the project, ready for the injector: a {@code .java} file is
 * compiled with the JDK's compiler against loadlab's own classpath (no build, no copy into
 * loadlab's source tree); a {@code .jar} is taken as it is. Either must hold exactly one
 * {@link Journey}. A source that does not compile is one sentence with the first error.
 *
 * @param className     the journey's class
 * @param classpathEntry a directory or jar the injector adds to its classpath
 */
public record JourneySource(String className, String classpathEntry) {
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    /** The scenario name a journey runs under: {@code journey:} and its class. */
    public String scenario() {
        return "journey:" + className;
    }

    public static JourneySource prepare(Path file, Path workDir) {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("--simulation " + file + " is not a file");
        String name = file.getFileName().toString();
        if (name.endsWith(".java")) return compile(file, workDir);
        if (name.endsWith(".jar")) return fromJar(file);
        throw new IllegalArgumentException("--simulation " + file + " must be a .java source or a .jar");
    }

    private static JourneySource compile(Path source, Path out) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) throw new IllegalArgumentException("--simulation with a .java file needs a JDK (this is a JRE); use a JDK, or pass a .jar");
        String text;
        try {
            text = Files.readString(source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("--simulation " + source + " " + FileProblem.of(e));
        }
        Matcher pkg = PACKAGE.matcher(text);
        String stem = source.getFileName().toString().replaceAll("\\.java$", "");
        String className = pkg.find() ? pkg.group(1) + "." + stem : stem;
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            Files.createDirectories(out);
            List<String> options = List.of("-d", out.toString(), "-classpath", System.getProperty("java.class.path"), "-proc:none",
                    "-encoding", "UTF-8", "-nowarn");
            boolean ok = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(source.toFile())).call();
            if (!ok) {
                List<Diagnostic<? extends JavaFileObject>> errors = diagnostics.getDiagnostics().stream()
                        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
                Diagnostic<? extends JavaFileObject> first = errors.isEmpty() ? null : errors.get(0);
                String where = first == null ? "" : " (line " + first.getLineNumber() + ": "
                        + first.getMessage(Locale.ROOT).replaceAll("\\s+", " ").trim() + ")";
                throw new IllegalArgumentException(source.getFileName() + " does not compile" + where
                        + (errors.size() > 1 ? " and " + (errors.size() - 1) + " more errors" : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        check(className, out, source.getFileName().toString());
        return new JourneySource(className, out.toString());
    }

    private static JourneySource fromJar(Path jar) {
        List<String> journeys = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile()); URLClassLoader loader = loader(jar)) {
            for (JarEntry e : Collections.list(file.entries())) {
                String n = e.getName();
                if (!n.endsWith(".class") || n.contains("$") || n.startsWith("META-INF")) continue;
                String className = n.substring(0, n.length() - 6).replace('/', '.');
                try {
                    Class<?> c = Class.forName(className, false, loader);
                    if (Journey.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers())) journeys.add(className);
                } catch (ClassNotFoundException | LinkageError ignored) {
                    // a class that needs what is not here is not a journey we can run
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("--simulation " + jar + " is not a readable jar (" + e.getMessage() + ")");
        }
        if (journeys.size() != 1) {
            throw new IllegalArgumentException("--simulation " + jar.getFileName() + " must hold exactly one class extending loadlab.scenarios.Journey; "
                    + "it holds " + (journeys.isEmpty() ? "none" : journeys));
        }
        return new JourneySource(journeys.get(0), jar.toAbsolutePath().toString());
    }

    private static void check(String className, Path entry, String what) {
        try (URLClassLoader loader = loader(entry)) {
            Class<?> c = Class.forName(className, false, loader);
            if (!Journey.class.isAssignableFrom(c)) {
                throw new IllegalArgumentException(what + ": " + className + " must extend loadlab.scenarios.Journey (see the README), "
                        + "which records every request");
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(what + " must declare a public class named like the file, " + className);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URLClassLoader loader(Path entry) throws IOException {
        return new URLClassLoader(new URL[] {entry.toUri().toURL()}, JourneySource.class.getClassLoader());
    }
}
