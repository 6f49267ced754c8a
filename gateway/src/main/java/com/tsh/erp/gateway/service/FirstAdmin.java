package com.tsh.erp.gateway.service;

import com.tsh.erp.defaults.ApiException;
import com.tsh.erp.gateway.config.GatewayConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumSet;
import org.jboss.logging.Logger;

/**
 * The first admin: on a start with no user at all, the ADMIN named by {@code TSH_ADMIN_USERNAME} and
 * {@code TSH_ADMIN_PASSWORD} ({@code tsh.gateway.admin-username}, {@code admin-password}) is made; once any user
 * exists the settings are ignored. Without them an empty gateway says so, loudly, and nobody can sign in.
 */
@ApplicationScoped
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);
    static final String ACTOR = "system:first-admin";

    @Inject
    GatewayConfig config;
    @Inject
    Users users;

    void onStart(@Observes StartupEvent start) {
        ensure();
    }

    /** Makes the first admin when there is no user and it is configured; true when it made one. */
    public boolean ensure() {
        if (users.count() > 0) {
            return false;
        }
        String username = config.adminUsername().filter(s -> !s.isBlank()).orElse(null);
        String password = config.adminPassword().filter(s -> !s.isBlank()).orElse(null);
        if (username == null || password == null) {
            LOG.warn("The gateway has no user and TSH_ADMIN_USERNAME / TSH_ADMIN_PASSWORD are not set: nobody can sign in. "
                    + "Set both and restart to create the first admin.");
            return false;
        }
        if (password.length() < Passwords.MIN_LENGTH || password.length() > Passwords.MAX_LENGTH) {
            throw new IllegalStateException("TSH_ADMIN_PASSWORD must have " + Passwords.MIN_LENGTH + " to " + Passwords.MAX_LENGTH + " characters");
        }
        try {
            users.create(username, password, new Users.Settings(EnumSet.of(Role.ADMIN), null, null, true), ACTOR);
        } catch (ApiException e) {
            if (e.status() == 409) { // another replica made it at the same moment
                return false;
            }
            throw e;
        }
        LOG.infof("Created the first admin %s from TSH_ADMIN_USERNAME", username);
        return true;
    }
}
