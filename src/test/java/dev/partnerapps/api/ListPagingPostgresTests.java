package dev.partnerapps.api;

import static dev.partnerapps.support.DemoUsers.ACME_DEVELOPER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerapps.support.Console;
import dev.partnerapps.support.Instances;
import dev.partnerapps.support.PostgresTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keyset paging of list items on PostgreSQL, over real HTTP with a real token: a client that
 * follows {@code next} through a large list sees every item that was there when it started,
 * once and in order, whatever others add meanwhile; and any instance continues any other's walk.
 */
class ListPagingPostgresTests extends PostgresTestBase {

    private static final int ITEMS = 2_500;
    private static final int LIMIT = 97;

    @Autowired
    Environment environment;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private String token;

    record Item(long id, String code) {
    }

    record Page(List<Item> items, String next) {
    }

    @BeforeEach
    void setUp() throws Exception {
        Console.Credentials app = console().register(ACME_DEVELOPER, Console.uniqueName("Pager"), "LIST");
        token = oauth().accessToken(app.key(), app.secret());
    }

    /** A list of the demo company Acme with {@code size} items whose code order differs from their id order. */
    private long largeList(int size) {
        long company = jdbc.queryForObject("select id from companies where domain = 'acme-sandbox.example'", Long.class);
        String name = "Volume " + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("insert into lists (company_id, name) values (?, ?)", company, name);
        long list = jdbc.queryForObject("select id from lists where company_id = ? and name = ?", Long.class, company, name);
        // 7919 and 10007 are coprime, so the codes are distinct and shuffled against the ids.
        jdbc.update("""
                insert into list_items (list_id, code, name)
                select ?, 'C' || lpad(cast((g * 7919) % 10007 as varchar), 5, '0'), 'Item ' || g
                from generate_series(1, ?) g
                """, list, size);
        jdbc.execute("analyze list_items");
        return list;
    }

    private long insertItem(long list, String code) {
        jdbc.update("insert into list_items (list_id, code, name) values (?, ?, ?)", list, code, "Added meanwhile");
        return jdbc.queryForObject("select id from list_items where list_id = ? and code = ?", Long.class, list, code);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Page page(String url) throws Exception {
        HttpResponse<String> response = get(url);
        assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        List<Item> items = new ArrayList<>();
        body.get("items").forEach(item -> items.add(new Item(item.get("id").asLong(), item.get("code").asString())));
        return new Page(items, body.get("next").isNull() ? null : body.get("next").asString());
    }

    private String firstPage(int port, long list) {
        return "http://localhost:" + port + "/api/v3.0/common/listitems?listId=" + list + "&limit=" + LIMIT;
    }

    @Test
    void followingNextWalksALargeGrowingListWithoutRepeatsOrGapsAndInOrder() throws Exception {
        long list = largeList(ITEMS);
        List<Long> atStart = jdbc.queryForList("select id from list_items where list_id = ? order by code, id",
                Long.class, list);
        assertThat(atStart).hasSize(ITEMS);

        List<Item> walked = new ArrayList<>();
        Set<Long> addedAhead = new HashSet<>();
        Set<Long> addedBehind = new HashSet<>();
        String next = firstPage(port, list);
        String opensNextPage = null;
        int pages = 0;
        while (next != null) {
            assertThat(next).doesNotContain("offset");
            Page page = page(next);
            pages++;
            assertThat(page.items()).hasSizeLessThanOrEqualTo(LIMIT);
            if (opensNextPage != null) {
                // What was added right after the previous page's last item opens this page.
                assertThat(page.items().get(0).code()).isEqualTo(opensNextPage);
            }
            walked.addAll(page.items());
            next = page.next();
            if (next != null) {
                // Others add items while the client reads: just ahead of where it stands, and
                // just behind (between the first two items of the page it has read).
                String first = page.items().get(0).code();
                String last = page.items().get(page.items().size() - 1).code();
                opensNextPage = last + "-ahead";
                addedAhead.add(insertItem(list, opensNextPage));
                addedBehind.add(insertItem(list, first + "-behind"));
                if (pages == 3) {
                    addedBehind.add(insertItem(list, "A-new-first"));
                    addedAhead.add(insertItem(list, "Z-new-last"));
                }
            }
        }

        List<Long> walkedIds = walked.stream().map(Item::id).toList();
        assertThat(pages).isGreaterThan(ITEMS / LIMIT);
        assertThat(walkedIds).doesNotHaveDuplicates();
        assertThat(walkedIds.stream().filter(new HashSet<>(atStart)::contains).toList())
                .as("every item there at the start, once, in order").isEqualTo(atStart);
        assertThat(walkedIds).containsAll(addedAhead).doesNotContainAnyElementsOf(addedBehind);
        Set<Long> seen = new HashSet<>(walkedIds);
        assertThat(jdbc.queryForList("select id from list_items where list_id = ? order by code, id", Long.class, list)
                .stream().filter(seen::contains).toList()).as("the list's own order").isEqualTo(walkedIds);
    }

    @Test
    void anotherInstanceContinuesTheWalkAndRefusesAChangedCursor() throws Exception {
        long list = largeList(300);
        Page first = page(firstPage(port, list));
        Page second = page(first.next());

        try (ConfigurableApplicationContext other = secondInstance()) {
            int otherPort = Integer.parseInt(other.getEnvironment().getProperty("local.server.port"));
            String elsewhere = first.next().replace("localhost:" + port, "localhost:" + otherPort);
            assertThat(elsewhere).isNotEqualTo(first.next());
            Page fromOther = page(elsewhere);
            assertThat(fromOther.items()).isEqualTo(second.items());
            // And back: the other instance's next works here.
            Page third = page(fromOther.next().replace("localhost:" + otherPort, "localhost:" + port));
            assertThat(third.items().get(0).code()).isGreaterThan(second.items().get(LIMIT - 1).code());

            String changed = elsewhere.replaceFirst("cursor=(.)", "cursor=" + (elsewhere.contains("cursor=A") ? "B" : "A"));
            HttpResponse<String> refused = get(changed);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        }
    }

    /** A second instance of the application on the same database, as a load balancer would have. */
    private ConfigurableApplicationContext secondInstance() {
        return Instances.another(environment);
    }
}
