package dev.partnerapps.system;

import static dev.partnerapps.support.DemoUsers.ACME_DEVELOPER;
import static dev.partnerapps.support.DemoUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerapps.PartnerAppsApplication;
import dev.partnerapps.support.Console;
import dev.partnerapps.support.HttpSession;
import dev.partnerapps.support.OAuth;
import dev.partnerapps.support.PostgresTestBase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * PostgreSQL goes away under a running instance: every request that needs the database answers
 * 503 with Retry-After within 3 s, readiness turns DOWN, client_credentials keeps being served
 * for an application seen before (until the grace ends), and all comes back when the database does.
 */
class DatabaseOutagePostgresTests extends PostgresTestBase {

    private static final Duration GRACE = Duration.ofSeconds(8);

    @Autowired
    Environment environment;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void requestsFailFastWith503WhileTheDatabaseIsAwayAndRecoverAfterwards() throws Exception {
        Console console = console();
        Console.Credentials app = console.register(ACME_DEVELOPER, Console.uniqueName("Outage App"), "LIST", "USER");
        // Never used before the outage: the instance has nothing cached for it and must ask the database.
        Console.Credentials cold = console.register(ACME_DEVELOPER, Console.uniqueName("Outage Cold App"), "LIST", "USER");
        String url = environment.getProperty("spring.datasource.url");
        Matcher hostPort = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)(/.*)").matcher(url);
        assertThat(hostPort.matches()).as("a PostgreSQL URL with host and port: %s", url).isTrue();
        try (CuttableProxy proxy = new CuttableProxy(hostPort.group(1), Integer.parseInt(hostPort.group(2)));
                ConfigurableApplicationContext instance = new SpringApplicationBuilder(PartnerAppsApplication.class)
                        .profiles("test")
                        .run("--server.port=0",
                                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + proxy.port() + hostPort.group(3),
                                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                                // The postgres profile's pgjdbc bounds, which the test profile does not carry.
                                "--spring.datasource.hikari.data-source-properties.connectTimeout=2",
                                "--spring.datasource.hikari.data-source-properties.loginTimeout=2",
                                "--spring.datasource.hikari.data-source-properties.socketTimeout=5",
                                "--partnerapps.oauth.change-notifications=false",
                                // Shorter than the default 60 s so that the test sees the grace end.
                                "--partnerapps.oauth.outage-grace=" + GRACE.toMillis() + "ms")) {
            int port = Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
            HttpSession developer = new HttpSession(port);
            developer.signIn(ACME_DEVELOPER, PASSWORD);
            assertThat(developer.get("/admin/web-services/applications").statusCode()).isEqualTo(200);
            HttpResponse<String> issued = token(port, app);
            assertThat(issued.statusCode()).isEqualTo(200);
            Matcher accessToken = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(issued.body());
            assertThat(accessToken.find()).isTrue();
            String bearer = accessToken.group(1);
            assertThat(get(port, "/api/v3.0/common/lists", bearer).statusCode()).isEqualTo(200);
            assertThat(get(port, "/actuator/health/readiness").statusCode()).isEqualTo(200);

            proxy.cut();
            long cutAt = System.nanoTime();

            HttpResponse<String> page = timed(() -> developer.get("/admin/web-services/applications"));
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).contains("5");
            assertThat(page.body()).contains("Temporarily unavailable").contains("navbar").doesNotContain("Exception");

            HttpResponse<String> token = timed(() -> token(port, cold));
            assertThat(token.statusCode()).isEqualTo(503);
            assertThat(token.headers().firstValue("Retry-After")).contains("5");
            assertThat(token.body()).contains("\"error\":\"temporarily_unavailable\"");

            HttpResponse<String> served = timed(() -> token(port, app));
            assertThat(served.statusCode()).as("client_credentials for an application seen before the outage")
                    .isEqualTo(200);
            assertThat(served.body()).contains("\"access_token\"");

