package dev.sagaflow.jdbc.testing;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README as the tests that run its examples read it: the file, a section, its fenced blocks, and
 * javac on a block against the test's own classpath (what the section's Maven snippet brings).
 */
public final class ReadmeExamples {
    private ReadmeExamples() {
    }

    /** README.md at the top of the checkout: the first one found beside {@code mvnw} walking up from the module. */
    public static Path readme() {
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            if (Files.isRegularFile(at.resolve("README.md")) && Files.isRegularFile(at.resolve("mvnw"))) {
                return at.resolve("README.md");
            }
        }
        throw new AssertionError("no README.md beside mvnw above " + Path.of("").toAbsolutePath());
    }

    /** The section under {@code heading}, up to the next one; an AssertionError when there is none. */
    public static String section(String readme, String heading) {
        int start = readme.indexOf(heading + "\n");
        if (start < 0) {
            throw new AssertionError("README.md has no section '" + heading + "'");
        }
        int next = readme.indexOf("\n## ", start + heading.length());
        return readme.substring(start, next < 0 ? readme.length() : next);
    }

    /** The bodies of the fenced blocks of {@code language} in {@code markdown}. */
    public static List<String> blocks(String markdown, String language) {
        return Pattern.compile("^```" + language + "\\n(.*?)^```$", Pattern.DOTALL | Pattern.MULTILINE).matcher(markdown)
                .results().map(m -> m.group(1)).toList();
    }

    /**
     * Compiles {@code source} as {@code ClassName.java} into {@code classes} (its source beside them in
     * {@code src}); returns the compiler's errors, none when it compiled.
     */
    public static List<String> compile(String className, String source, Path classes) throws IOException {
        Path sources = Files.createDirectories(classes.resolveSibling("src"));
        Path file = Files.writeString(sources.resolve(className + ".java"), source);
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK's compiler (this runs on a JRE)").isNotNull();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(null, files, diagnostics,
                    List.of("--release", "21", "-classpath", System.getProperty("java.class.path"), "-d", classes.toString()),
                    null, files.getJavaFileObjects(file)).call();
            List<String> errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
                    .map(d -> "line " + d.getLineNumber() + ": " + d.getMessage(null)).toList();
            assertThat(ok).as("javac's verdict agrees with its errors: %s", errors).isEqualTo(errors.isEmpty());
            return errors;
        }
    }
}
