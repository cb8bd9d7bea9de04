package org.dailypapers.search.embedding;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A child JVM for {@link OnnxRuntimeGuardTest}: prints the names of the JVM's shutdown hooks once the embedder is
 * loaded, then embeds without pause on two daemon threads and exits while runs are in flight, with the embedder left
 * open, as a test JVM leaves the background indexers of cached Spring contexts.
 */
final class EmbedderExitProbe {

    private EmbedderExitProbe() {}

    public static void main(String[] args) throws Exception {
        BgeEmbedder embedder = new BgeEmbedder(1);
        Field field = Class.forName("java.lang.ApplicationShutdownHooks").getDeclaredField("hooks");
        field.setAccessible(true);
        for (Thread hook : ((Map<?, ?>) field.get(null)).keySet().toArray(Thread[]::new)) {
            System.out.println("hook=" + hook.getName());
        }
        AtomicInteger embedded = new AtomicInteger();
        CountDownLatch running = new CountDownLatch(4);
        for (int t = 0; t < 2; t++) {
            Thread.ofPlatform().daemon(true).start(() -> {
                try {
                    while (true) {
                        embedder.embedDocument(
                                "Retrieval-augmented generation grounds answers in documents. ".repeat(20));
                        embedded.incrementAndGet();
                        running.countDown();
                    }
                } catch (IllegalStateException refused) {
                    // the JVM is ending: the embedder refused in Java, as it must
                }
            });
        }
        running.await();
        System.out.println("embedded=" + embedded.get() + ", exiting");
        System.exit(0);
    }
}
