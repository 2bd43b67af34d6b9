package dev.sagaflow.examples.orders;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

final class Audits {
    private Audits() {
    }

    /**
     * Rows per order in a table with {@code order_id} and {@code status} columns, among those matching
     * {@code where}: [rows in {@code activeStatus}, rows in any other status].
     */
    static Map<String, int[]> countByOrderAndStatus(Ledger ledger, String table, String where, String activeStatus) {
        return ledger.inTransaction(c -> {
            Map<String, int[]> counts = new HashMap<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT order_id, status FROM " + table + " WHERE " + where)) {
                while (rs.next()) {
                    counts.computeIfAbsent(rs.getString(1), k -> new int[2])[activeStatus.equals(rs.getString(2)) ? 0 : 1]++;
                }
            }
            return counts;
        });
    }

    /** Rows per order in a table that has an {@code order_id} column. */
    static Map<String, Integer> countByOrder(Ledger ledger, String table) {
        return ledger.inTransaction(c -> {
            Map<String, Integer> counts = new HashMap<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT order_id, COUNT(*) FROM " + table + " GROUP BY order_id")) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
            }
            return counts;
        });
    }
}
