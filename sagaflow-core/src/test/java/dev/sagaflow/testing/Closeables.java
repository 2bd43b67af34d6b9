package dev.sagaflow.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * What a test opened, closed in reverse order (engines before the transports and stores they use):
 * a field marked {@code @AutoClose}.
 */
public final class Closeables implements AutoCloseable {
    private final List<AutoCloseable> opened = new ArrayList<>();

    public synchronized <T extends AutoCloseable> T add(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    @Override
    public synchronized void close() throws Exception {
        Exception first = null;
        for (AutoCloseable c : opened.reversed()) {
            try {
                c.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        opened.clear();
        if (first != null) {
            throw first;
        }
    }
}
