package ci.searchservers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.elasticsearch.action.admin.cluster.health.ClusterHealthRequest;
import org.elasticsearch.action.admin.cluster.health.ClusterHealthResponse;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.core.TimeValue;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.CiClasspathNode;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.transport.netty4.Netty4Plugin;

/**
 * Starts one real Elasticsearch 8 node (single-node discovery) bound to 127.0.0.1.
 *
 * Usage: ElasticsearchLauncher [PORT [BASE_DIR]]
 * PORT defaults to $SEARCH_PORT, then 9200. BASE_DIR defaults to a new temp dir,
 * which is deleted again on shutdown. Prints "READY http://127.0.0.1:PORT" once
 * the cluster is at least yellow, then runs until the JVM is told to stop
 * (SIGTERM/SIGINT run a shutdown hook that closes the node). Exits 1 if the node
 * cannot be started.
 *
 * Plugins on the classpath: the real transport-netty4 module, and {@link CiCompatPlugin}
 * (a CI stand-in for GET / and part of analysis-common, see there); set CI_ES_COMPAT=0 to
 * leave the stand-in out.
 */
public final class ElasticsearchLauncher {

    private static final String NODE_NAME = "ci-node-1";

    private ElasticsearchLauncher() {
    }

    public static void main(final String[] args) throws Exception {
        final int port = Integer.parseInt(args.length > 0 ? args[0] : env("SEARCH_PORT", "9200"));
        final boolean tempBase = args.length < 2;
        final Path base = (tempBase ? Files.createTempDirectory("ci-elasticsearch-") : Paths.get(args[1])).toAbsolutePath();
        final String host = env("SEARCH_HOST", "127.0.0.1");

        final AtomicReference<Node> nodeRef = new AtomicReference<>();
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                final Node node = nodeRef.get();
                if (node != null) {
                    System.out.println("STOPPING");
                    node.close();
                    if (!node.awaitClose(30, TimeUnit.SECONDS)) {
                        System.out.println("node did not close within 30s");
                    }
                }
                if (tempBase) {
                    deleteTree(base);
                }
            } catch (final Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "ci-elasticsearch-shutdown"));

        try {
            start(port, host, base, nodeRef);
        } catch (final Throwable t) {
            System.out.println("FAILED to start: " + t);
            t.printStackTrace(System.out);
            System.exit(1); // runs the shutdown hook: closes the node, removes the temp dir
        }
        System.out.println("READY http://" + host + ":" + port);
        System.out.flush();
        stopped.await();
    }

    private static void start(final int port, final String host, final Path base, final AtomicReference<Node> nodeRef)
            throws Exception {
        final Path home = base.resolve("home");
        final Path config = home.resolve("config");
        for (final String dir : new String[] { "config", "data", "logs", "modules", "plugins" }) {
            Files.createDirectories(home.resolve(dir));
        }

        final Settings settings = Settings.builder()
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                .put("cluster.name", env("SEARCH_CLUSTER_NAME", "ci-elasticsearch"))
                .put("node.name", NODE_NAME)
                .put("network.host", host)
                .put("http.port", port)
                .put("discovery.type", "single-node")
                // CI disks can be nearly full: never flip indices to read-only.
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .put("action.auto_create_index", true)
                .build();

        Files.writeString(config.resolve("log4j2.properties"), String.join("\n",
                "status = error",
                "appender.console.type = Console",
                "appender.console.name = console",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] [%node_name]%marker %m%n",
                "rootLogger.level = " + env("SEARCH_LOG_LEVEL", "info"),
                "rootLogger.appenderRef.console.ref = console",
                ""));
        LogConfigurator.configureESLogging();
        final Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Collections.emptyMap(), config,
                () -> NODE_NAME);
        LogConfigurator.setNodeName(NODE_NAME);
        LogConfigurator.configure(environment, true);

        final List<Class<? extends Plugin>> plugins = new ArrayList<>();
        plugins.add(Netty4Plugin.class);
        if (!"0".equals(env("CI_ES_COMPAT", "1"))) {
            plugins.add(CiCompatPlugin.class);
        }
        final Node node = new CiClasspathNode(environment, plugins);
        nodeRef.set(node);
        node.start();
        final ClusterHealthResponse health = node.client().admin().cluster()
                .health(new ClusterHealthRequest().waitForYellowStatus().timeout(TimeValue.timeValueSeconds(120)))
                .actionGet();
        System.out.println("HEALTH " + health.getStatus() + (health.isTimedOut() ? " (timed out)" : ""));
        if (health.isTimedOut()) {
            throw new IllegalStateException("cluster did not reach yellow within 120s");
        }
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
