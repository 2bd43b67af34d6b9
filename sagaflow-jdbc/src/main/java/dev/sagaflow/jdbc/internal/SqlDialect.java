package dev.sagaflow.jdbc.internal;

/**
 * What differs between the two databases in the SQL Sagaflow runs; everything else is written once.
 * SQLite serialises writers (one write transaction at a time, taken at {@code BEGIN IMMEDIATE}), so it
 * needs no row locks; PostgreSQL runs several writers at once, which lock rows.
 */
public enum SqlDialect {
    SQLITE(false),
    POSTGRES(true);

    private final boolean locksRows;

    SqlDialect(boolean locksRows) {
        this.locksRows = locksRows;
    }

    /** Whether concurrent writers lock rows (and so can be made to wait on each other). */
    public boolean locksRows() {
        return locksRows;
    }

    /**
     * Appended to a {@code SELECT} whose rows several processes claim at once: each skips the rows
     * another is claiming instead of waiting for them ({@code FOR UPDATE SKIP LOCKED}), or nothing.
     */
    public String skipLocked() {
        return locksRows ? " FOR UPDATE SKIP LOCKED" : "";
    }

    /** Appended to a {@code SELECT} whose rows the transaction goes on to change ({@code FOR UPDATE}), or nothing. */
    public String forUpdate() {
        return locksRows ? " FOR UPDATE" : "";
    }
}
