package dev.partnerapps.paging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListReturnTests {

    private static final String USERS = "/admin/web-services/users";

    @Test
    void returnsToTheSameListWithItsSearchFilterAndPage() {
        assertThat(ListReturn.to(USERS, USERS + "?q=ann%20lee&role=EMPLOYEE&page=3"))
                .isEqualTo(USERS + "?q=ann%20lee&role=EMPLOYEE&page=3");
        assertThat(ListReturn.to(USERS, USERS)).isEqualTo(USERS);
    }

    @Test
    void neverRedirectsAnywhereButTheList() {
        assertThat(ListReturn.to(USERS, null)).isEqualTo(USERS);
        assertThat(ListReturn.to(USERS, "https://evil.example/" + USERS)).isEqualTo(USERS);
        assertThat(ListReturn.to(USERS, "//evil.example" + USERS)).isEqualTo(USERS);
        assertThat(ListReturn.to(USERS, USERS + "/../../logout")).isEqualTo(USERS);
        assertThat(ListReturn.to(USERS, USERS + "x?q=1")).isEqualTo(USERS);
        assertThat(ListReturn.to(USERS, USERS + "?q=1\r\nSet-Cookie:%20a=b")).isEqualTo(USERS);
        assertThat(ListReturn.to(USERS, USERS + "?q=1#fragment")).isEqualTo(USERS);
        assertThat(ListReturn.to(USERS, USERS + "?q=" + "a".repeat(2000))).isEqualTo(USERS);
    }
}
