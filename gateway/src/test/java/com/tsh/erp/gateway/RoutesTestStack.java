package com.tsh.erp.gateway;

import com.tsh.erp.testing.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** {@link GatewayTestStack} and the services behind the gateway ({@link Services}): for the tests of the apps' routes. */
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "tsh_gateway_test"))
@QuarkusTestResource(TestKeys.class)
@QuarkusTestResource(Services.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RoutesTestStack {
}
