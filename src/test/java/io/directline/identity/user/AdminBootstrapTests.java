package io.directline.identity.user;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.directline.identity.UserManagement;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;

class AdminBootstrapTests {

    @Test
    void aTooLongAdminPasswordStopsTheFirstStartSayingWhyWithoutShowingIt() {
        var users = mock(UserManagement.class);
        when(users.exists("admin")).thenReturn(false);
        var password = "ü".repeat(40);

        assertThatThrownBy(() ->
                        new AdminBootstrap(users, new AdminProperties(password)).run(new DefaultApplicationArguments()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DIRECTLINE_ADMIN_PASSWORD")
                .hasMessageContaining("is 80 bytes long")
                .hasMessageContaining("at most 72")
                .message()
                .doesNotContain(password);
        verify(users, never()).createUser(any());
    }
}
