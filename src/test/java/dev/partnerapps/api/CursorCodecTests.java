package dev.partnerapps.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorCodecTests {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final CursorCodec codec = new CursorCodec(() -> KEY);

    @Test
    void aCursorGivesBackTheSortKeyItWasMadeFor() {
        String cursor = codec.encode("listitems\n7\n42", List.of("PRJ-7 (München)", 123456789012L));
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(codec.decode("listitems\n7\n42", cursor)).containsExactly("PRJ-7 (München)", 123456789012L);
    }

    @Test
    void anotherInstanceWithTheSameKeyReadsTheCursor() {
        String cursor = codec.encode("lists\n7", List.of(5L));
        byte[] sameKey = KEY.clone();
        assertThat(new CursorCodec(() -> sameKey).decode("lists\n7", cursor)).containsExactly(5L);
        byte[] otherKey = "another key, another deployment!".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> new CursorCodec(() -> otherKey).decode("lists\n7", cursor))
                .isInstanceOf(BadApiRequestException.class);
    }

    @Test
    void everyChangedByteIsRefused() {
        String cursor = codec.encode("listitems\n7\n42", List.of("A-1", 9L));
        byte[] bytes = Base64.getUrlDecoder().decode(cursor);
        for (int i = 0; i < bytes.length; i++) {
            byte[] changed = bytes.clone();
            changed[i] ^= 0x01;
            String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(changed);
            assertThatThrownBy(() -> codec.decode("listitems\n7\n42", tampered)).as("byte " + i)
                    .isInstanceOf(BadApiRequestException.class);
        }
    }

    @Test
    void aCursorForAnotherListCompanyOrCollectionIsRefused() {
        String cursor = codec.encode("listitems\n7\n42", List.of("A-1", 9L));
        for (String other : List.of("listitems\n7\n43", "listitems\n8\n42", "lists\n7", "listitems\n7\n42\n")) {
            assertThatThrownBy(() -> codec.decode(other, cursor)).as(other).isInstanceOf(BadApiRequestException.class)
                    .hasMessageContaining("cursor");
        }
    }

    @Test
    void garbageIsRefusedWithoutReadingIt() {
        for (String garbage : List.of("", "x", "!!!!", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "A".repeat(10_000))) {
            assertThatThrownBy(() -> codec.decode("lists\n7", garbage)).isInstanceOf(BadApiRequestException.class);
        }
    }
}
