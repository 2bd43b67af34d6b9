package dev.sagaflow.internal;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Who wrote a row and who holds its lease: one engine's run, not its configured name. A node restarted
 * under the same name, or two live nodes given one name, each get a token of their own, so neither can
 * take the other's write for its own (a write id is read back to settle a commit whose reply was lost)
 * nor renew or release the other's leases.
 */
public final class NodeIdentity {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String nodeId;
    private final String token;
    private final String owner;
    private final AtomicLong writes = new AtomicLong();

    private NodeIdentity(String nodeId, String token) {
        this.nodeId = nodeId;
        this.token = token;
        this.owner = nodeId + "#" + token;
    }

    /** A new run of the node named {@code nodeId}: 64 random bits of its own. */
    public static NodeIdentity of(String nodeId) {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return new NodeIdentity(nodeId, HexFormat.of().formatHex(bytes));
    }

    /** The configured name, for logs. */
    public String nodeId() {
        return nodeId;
    }

    /** What this run writes in a lease's {@code owner} column: the name and the token. */
    public String owner() {
        return owner;
    }

    /** A write id no other run can produce: the token and a counter (at most 36 characters). */
    public String nextWriteId() {
        return token + ":" + writes.incrementAndGet();
    }
}
