package dev.sagaflow.internal;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Who wrote a row and who holds its lease: one engine's run, not its configured name. A node restarted
 * under the same name, or two live nodes given one name, each get a token of their own, so neither can
 * take the other's write for its own (a write id is read back to settle a commit whose reply was lost)
 * nor renew or release the other's leases.
 *
 * @param nodeId the configured name, for logs
 * @param owner  what this run writes in the lease's {@code owner} column: the name and the token
 * @param token  64 random bits, the prefix of every write id of this run
 */
public record NodeIdentity(String nodeId, String owner, String token, AtomicLong writes) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public static NodeIdentity of(String nodeId) {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        return new NodeIdentity(nodeId, nodeId + "#" + token, token, new AtomicLong());
    }

    /** A write id no other run can produce: the token and a counter (at most 36 characters). */
    public String nextWriteId() {
        return token + ":" + writes.incrementAndGet();
    }
}
