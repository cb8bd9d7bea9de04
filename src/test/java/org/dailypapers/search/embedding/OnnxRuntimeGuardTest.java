package org.dailypapers.search.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxRuntimeGuardTest {

    @Test
    void shouldWaitForCallsInFlightAndRefuseLaterOnesOnceClosed() throws Exception {
        OnnxRuntimeGuard.Gate gate = new OnnxRuntimeGuard.Gate();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // threads of their own: the common pool may have a single worker on a small machine
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        CompletableFuture<String> inFlight = CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return gate.call(() -> {
                            entered.countDown();
                            try {
                                return release.await(1, TimeUnit.MINUTES) ? "finished" : "timed out";
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return "interrupted";
                            }
                        });
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                threads);
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> closing = CompletableFuture.runAsync(gate::close, threads);
        // closing marks the gate at once, but cannot finish while the call is still running
        while (!gate.closed()) {
            Thread.onSpinWait();
        }
        assertThat(closing).isNotDone();
        assertThatThrownBy(() -> gate.call(() -> "too late"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shutting down");
        release.countDown();
        assertThat(inFlight.get(10, TimeUnit.SECONDS)).isEqualTo("finished");
        closing.get(10, TimeUnit.SECONDS);
        threads.shutdown();
    }

    @Test
    void shouldReplaceOnnxRuntimesShutdownHookAndExitCleanlyWhileEmbedding(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("child.log");
        Process child = new ProcessBuilder(List.of(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-Xmx512m",
                        "--enable-native-access=ALL-UNNAMED",
                        "--add-opens",
                        "java.base/java.lang=ALL-UNNAMED",
                        "-XX:ErrorFile=" + dir.resolve("hs_err_%p.log"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmbedderExitProbe.class.getName()))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).as("child JVM exits").isTrue();
        String log = Files.readString(output, StandardCharsets.UTF_8);
        // ONNX Runtime's own hook (an unnamed "Thread-N") would release the environment under running sessions
        List<String> hooks = log.lines().filter(l -> l.startsWith("hook=")).toList();
        assertThat(hooks).as(log).containsExactly("hook=onnxruntime-guard");
        assertThat(log).contains(", exiting").doesNotContain("fatal error");
        assertThat(child.exitValue()).as(log).isZero();
    }
}
