package com.tsh.erp.zoho.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * What a deployment sets for the Zoho sync ({@code tsh.zoho.*}). The client secret and refresh token
 * have no default anywhere in the repository: they come from the environment
 * ({@code TSH_ZOHO_CLIENT_SECRET}, {@code TSH_ZOHO_REFRESH_TOKEN}).
 */
@ConfigMapping(prefix = "tsh.zoho")
public interface ZohoConfig {

    /** Zoho's API host, e.g. https://www.zohoapis.com (the simulator: http://127.0.0.1:8089). */
    String apiUrl();

    /** Zoho's accounts host that issues access tokens, e.g. https://accounts.zoho.com. */
    String accountsUrl();

    String organizationId();

    String clientId();

    String clientSecret();

    String refreshToken();

    /** How long one Zoho call may take before it counts as a timeout (a create's outcome is then unknown). */
    @WithDefault("10s")
    Duration callTimeout();

    /** The token is refreshed when it has less than this left. */
    @WithDefault("5m")
    Duration tokenRefreshBefore();

    Budget budget();

    Push push();

    Pull pull();

    Master master();

    CustomFields customFields();

    /** The start of every Redis key of this service (tests use one of their own per run). */
    @WithDefault("zoho")
    String redisPrefix();

    /** Zoho's limits for the organization, shared by every replica through Redis. */
    interface Budget {
        /** Calls in any 60 s (Zoho: 100 a minute per organization). */
        @WithDefault("100")
        int callsPerMinute();

        /** Calls a day (UTC), by plan. */
        @WithDefault("10000")
        int callsPerDay();

        /** Calls in flight at once. */
        @WithDefault("10")
        int maxConcurrent();

        /**
         * Added to the 60 s window: a call is counted when granted here and when received by Zoho, a few
         * milliseconds apart, so a window of exactly 60 s could let Zoho see 101 in its own minute.
         */
        @WithDefault("1s")
        Duration windowMargin();
    }

    interface Push {
        /** Whether this replica's push workers run (off: a replica that only pulls, or answers the status API). */
        @WithDefault("true")
        boolean enabled();

        /** Push workers in each replica (each makes one Zoho call at a time). */
        @WithDefault("4")
        int workers();

        /** How long a worker holds a task; a replica that dies lets its tasks go after this. */
        @WithDefault("2m")
        Duration lease();

        /** How long an idle worker waits before looking for work again. */
        @WithDefault("500ms")
        Duration idleWait();

        /** The first retry's delay after a failure that may pass; doubles per attempt, with jitter. */
        @WithDefault("2s")
        Duration retryBase();

        @WithDefault("5m")
        Duration retryMax();

        /** How long an order waits for its client or products to reach Zoho before it is marked failed. */
        @WithDefault("1h")
        Duration dependencyWait();
    }

    interface Pull {
        /** How often the incremental pull asks Zoho for what changed. */
        @WithDefault("5m")
        Duration every();

        /** Records per page (Zoho's most: 200). */
        @WithDefault("200")
        int pageSize();

        /**
         * How long a replica holds a full sync job between pages; a job whose replica died is taken over
         * after this (it resumes from its next page).
         */
        @WithDefault("60s")
        Duration jobLease();

        /**
         * Whether this replica runs full sync jobs (any replica may queue them). Off for a replica that
         * should only push, or only answer the status API.
         */
        @WithDefault("true")
        boolean runJobs();

        /** Whether the incremental pull runs (a deployment may run only full syncs). */
        @WithDefault("true")
        boolean incremental();
    }

    /**
     * Which side is the master of each kind: {@code zoho} (Zoho's changes win; ERP changes of the kind are
     * not pushed), {@code both}, or {@code erp} (nothing of the kind is pulled). README, "Who is master".
     */
    interface Master {
        @WithDefault("both")
        Mastership products();

        @WithDefault("both")
        Mastership clients();

        /** Orders are made here; Zoho only receives them (pulling Zoho's orders is not built). */
        @WithDefault("erp")
        Mastership orders();
    }

    /** The custom fields our data lives in, as created in the Zoho organization. */
    interface CustomFields {
        @WithDefault("46000000000101")
        long itemNameAr();

        @WithDefault("46000000000102")
        long itemTshId();

        /** Contacts' custom fields are addressed by index in Books' contact requests. */
        @WithDefault("1")
        int contactNameArIndex();

        @WithDefault("2")
        int contactTshIdIndex();
    }

    enum Mastership {
        zoho, both, erp;

        public boolean pushes() {
            return this != zoho;
        }

        public boolean pulls() {
            return this != erp;
        }
    }

    /** An optional override of the replica name used for leases (default: host name and a random part). */
    Optional<String> replicaName();
}
