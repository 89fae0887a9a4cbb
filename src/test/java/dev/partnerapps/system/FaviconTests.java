package dev.partnerapps.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerapps.support.HttpSession;
import dev.partnerapps.support.IntegrationTestBase;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** docs/console.md, "Layout on every screen": the icon where browsers look for it, named by every page. */
class FaviconTests extends IntegrationTestBase {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theIconIsServedAtTheRootToAnyoneAndCachedForAWeek() throws Exception {
        HttpResponse<byte[]> icon = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/favicon.ico"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("image/"));
        assertThat(icon.headers().firstValue("Cache-Control")).hasValueSatisfying(
                cache -> assertThat(cache).contains("max-age=604800"));
        try (InputStream file = getClass().getResourceAsStream("/static/favicon.ico")) {
            assertThat(icon.body()).isEqualTo(file.readAllBytes());
        }
        // An icon directory (reserved 0, type 1 = icon) with the two sizes.
        assertThat(icon.body()).startsWith(0, 0, 1, 0, 2, 0);
    }

    @Test
    void pagesNameTheIcon() {
        HttpResponse<String> signIn = new HttpSession(port).get("/login");
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.body()).contains("<link rel=\"icon\" href=\"/favicon.ico\"");
    }
}
