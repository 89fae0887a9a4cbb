package dev.partnerapps.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerapps.application.ReviewState;
import dev.partnerapps.application.Visibility;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every {@code #{key}} a template uses exists in messages.properties, and so does every key a
 * template builds: an enum's name ({@code #{'visibility.' + ${app.visibility}}}) and the error
 * page's texts for a status without its own.
 */
class MessagesTests {

    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)");

    @Test
    void everyMessageKeyUsedByATemplateIsDefined() throws IOException {
        Set<String> used = new TreeSet<>();
        Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
        assertThat(templates).isNotEmpty();
        for (Resource template : templates) {
            Matcher matcher = MESSAGE_KEY.matcher(template.getContentAsString(StandardCharsets.UTF_8));
            while (matcher.find()) {
                used.add(matcher.group(1));
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(used).allSatisfy(key -> assertThat(messages()).containsKey(key));
    }

    @Test
    void everyVisibilityAndReviewStateHasItsName() throws IOException {
        Properties messages = messages();
        assertThat(Arrays.stream(Visibility.values()).map(v -> "visibility." + v))
                .allSatisfy(key -> assertThat(messages).containsKey(key));
        assertThat(Arrays.stream(ReviewState.values()).map(r -> "reviewState." + r))
                .allSatisfy(key -> assertThat(messages).containsKey(key));
    }

    @Test
    void theErrorPageHasTextsForEveryStatusSeries() throws IOException {
        assertThat(messages()).containsKeys("error.4xx.title", "error.4xx.text", "error.5xx.title", "error.5xx.text");
    }

    static Properties messages() throws IOException {
        Properties messages = new Properties();
        try (InputStream in = MessagesTests.class.getResourceAsStream("/messages.properties")) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return messages;
    }
}
