package com.tsh.erp.gateway.service;

import com.tsh.erp.defaults.ApiException;
import com.tsh.erp.defaults.Page;
import com.tsh.erp.defaults.Problem;
import com.tsh.erp.defaults.Sql;
import com.tsh.erp.defaults.Sql.Params;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The users: made and changed by admins (each change recorded with its actor in {@code app_user_change}),
 * read by the sign-in. Usernames are unique whatever their case (a unique index on {@code lower(username)}).
 */
@ApplicationScoped
public class Users {

    private static final String COLUMNS = "id, username, roles, salesperson_id, client_id, active, created_at, updated_at, version";

    /** A user as the sign-in needs it: with the hash. */
    public record Account(UserView user, String passwordHash) {
    }

    /** What an admin sets: the roles with their salesperson or client, and whether the user may sign in. */
    public record Settings(Set<Role> roles, Long salespersonId, Long clientId, boolean active) {
    }

    @Inject
    Sql sql;
    @Inject
    Passwords passwords;
    @Inject
    RefreshTokens refreshTokens;
    @Inject
    com.tsh.erp.gateway.feed.AuditLog audit;

    public long count() {
        return sql.one("select count(*) as n from app_user", Params.none(), r -> r.getLong("n")).orElse(0L);
    }

    public Optional<Account> byUsername(String username) {
        return sql.one("select " + COLUMNS + ", password_hash from app_user where lower(username) = lower(:u)",
                Params.of("u", username), r -> new Account(view(r), r.getString("password_hash")));
    }

    public Optional<Account> account(long id) {
        return sql.one("select " + COLUMNS + ", password_hash from app_user where id = :id",
                Params.of("id", id), r -> new Account(view(r), r.getString("password_hash")));
    }

    public UserView get(long id) {
        return sql.one("select " + COLUMNS + " from app_user where id = :id", Params.of("id", id), Users::view)
                .orElseThrow(() -> ApiException.notFound("user", id));
    }

    /** A page by id; {@code q} is the beginning of the username (any case). */
    public UserView.PageOf list(Role role, Boolean active, String q, int page, int perPage) {
        Sql.Where where = Sql.Where.none()
                .andIfPresent(":role = any(roles)", "role", role == null ? null : role.name())
                .andIfPresent("active = :active", "active", active)
                .andIfPresent("lower(username) like :q escape '\\'", "q", q == null ? null : likePrefix(q));
        List<UserView> rows = sql.list("select " + COLUMNS + " from app_user" + where + " order by id" + Sql.PAGE,
                where.params().page(page, perPage), Users::view);
        Page<UserView> p = Page.of(rows, page, perPage);
        return new UserView.PageOf(p.items(), p.page(), p.perPage(), p.hasMore());
    }

    @Transactional
    public UserView create(String username, String password, Settings settings, String actor) {
        check(settings);
        if (sql.one("select 1 as x from app_user where lower(username) = lower(:u)", Params.of("u", username), r -> 1).isPresent()) {
            throw duplicate(username);
        }
        long id;
        try {
            id = sql.one("insert into app_user (username, password_hash, roles, salesperson_id, client_id, active) "
                    + "values (:u, :h, :roles, :sp, :client, :active) returning id",
                    Params.of("u", username).and("h", passwords.hash(password)).and("roles", names(settings.roles()))
                            .and("sp", settings.salespersonId()).and("client", settings.clientId()).and("active", settings.active()),
                    r -> r.getLong("id")).orElseThrow();
        } catch (Sql.SqlException e) {
            if ("23505".equals(e.sqlState())) { // two creates of one name at once: the unique index decides
                throw duplicate(username);
            }
            throw e;
        }
        record(id, "UserCreated", 0, actor, "created with roles " + names(settings.roles()) + (settings.active() ? "" : ", inactive"));
        return get(id);
    }

