package dev.sagaflow.jdbc.internal;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a database is, as a user types it: a {@code jdbc:postgresql:} URL, or a SQLite file given as
 * a path or a {@code jdbc:sqlite:} URL. Anything else that starts like a URL ({@code word:}) is
 * refused: taken for a path, {@code postgres://host/db} would silently become a SQLite file in a
 * folder named {@code postgres:}.
 */
public sealed interface DatabaseLocation {
    String POSTGRES = "jdbc:postgresql:";
    String SQLITE = "jdbc:sqlite:";

    /** RFC 3986's scheme: a letter, then letters, digits, {@code + - .}, then a colon. */
    Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    Pattern LOOKS_LIKE_POSTGRES = Pattern.compile("(?i)^.*?postgres(?:ql)?:(.*)$");
    Pattern USERINFO = Pattern.compile("^//([^:/@?]+)(:[^@/]*)?@([^?]*)(\\?.*)?$");

    record Postgres(String url) implements DatabaseLocation {
    }

    record Sqlite(Path file) implements DatabaseLocation {
    }

    /**
     * @param value what the user gave
     * @param field the option or parameter it came from, for the message ({@code --store})
     * @throws IllegalArgumentException naming {@code field} when the value is empty or has a scheme we do not speak
     */
    static DatabaseLocation parse(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must be a " + POSTGRES + " URL or a SQLite file path; was empty");
        }
        if (value.startsWith(POSTGRES)) {
            return new Postgres(value);
        }
        String path = value.startsWith(SQLITE) ? value.substring(SQLITE.length()) : value;
        Matcher scheme = SCHEME.matcher(path);
        // ":memory:" and "file:..." after jdbc:sqlite: are SQLite URIs, not files a store can live in.
        if (path.isBlank() || path.startsWith(":") || scheme.find() && !isWindowsDrive(path)) {
            throw new IllegalArgumentException(field + " '" + Database.redact(value) + "' is not supported: "
                    + (path.isBlank() || path.startsWith(":") ? SQLITE + " must be followed by a file path"
                    : "'" + scheme.group(1) + ":' is neither " + POSTGRES + " nor " + SQLITE)
                    + ". " + suggestion(value) + " (A file whose name holds a colon is written ./NAME.)");
        }
        try {
            return new Sqlite(Path.of(path));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(field + " '" + Database.redact(value) + "' is not a file path: "
                    + e.getReason(), e);
        }
    }

    /** {@code C:\...} is a path on Windows; elsewhere a one-letter scheme is as foreign as any. */
    private static boolean isWindowsDrive(String path) {
        return File.separatorChar == '\\' && path.length() > 2 && path.charAt(1) == ':'
                && (path.charAt(2) == '\\' || path.charAt(2) == '/');
    }

    /** The spelling the user most likely meant, or the forms we take. */
    private static String suggestion(String value) {
        Matcher postgres = LOOKS_LIKE_POSTGRES.matcher(value);
        if (!postgres.matches()) {
            return "Give a " + POSTGRES + "//HOST:PORT/DB?user=U URL or a SQLite file path such as data/sagas.db";
        }
        // PostgreSQL's JDBC driver takes no user:password@ before the host: it wants them as parameters.
        String rest = postgres.group(1);
        Matcher userinfo = USERINFO.matcher(rest);
        if (userinfo.matches()) {
            rest = "//" + userinfo.group(3) + (userinfo.group(4) == null ? "?" : userinfo.group(4) + "&")
                    + "user=" + userinfo.group(1) + (userinfo.group(2) == null ? "" : "&password=***");
        }
        return "Did you mean " + Database.redact(POSTGRES + rest) + "?";
    }
}
