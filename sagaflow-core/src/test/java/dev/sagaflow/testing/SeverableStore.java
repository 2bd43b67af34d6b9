package dev.sagaflow.testing;

import dev.sagaflow.spi.SagaStore;
import dev.sagaflow.spi.SagaStoreException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * A node's way to the shared store that can be cut for good: after {@link #sever()} every call of
 * the store (the outbox and the lease release included, which {@link FaultInjectingStore#unreachable}
 * leaves alone) fails as if the node's process were gone. Used to "kill" an engine node that runs
 * on a thread of the test's JVM. Closing the node's view leaves the shared store open.
 */
public final class SeverableStore {
    private final SagaStore view;
    private volatile boolean severed;

    public SeverableStore(SagaStore delegate) {
        this.view = (SagaStore) Proxy.newProxyInstance(SagaStore.class.getClassLoader(), new Class<?>[] {SagaStore.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close" -> {
                            return null;
                        }
                        case "onDueWork" -> {
                            Runnable wakeUp = (Runnable) args[0];
                            delegate.onDueWork(() -> {
                                if (!severed) {
                                    wakeUp.run();
                                }
                            });
                            return null;
                        }
                        case "toString" -> {
                            return "severable " + delegate;
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        default -> {
                            if (severed) {
                                throw new SagaStoreException("injected: this node is killed, the store is out of its reach");
                            }
                            try {
                                return method.invoke(delegate, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        }
                    }
                });
    }

    /** The store as the node sees it. */
    public SagaStore store() {
        return view;
    }

    public void sever() {
        severed = true;
    }

    public boolean isSevered() {
        return severed;
    }
}
