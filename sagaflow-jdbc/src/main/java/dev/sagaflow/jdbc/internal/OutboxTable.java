package dev.sagaflow.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sagaflow.messaging.Message;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The SQL of an outbox table (the engine's {@code saga_outbox}, a participant's
 * {@code participant_outbox}), in the dialect SQLite and PostgreSQL share. Transactions are the caller's.
 */
public final class OutboxTable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, channel, type, saga_id, correlation_id, headers, payload, created_at";

    private final String table;

    public OutboxTable(String table) {
        this.table = table;
    }

    public void insert(Connection connection, List<Message> messages, long now) throws SQLException {
        if (messages.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + table + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Message m : messages) {
                insert.setString(1, m.id());
                insert.setString(2, m.channel());
                insert.setString(3, m.type());
                insert.setString(4, m.sagaId());
                insert.setString(5, m.correlationId());
                insert.setString(6, headers(m.headers()));
                insert.setString(7, m.payload());
                insert.setLong(8, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Leases up to {@code limit} unclaimed (or lease-expired) messages, oldest first. */
    public List<Message> claim(Connection connection, SqlDialect dialect, String relayId, long now, long leaseUntil,
                               int limit) throws SQLException {
        String sql = "UPDATE " + table + " SET claimed_by = ?, claimed_until = ? WHERE id IN (SELECT id FROM " + table
                + " WHERE claimed_until IS NULL OR claimed_until < ? ORDER BY created_at, id LIMIT ?" + dialect.skipLocked()
                + ") RETURNING " + COLUMNS;
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement claim = connection.prepareStatement(sql)) {
            claim.setString(1, relayId);
            claim.setLong(2, leaseUntil);
            claim.setLong(3, now);
            claim.setInt(4, limit);
            try (ResultSet rs = claim.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(new Message(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), headers(rs.getString(6)), rs.getString(7)), rs.getLong(8)));
                }
            }
        }
        rows.sort(Comparator.comparingLong(Row::createdAt).thenComparing(r -> r.message().id()));
        return rows.stream().map(Row::message).toList();
    }

    /** Frees every claim, whoever holds it: only for a store that knows no other relay can be running. */
    public int releaseAllClaims(Connection connection) throws SQLException {
        try (PreparedStatement release = connection.prepareStatement("UPDATE " + table
                + " SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by IS NOT NULL")) {
            return release.executeUpdate();
        }
    }

    public void delete(Connection connection, Collection<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
            for (String id : ids) {
                delete.setString(1, id);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    private record Row(Message message, long createdAt) {
    }

    public static String headers(Map<String, String> headers) {
        try {
            return JSON.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("message headers cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static Map<String, String> headers(String json) throws SQLException {
        try {
            return JSON.readValue(json, HEADERS);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored message headers are not a JSON object of strings: " + e.getOriginalMessage(), e);
        }
    }
}
