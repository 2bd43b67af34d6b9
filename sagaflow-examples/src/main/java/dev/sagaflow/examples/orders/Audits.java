package dev.sagaflow.examples.orders;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

final class Audits {
    private Audits() {
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