    /**
     * Sets what an admin sets, at the version the admin read (409 {@code stale-version} otherwise). A new
     * password, or a deactivation, ends every sign-in of the user (their refresh tokens are revoked; an access
     * token already given lives until it expires, at most {@code tsh.gateway.access-token-ttl}).
     */
    @Transactional
    public UserView update(long id, Settings settings, String newPassword, long version, String actor) {
        UserView before = sql.one("select " + COLUMNS + " from app_user where id = :id for update", Params.of("id", id), Users::view)
                .orElseThrow(() -> ApiException.notFound("user", id));
        if (before.version() != version) {
            throw new ApiException(409, "stale-version", "Conflict", "user " + id + " is at version " + before.version()
                    + ", not " + version + ": read it again", List.of(new Problem.FieldError("version", "is " + before.version())));
        }
        check(settings);
        sql.update("update app_user set roles = :roles, salesperson_id = :sp, client_id = :client, active = :active, "
                        + "password_hash = coalesce(:h, password_hash), updated_at = now(), version = version + 1 where id = :id",
                Params.of("roles", names(settings.roles())).and("sp", settings.salespersonId()).and("client", settings.clientId())
                        .and("active", settings.active()).and("h", newPassword == null ? null : passwords.hash(newPassword)).and("id", id));
        List<String> what = new ArrayList<>();
        if (!new java.util.HashSet<>(before.roles()).equals(new java.util.HashSet<>(names(settings.roles())))) {
            what.add("roles " + before.roles() + " -> " + names(settings.roles()));
        }
        if (!java.util.Objects.equals(before.salespersonId(), settings.salespersonId())) {
            what.add("salesperson_id " + before.salespersonId() + " -> " + settings.salespersonId());
        }
        if (!java.util.Objects.equals(before.clientId(), settings.clientId())) {
            what.add("client_id " + before.clientId() + " -> " + settings.clientId());
        }
        if (before.active() != settings.active()) {
            what.add(settings.active() ? "activated" : "deactivated");
        }
        if (newPassword != null) {
            what.add("password reset");
        }
        record(id, "UserUpdated", version + 1, actor, what.isEmpty() ? "saved unchanged" : String.join("; ", what));
        if (newPassword != null || !settings.active()) {
            refreshTokens.revokeUser(id);
        }
        return get(id);
    }

    /** The user's own password change (the current one already checked); ends every other sign-in. */
    @Transactional
    public void changePassword(long id, String newPassword, String actor) {
        sql.update("update app_user set password_hash = :h, updated_at = now(), version = version + 1 where id = :id",
                Params.of("h", passwords.hash(newPassword)).and("id", id));
        long version = sql.one("select version from app_user where id = :id", Params.of("id", id), r -> r.getLong("version")).orElseThrow();
        record(id, "UserPasswordChanged", version, actor, "password changed by the user");
        refreshTokens.revokeUser(id);
    }

    /** The rules of roles: a salesperson role needs its salesperson, CLIENT its client and no other role. */
    static void check(Settings s) {
        boolean seller = Role.anySalesperson(s.roles());
        if (seller && s.salespersonId() == null) {
            throw ApiException.unprocessable("salesperson_id", "required for the roles SALESPERSON, PARTNER_SALESMAN and TRAVEL_SALESPERSON");
        }
        if (!seller && s.salespersonId() != null) {
            throw ApiException.unprocessable("salesperson_id", "only for the roles SALESPERSON, PARTNER_SALESMAN and TRAVEL_SALESPERSON");
        }
        boolean client = s.roles().contains(Role.CLIENT);
        if (client && s.roles().size() > 1) {
            throw ApiException.unprocessable("roles", "CLIENT is a role of its own: a client user has no other role");
        }
        if (client && s.clientId() == null) {
            throw ApiException.unprocessable("client_id", "required for the role CLIENT");
        }
        if (!client && s.clientId() != null) {
            throw ApiException.unprocessable("client_id", "only for the role CLIENT");
        }
    }

    private void record(long userId, String action, long version, String actor, String change) {
        sql.update("insert into app_user_change (user_id, version, actor, change) values (:u, :v, :a, :c)",
                Params.of("u", userId).and("v", version).and("a", actor).and("c", change));
        audit.recordUserChange(action, userId, version, actor, change); // gw-feed: the audit log has the gateway's own changes too
    }

    private static ApiException duplicate(String username) {
        return new ApiException(409, "duplicate", "Conflict", "username: " + username + " is taken (names are compared ignoring case)",
                List.of(new Problem.FieldError("username", "is taken")));
    }

    private static List<String> names(Set<Role> roles) {
        return EnumSet.copyOf(roles).stream().map(Role::name).toList();
    }

    private static String likePrefix(String q) {
        return q.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    static UserView view(Sql.Row r) throws SQLException {
        return new UserView(r.getLong("id"), r.getString("username"), r.getStrings("roles"), r.getLongOrNull("salesperson_id"),
                r.getLongOrNull("client_id"), r.getBoolean("active"), r.getInstant("created_at"), r.getInstant("updated_at"),
                r.getLong("version"));
    }
}
