package dev.sagaflow.examples.orders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The demo's stalled work, for operators to practise on ({@code demo --stall-compensations N}): the
 * payment gateway refuses to refund the orders listed in {@code DIR/stalled-refunds} until the file
 * {@code DIR/refunds-fixed} exists (the operator's "fix"). Their sagas compensate, the refund keeps
 * failing, and they end up COMPENSATION_STALLED and flagged; once the fix is in, an operator's
 * {@code saga retry} finishes them. The list lives in the ledgers' folder, so every process that
 * runs the orders (the demo, or {@code node}s sharing the folder) refuses the same refunds.
 */
public final class StalledRefunds implements Faults {
    /** One order id a line: the orders whose refunds the gateway refuses until the fix. */
    public static final String LIST_FILE = "stalled-refunds";
    /** Its existence is the fix. */
    public static final String FIX_FILE = "refunds-fixed";

    private final Faults inner;
    private final Path list;
    private final Path fix;

    private StalledRefunds(Path dir, Faults inner) {
        this.inner = inner;
        this.list = dir.resolve(LIST_FILE);
        this.fix = dir.resolve(FIX_FILE);
    }

    /** {@code inner}'s faults, and the stalled refunds of whatever list is (or comes to be) in {@code dir}. */
    public static Faults around(Path dir, Faults inner) {
        return new StalledRefunds(dir, inner);
    }

    /**
     * The first {@code n} orders of the book whose refund the saga will need (those whose carrier is
     * down: charged, then refunded), written to {@code dir}'s list. Returns them.
     */
    public static List<String> plan(Path dir, OrderBook book, int orders, int n) {
        List<String> chosen = new ArrayList<>();
        for (int number = 1; number <= orders && chosen.size() < n; number++) {
            if (book.fate(number) == OrderBook.Fate.CARRIER_DOWN) {
                chosen.add(OrderBook.id(number));
            }
        }
        if (chosen.size() < n) {
            throw new IllegalArgumentException("--stall-compensations " + n + ": only " + chosen.size() + " of the "
                    + orders + " orders are refunded at this --failure-rate; ask for fewer, or more orders");
        }
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(LIST_FILE), chosen);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(LIST_FILE), e);
        }
        return chosen;
    }

    /** The orders listed in {@code dir}, none if there is no list. */
    public static Set<String> listed(Path dir) {
        Path file = dir.resolve(LIST_FILE);
        try {
            return Files.exists(file) ? new TreeSet<>(Files.readAllLines(file)) : Set.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public void before(Call call) {
        // Read at each refund (they are few): the list may be written after this process started.
        if (call.service().equals("payments") && call.operation().equals("refund") && !Files.exists(fix)
                && listed(list.getParent()).contains(call.orderId())) {
            throw new ParticipantUnavailableException(call, "before applying: the gateway refuses this refund until "
                    + fix + " exists");
        }
        inner.before(call);
    }

    @Override
    public void after(Call call) {
        inner.after(call);
    }
}