            HttpResponse<String> api = timed(() -> get(port, "/api/v3.0/common/lists", bearer));
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Retry-After")).contains("5");
            assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

            long start = System.nanoTime();
            int readiness = 200;
            while (readiness == 200 && System.nanoTime() - start < Duration.ofSeconds(5).toNanos()) {
                readiness = get(port, "/actuator/health/readiness").statusCode();
            }
            assertThat(readiness).as("readiness within 5 s").isEqualTo(503);
            assertThat(get(port, "/actuator/health/liveness").statusCode()).isEqualTo(200);

            // Past the grace, what was read before the outage is no longer trusted.
            Thread.sleep(Math.max(0, GRACE.plusSeconds(3).toMillis() - Duration.ofNanos(System.nanoTime() - cutAt).toMillis()));
            HttpResponse<String> stale = timed(() -> token(port, app));
            assertThat(stale.statusCode()).as("after the grace").isEqualTo(503);
            assertThat(stale.headers().firstValue("Retry-After")).contains("5");

            proxy.restore();

            start = System.nanoTime();
            int status = 503;
            while (status != 200 && System.nanoTime() - start < Duration.ofSeconds(10).toNanos()) {
                status = developer.get("/admin/web-services/applications").statusCode();
                if (status != 200) {
                    Thread.sleep(200);
                }
            }
            assertThat(status).as("the same sign-in works again").isEqualTo(200);
            assertThat(token(port, app).statusCode()).isEqualTo(200);
            assertThat(token(port, cold).statusCode()).isEqualTo(200);
            assertThat(get(port, "/api/v3.0/common/lists", bearer).statusCode()).as("tokens issued before still work").isEqualTo(200);
            assertThat(get(port, "/actuator/health/readiness").statusCode()).isEqualTo(200);
        }
    }

    /** Runs a request and checks it answered within the 3 s budget. */
    private static HttpResponse<String> timed(Supplier<HttpResponse<String>> request) {
        long start = System.nanoTime();
        HttpResponse<String> response = request.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        return response;
    }

    private HttpResponse<String> token(int port, Console.Credentials app) {
        return new OAuth(port).clientCredentialsHttp(app.key(), app.secret(), null);
    }

    private HttpResponse<String> get(int port, String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build());
    }

    private HttpResponse<String> get(int port, String path, String bearer) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + bearer).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A TCP proxy in front of PostgreSQL. {@link #cut()} closes every open connection and then
     * black-holes new ones (accepted, never answered), as a network partition does.
     */
    static final class CuttableProxy implements AutoCloseable {

        private final String host;
        private final int targetPort;
        private final ServerSocket server;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private volatile boolean cut;

        CuttableProxy(String host, int targetPort) throws IOException {
            this.host = host;
            this.targetPort = targetPort;
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            daemon(this::acceptLoop);
        }

        int port() {
            return server.getLocalPort();
        }

        void cut() {
            cut = true;
            sockets.forEach(CuttableProxy::closeQuietly);
            sockets.clear();
        }

        void restore() {
            cut = false;
            // Black-holed connections stay open but useless; close them so their clients give up now.
            sockets.forEach(CuttableProxy::closeQuietly);
            sockets.clear();
        }

        private void acceptLoop() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    sockets.add(client);
                    if (cut) {
                        continue;
                    }
                    Socket upstream = new Socket();
                    upstream.connect(new InetSocketAddress(host, targetPort), 2000);
                    sockets.add(upstream);
                    daemon(() -> pump(client, upstream));
                    daemon(() -> pump(upstream, client));
                } catch (IOException e) {
                    // The server socket closed, or one connection failed: carry on until closed.
                }
            }
        }

        private static void pump(Socket from, Socket to) {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // Either side closed.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }

        private static void daemon(Runnable task) {
            Thread thread = new Thread(task, "outage-proxy");
            thread.setDaemon(true);
            thread.start();
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException e) {
                // Already closed.
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            cut();
        }
    }
}
