package com.tsh.erp.gateway.api;

import com.tsh.erp.gateway.service.Passwords;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of {@code /api/v1/auth}. */
public final class AuthApi {

    private AuthApi() {
    }

    public record Login(@NotNull @Size(min = 1, max = 64) String username,
                        @NotNull @Size(min = 1, max = Passwords.MAX_LENGTH) String password) {
    }

    public record Refresh(@NotNull @Size(min = 1, max = 200) String refreshToken) {
    }

    public record PasswordChange(@NotNull @Size(min = 1, max = Passwords.MAX_LENGTH) String currentPassword,
                                 @NotNull @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH) String newPassword) {
    }
}
