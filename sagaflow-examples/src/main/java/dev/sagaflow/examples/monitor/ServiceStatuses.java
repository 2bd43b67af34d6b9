package dev.sagaflow.examples.monitor;

/**
 * The simulated services' health: a pure function of (service, round), so a resumed run, a retried
 * check and the independent audit all agree on what each check saw. Most services are steady, some
 * flaky, a few very flaky.
 */
public final class ServiceStatuses {
    public static final char UP = 'U';
    public static final char DEGRADED = 'D';
    public static final char DOWN = 'X';

    private ServiceStatuses() {
    }

    /** The status service {@code service} reports in round {@code round}: {@link #UP}, {@link #DEGRADED} or {@link #DOWN}. */
    public static char of(int service, long round) {
        double flakiness = flakiness(service);
        double u = unit(mix(mix(service * 0x9E3779B97F4A7C15L) ^ round));
        return u < flakiness / 3 ? DOWN : u < flakiness ? DEGRADED : UP;
    }

    /** Every service's status in {@code round}, one character each, service 0 first. */
    public static String all(int services, long round) {
        char[] statuses = new char[services];
        for (int s = 0; s < services; s++) {
            statuses[s] = of(s, round);
        }
        return new String(statuses);
    }

    public static String name(char status) {
        return switch (status) {
            case UP -> "UP";
            case DEGRADED -> "DEGRADED";
            case DOWN -> "DOWN";
            default -> throw new IllegalArgumentException("not a status: " + status);
        };
    }

    private static double flakiness(int service) {
        double u = unit(mix(service + 0x5DEECE66DL));
        return u < 0.05 ? 0.25 : u < 0.30 ? 0.02 : 0.002;
    }

    /** SplitMix64, as the order book uses. */
    private static long mix(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }
}
