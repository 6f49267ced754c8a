package com.tsh.erp.zohosim;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The simulator's settings ({@code zoho.sim.*}); limits and faults can be changed at run time under {@code /sim}. */
@ConfigMapping(prefix = "zoho.sim")
public interface SimSettings {

    /** The one organization this Zoho account has; every API call names it in {@code organization_id}. */
    @WithDefault("10234695")
    String organizationId();

    /** The OAuth client and the refresh token a client trades for access tokens. */
    @WithDefault("tsh-local-client")
    String clientId();

    @WithDefault("tsh-local-secret")
    String clientSecret();

    @WithDefault("tsh-local-refresh")
    String refreshToken();

    /** How long an access token is valid (Zoho: one hour). */
    @WithDefault("3600s")
    Duration tokenTtl();

    /** API calls admitted in any sliding 60-second window (Zoho: 100 per minute per organization). */
    @WithDefault("100")
    int callsPerMinute();

    /** API calls admitted per UTC day (Zoho's daily allowance depends on the plan). */
    @WithDefault("10000")
    int callsPerDay();

    /** API calls in flight at once (Zoho: 10 concurrent calls per organization on most plans). */
    @WithDefault("10")
    int maxConcurrent();

    /** How many answered calls {@code GET /sim/calls} remembers (the oldest are dropped). */
    @WithDefault("100000")
    int callLogSize();
}
