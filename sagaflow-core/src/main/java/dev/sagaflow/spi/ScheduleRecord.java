package dev.sagaflow.spi;

/**
 * A schedule as stored: its definition and the last tick handled (started, or passed over as
 * missed). Nodes compute every tick from {@code lastTick}, so what a schedule does next never
 * depends on which node looks, or on what a node remembers.
 *
 * @param name        unique on the store
 * @param cron        Quartz cron with seconds
 * @param zone        the time zone id the cron is read in
 * @param sagaName    the saga each tick starts
 * @param missedTicks the policy for missed ticks ({@code SKIP} or {@code RUN_ONCE})
 * @param lastTick    epoch millis of the last tick handled; at first registration, the registration time
 * @param updatedAt   epoch millis when the definition was registered or last changed (moving the last tick is not a change of it)
 */
public record ScheduleRecord(String name, String cron, String zone, String sagaName, String missedTicks, long lastTick,
                             long updatedAt) {

    /** Whether both tick at the same times and start the same saga. */
    public boolean sameTimingAs(ScheduleRecord other) {
        return cron.equals(other.cron) && zone.equals(other.zone) && sagaName.equals(other.sagaName);
    }

    /**
     * The row a registration of {@code wanted} at {@code now} leaves, given the {@code stored} one
     * ({@code null}: none yet); the rule every store applies, in one transaction with the read.
     * <ul>
     *   <li>None stored: {@code wanted}, counting from {@code now} (ticks before a schedule existed
     *   were never missed).</li>
     *   <li>The same timing: the stored row, its last tick kept (a node restarting must not lose the
     *   ticks missed while it was down); a changed missed-ticks policy is taken.</li>
     *   <li>Another cron, zone or saga: the new definition, counting from {@code now} or the stored
     *   last tick, whichever is later: the new timing's past ticks did not exist before it, so none
     *   of them is missed, and a last tick never moves back (which would start a tick twice).</li>
     * </ul>
     */
    public static ScheduleRecord registered(ScheduleRecord stored, ScheduleRecord wanted, long now) {
        if (stored == null) {
            return new ScheduleRecord(wanted.name, wanted.cron, wanted.zone, wanted.sagaName, wanted.missedTicks, now, now);
        }
        if (stored.sameTimingAs(wanted)) {
            return stored.missedTicks.equals(wanted.missedTicks) ? stored
                    : new ScheduleRecord(stored.name, stored.cron, stored.zone, stored.sagaName, wanted.missedTicks,
                    stored.lastTick, now);
        }
        return new ScheduleRecord(stored.name, wanted.cron, wanted.zone, wanted.sagaName, wanted.missedTicks,
                Math.max(stored.lastTick, now), now);
    }
}
