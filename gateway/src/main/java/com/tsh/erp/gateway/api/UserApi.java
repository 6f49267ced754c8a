package com.tsh.erp.gateway.api;

import com.tsh.erp.defaults.OneOf;
import com.tsh.erp.gateway.service.Passwords;
import com.tsh.erp.gateway.service.Role;
import com.tsh.erp.gateway.service.Users;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of {@code /api/v1/users}. */
public final class UserApi {

    private UserApi() {
    }

    /** Letters, digits and {@code . _ @ -}: a name people type on a phone, compared ignoring case. */
    static final String USERNAME = "^[A-Za-z0-9._@-]{3,64}$";

    public record NewUser(
            @NotNull @Pattern(regexp = USERNAME) @Schema(description = "3 to 64 of A-Z a-z 0-9 . _ @ -; unique ignoring case") String username,
            @NotNull @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH) String password,
            @NotNull @Size(min = 1, max = 8) @Schema(type = SchemaType.ARRAY, implementation = Role.class)
            List<@NotNull @OneOf(Role.class) String> roles,
            @Positive @Schema(nullable = true, description = "Required for SALESPERSON, PARTNER_SALESMAN and TRAVEL_SALESPERSON "
                    + "(the client-service salesperson), refused otherwise") Long salespersonId,
            @Positive @Schema(nullable = true, description = "Required for CLIENT (the client-service client), refused otherwise") Long clientId,
            @Schema(nullable = true, description = "Default true") Boolean active) {

        Users.Settings settings() {
            return new Users.Settings(roleSet(roles), salespersonId, clientId, active == null || active);
        }
    }

    /**
     * Everything an admin sets, at the version read: roles, their salesperson or client, active, and optionally a new
     * password. A new password or a deactivation ends every sign-in of the user.
     */
    public record UserUpdate(
            @NotNull @Size(min = 1, max = 8) @Schema(type = SchemaType.ARRAY, implementation = Role.class)
            List<@NotNull @OneOf(Role.class) String> roles,
            @Positive @Schema(nullable = true) Long salespersonId,
            @Positive @Schema(nullable = true) Long clientId,
            @NotNull Boolean active,
            @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH) @Schema(nullable = true, description = "A new password (a reset)")
            String password,
            @NotNull @Min(0) @Max(Long.MAX_VALUE) @Schema(description = "The version read: 409 stale-version when the user changed since")
            Long version) {

        Users.Settings settings() {
            return new Users.Settings(roleSet(roles), salespersonId, clientId, active);
        }
    }

    static EnumSet<Role> roleSet(List<String> names) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(n -> roles.add(Role.valueOf(n)));
        return roles;
    }
}
