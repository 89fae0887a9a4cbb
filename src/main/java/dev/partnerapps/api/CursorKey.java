package dev.partnerapps.api;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The key that signs page cursors, kept in the database so that every instance signs and
 * checks with the same one: a cursor from one instance works on the next. The first instance
 * that needs it creates it; nothing to configure. Anyone who can read the database could forge a
 * cursor, which buys nothing: a cursor only says where to start within what the token may read.
 */
@Component
class CursorKey implements Supplier<byte[]> {

    private static final int ID = 1;
    private static final int KEY_BYTES = 32;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile byte[] key;

    CursorKey(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public byte[] get() {
        byte[] known = key;
        if (known == null) {
            synchronized (this) {
                if (key == null) {
                    key = load();
                }
                known = key;
            }
        }
        return known;
    }

    private byte[] load() {
        List<String> stored = read();
        if (stored.isEmpty()) {
            byte[] fresh = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(fresh);
            try {
                jdbc.update("insert into api_cursor_keys (id, secret, created_at) values (?, ?, ?)", ID,
                        Base64.getEncoder().encodeToString(fresh), Timestamp.from(clock.instant()));
            } catch (DuplicateKeyException e) {
                // Another instance created it at the same moment: use theirs.
            }
            stored = read();
        }
        return Base64.getDecoder().decode(stored.get(0));
    }

    private List<String> read() {
        return jdbc.queryForList("select secret from api_cursor_keys where id = ?", String.class, ID);
    }
}
