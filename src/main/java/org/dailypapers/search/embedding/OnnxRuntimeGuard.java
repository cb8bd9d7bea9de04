package org.dailypapers.search.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.lang.reflect.Field;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's one ONNX Runtime environment, and an orderly end for it.
 *
 * <p>ONNX Runtime's Java binding releases its native environment from a JVM shutdown hook of its own. Shutdown hooks
 * run concurrently, so that release races with whatever still uses the runtime: the background indexer embedding a
 * paper, or Spring closing the embedder. A tensor, run or session used after its environment is gone crashes the
 * whole JVM (seen as SIGSEGV in {@code OrtSession.run} at the end of a test run, and as "Aborted" on Ctrl-C).
 *
 * <p>So every native call goes through {@link #call}, and the guard replaces the binding's hook with its own, which
 * waits for the calls in flight and refuses later ones. The environment itself is never released: the process is
 * ending, and the operating system takes its memory back.
 */
final class OnnxRuntimeGuard {

    private static final Logger log = LoggerFactory.getLogger(OnnxRuntimeGuard.class);

    private static final Gate GATE = new Gate();
    private static @Nullable OrtEnvironment environment;

    private OnnxRuntimeGuard() {}

    /** A piece of work that calls into ONNX Runtime. */
    @FunctionalInterface
    interface NativeCall<T> {
        T run() throws OrtException;
    }

    static synchronized OrtEnvironment environment() {
        OrtEnvironment env = environment;
        if (env == null) {
            Set<Thread> before = shutdownHooks();
            env = OrtEnvironment.getEnvironment();
            Set<Thread> after = shutdownHooks();
            if (before == null || after == null) {
                log.warn("ONNX Runtime keeps its own shutdown hook, which may crash the JVM as it exits: start Java"
                        + " with --add-opens java.base/java.lang=ALL-UNNAMED (the launcher does)");
            } else {
                after.removeAll(before);
                for (Thread hook : after) {
                    // registered while the environment was created: ONNX Runtime's environment closer
                    Runtime.getRuntime().removeShutdownHook(hook);
                }
            }
            Runtime.getRuntime()
                    .addShutdownHook(
                            Thread.ofPlatform().name("onnxruntime-guard").unstarted(GATE::close));
            environment = env;
        }
        return env;
    }

    /**
     * Runs native work unless the JVM is shutting down, in which case it throws without touching the runtime.
     *
     * @throws IllegalStateException when the JVM is shutting down
     */
    static <T> T call(NativeCall<T> work) throws OrtException {
        return GATE.call(work);
    }

    static boolean ending() {
        return GATE.closed();
    }

    /** Lets native calls through until closed; closing waits for the calls in flight and refuses later ones. */
    static final class Gate {

        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        private volatile boolean closed;

        <T> T call(NativeCall<T> work) throws OrtException {
            // checked before locking too: once closing waits for the lock, new readers would queue behind it
            refuseIfClosed();
            lock.readLock().lock();
            try {
                refuseIfClosed();
                return work.run();
            } finally {
                lock.readLock().unlock();
            }
        }

        boolean closed() {
            return closed;
        }

        private void refuseIfClosed() {
            if (closed) {
                throw new IllegalStateException("the JVM is shutting down; ONNX Runtime takes no more work");
            }
        }

        void close() {
            closed = true;
            lock.writeLock().lock();
            lock.writeLock().unlock();
        }
    }

    /**
     * The registered shutdown hooks, read from {@code java.lang.ApplicationShutdownHooks}; null when that class is
     * not open to this code (the launcher, the jar's manifest and the test set-up open it).
     */
    @SuppressWarnings("unchecked")
    private static @Nullable Set<Thread> shutdownHooks() {
        try {
            Class<?> hooksClass = Class.forName("java.lang.ApplicationShutdownHooks");
            Field field = hooksClass.getDeclaredField("hooks");
            field.setAccessible(true);
            synchronized (hooksClass) {
                Map<Thread, Thread> hooks = (Map<Thread, Thread>) field.get(null);
                Set<Thread> copy = Collections.newSetFromMap(new IdentityHashMap<>());
                if (hooks != null) {
                    copy.addAll(hooks.keySet());
                }
                return copy;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
