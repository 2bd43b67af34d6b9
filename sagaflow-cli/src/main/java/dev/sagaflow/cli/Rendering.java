package dev.sagaflow.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** How operator commands print: aligned tables for people, one JSON document for scripts. */
final class Rendering {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Rendering() {
    }

    static void json(PrintStream out, Object document) {
        try {
            out.println(JSON.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the output as JSON", e);
        }
    }

    /** A stored JSON text (a saga's data) as a JSON value, or the text itself if it does not parse. */
    static Object jsonValue(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readValue(text, JsonNode.class);
        } catch (JsonProcessingException e) {
            return text;
        }
    }

    static String time(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    static String time(Long epochMillis) {
        return epochMillis == null ? null : time(Instant.ofEpochMilli(epochMillis));
    }

    /** 35ms, 1.2s, 3m05s, 2h10m: short and exact enough to read. */
    static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1_000) {
            return ms + "ms";
        }
        if (ms < 60_000) {
            return String.format("%.1fs", ms / 1000.0);
        }
        long s = ms / 1000;
        if (s < 3600) {
            return String.format("%dm%02ds", s / 60, s % 60);
        }
        return String.format("%dh%02dm", s / 3600, (s % 3600) / 60);
    }

    /** Rows under a header, each column as wide as its widest cell; the last column is never padded. */
    static final class Table {
        private final List<String[]> rows = new ArrayList<>();
        private final int columns;

        Table(String... header) {
            this.columns = header.length;
            rows.add(header);
        }

        Table row(Object... cells) {
            String[] texts = new String[columns];
            for (int i = 0; i < columns; i++) {
                Object cell = i < cells.length ? cells[i] : null;
                texts[i] = cell == null ? "-" : cell.toString().replace('\n', ' ');
            }
            rows.add(texts);
            return this;
        }

        int size() {
            return rows.size() - 1;
        }

        void print(PrintStream out) {
            int[] widths = new int[columns];
            for (String[] row : rows) {
                for (int i = 0; i < columns; i++) {
                    widths[i] = Math.max(widths[i], row[i].length());
                }
            }
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < columns; i++) {
                    line.append(i == columns - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
                }
                out.println(line.toString().stripTrailing());
            }
        }
    }
}
