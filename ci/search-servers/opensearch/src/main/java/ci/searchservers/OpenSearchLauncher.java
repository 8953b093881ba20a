package ci.searchservers;

import static org.codelibs.opensearch.runner.OpenSearchRunner.newConfigs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.opensearch.cluster.health.ClusterHealthStatus;

/**
 * Starts one real OpenSearch node (single-node discovery) bound to 127.0.0.1, with
 * codelibs' OpenSearchRunner (modules such as analysis-common and transport-netty4 are
 * loaded as classpath plugins).
 *
 * Usage: OpenSearchLauncher [PORT [BASE_DIR]]
 * PORT defaults to $SEARCH_PORT, then 9200. BASE_DIR defaults to a new temp dir,
 * which is deleted again on shutdown. Prints "READY http://127.0.0.1:PORT" once
 * the cluster is at least yellow, then runs until the JVM is told to stop
 * (SIGTERM/SIGINT run a shutdown hook that closes the node). Exits 1 if the node
 * cannot be started.
 */
public final class OpenSearchLauncher {

    private OpenSearchLauncher() {
    }

    public static void main(final String[] args) throws Exception {
        final int port = Integer.parseInt(args.length > 0 ? args[0] : env("SEARCH_PORT", "9200"));
        final boolean tempBase = args.length < 2;
        final Path base = (tempBase ? Files.createTempDirectory("ci-opensearch-") : Paths.get(args[1])).toAbsolutePath();
        final String host = env("SEARCH_HOST", "127.0.0.1");

        final OpenSearchRunner runner = new OpenSearchRunner();
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                System.out.println("STOPPING");
                runner.close(); // closes every node, waiting up to 10 s each
                if (tempBase) {
                    deleteTree(base);
                }
            } catch (final Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "ci-opensearch-shutdown"));

        try {
            // No port probing/shifting by the runner: http.port below is the port, or startup fails.
            runner.setMaxHttpPort(-1);
            runner.onBuild((number, settings) -> {
                settings.put("http.port", String.valueOf(port));
                settings.put("network.host", host);
                settings.put("discovery.type", "single-node");
                // CI disks can be nearly full: never flip indices to read-only.
                settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
                settings.put("action.auto_create_index", true);
            });
            runner.build(newConfigs()
                    .basePath(base.toString())
                    .numOfNode(1)
                    .baseHttpPort(port - 1) // the runner gives node N the port baseHttpPort + N
                    .clusterName(env("SEARCH_CLUSTER_NAME", "ci-opensearch")));
            final ClusterHealthStatus status = runner.ensureYellow();
            System.out.println("HEALTH " + status);
        } catch (final Throwable t) {
            System.out.println("FAILED to start: " + t);
            t.printStackTrace(System.out);
            System.exit(1); // runs the shutdown hook: closes the node, removes the temp dir
        }
        System.out.println("READY http://" + host + ":" + port);
        System.out.flush();
        stopped.await();
    }

    private static void deleteTree(final Path root) throws Exception {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static String env(final String name, final String fallback) {
        final String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
