package com.tsh.erp.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Puts {@link OpenApiContract} in front of every REST Assured call of every {@code @QuarkusTest} of a
 * module that registers it, in {@code src/test/resources/META-INF/services/io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback}
 * (a module whose tests do not call an API leaves it out, and does not need the validator).
 */
public class OpenApiContractCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        OpenApiContract.install();
    }
}
