package com.tsh.erp.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * In a service whose routes need the gateway's token ({@code tsh.openapi.bearer=true}, libs/service-defaults'
 * default), puts {@link TestTokens#FILTER} in front of every REST Assured call: a test calls as an admin unless it
 * names another token (or {@link TestTokens#NONE}). The gateway and the Zoho simulator say false and are left alone.
 */
public class TestCallerCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        boolean bearer = ConfigProvider.getConfig().getOptionalValue("tsh.openapi.bearer", Boolean.class).orElse(false);
        if (bearer && !RestAssured.filters().contains(TestTokens.FILTER)) {
            RestAssured.filters(TestTokens.FILTER);
        }
    }
}
