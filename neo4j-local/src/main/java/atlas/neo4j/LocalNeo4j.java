package atlas.neo4j;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Runs Neo4j Community in this JVM with only the Bolt connector, bound to 127.0.0.1, for local development and
 * tests. Prints exactly one line "NEO4J_LOCAL_READY bolt://127.0.0.1:PORT" once Bolt accepts connections, and shuts
 * the database down cleanly on SIGTERM/SIGINT (the JVM's shutdown hook). With --exit-on-stdin-eof true it also exits
 * when standard input closes, so a parent that dies (even by SIGKILL) never leaves an orphan JVM.
 *
 * Usage: java -Xmx1g -jar neo4j-local.jar --data DIR --port PORT [--pagecache 256m] [--exit-on-stdin-eof true]
 */
public final class LocalNeo4j {
    private LocalNeo4j() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        Path home = Path.of(require(opts, "data")).toAbsolutePath();
        int port = Integer.parseInt(require(opts, "port"));
        String pagecache = opts.getOrDefault("pagecache", "256m");

        // Settings go through a generated neo4j.conf so every key is validated strictly, exactly as a server would.
        Files.createDirectories(home);
        Path conf = home.resolve("neo4j-local.conf");
        Files.writeString(conf, String.join("\n",
                "server.bolt.enabled=true",
                "server.bolt.listen_address=127.0.0.1:" + port,
                "server.bolt.advertised_address=127.0.0.1:" + port,
                "server.bolt.tls_level=DISABLED",
                "server.http.enabled=false",
                "server.https.enabled=false",
                "dbms.security.auth_enabled=false",
                "server.memory.pagecache.size=" + pagecache,
                "dbms.usage_report.enabled=false",
                "db.tx_log.rotation.retention_policy=2 files",
                "db.tx_log.rotation.size=16M",
                "") );
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .loadPropertiesFromFile(conf)
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            stopped.countDown();
        }, "neo4j-local-shutdown"));

        // Bolt may accept connections while the default database is still recovering its transaction log; ready means
        // queries work.
        if (!dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).isAvailable(120_000)) {
            System.err.println("the default database did not become available within 120 s");
            System.exit(3);
        }
        waitForBolt(port);
        System.out.println("NEO4J_LOCAL_READY bolt://127.0.0.1:" + port);
        System.out.flush();

        if (!"true".equals(opts.getOrDefault("exit-on-stdin-eof", "false"))) {
            stopped.await();
            return;
        }
        // The parent keeps our stdin open; when it goes away (even by SIGKILL) stdin reaches EOF and we exit.
        Thread stdinWatch = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // discard
                }
            } catch (IOException ignored) {
                // treat a broken pipe like EOF
            }
            System.exit(0);
        }, "neo4j-local-stdin-watch");
        stdinWatch.setDaemon(true);
        stdinWatch.start();
        stopped.await();
    }

    private static void waitForBolt(int port) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        System.err.println("Bolt did not accept connections on 127.0.0.1:" + port + " within 60 s");
        System.exit(3);
    }

    private static Map<String, String> parse(String[] args) {
        java.util.HashMap<String, String> out = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                usage("unexpected argument " + args[i]);
            }
            out.put(args[i].substring(2), args[i + 1]);
        }
        if (args.length % 2 != 0) {
            usage("missing value for " + args[args.length - 1]);
        }
        return out;
    }

    private static String require(Map<String, String> opts, String key) {
        String v = opts.get(key);
        if (v == null || v.isBlank()) {
            usage("--" + key + " is required");
        }
        return v;
    }

    private static void usage(String problem) {
        System.err.println(problem + "\nusage: java -jar neo4j-local.jar --data DIR --port PORT [--pagecache 256m] [--exit-on-stdin-eof true]");
        System.exit(2);
    }
}
