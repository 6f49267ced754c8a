package com.tsh.erp.defaults;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Context;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Keeps the HTTP metrics' {@code uri} label bounded: a request that matched no route (a wrong
 * method, a path that does not exist, a request refused before routing) is labelled by what
 * happened ({@code NOT_FOUND}, {@code METHOD_NOT_ALLOWED}, {@code UNMATCHED}) instead of its raw
 * path, so a client looping over ids or junk paths cannot add a Prometheus series per request.
 * A matched request keeps its route template ({@code /products/{id}}), which RESTEasy Reactive
 * records under {@value #TEMPLATE} and Micrometer reads when the response ends.
 */
@ApplicationScoped
public class MetricsLabels {

    /** The Vert.x context-local key of the matched route template (Quarkus's, read by its Micrometer binder). */
    static final String TEMPLATE = "UrlPathTemplate";

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            rc.addHeadersEndHandler(done -> {
                if (!(rc.request() instanceof HttpServerRequestInternal request)) {
                    return;
                }
                Context context = request.context();
                int status = rc.response().getStatusCode();
                if (status >= 400 && context.getLocal(TEMPLATE) == null) {
                    context.putLocal(TEMPLATE, status == 404 ? "NOT_FOUND" : status == 405 ? "METHOD_NOT_ALLOWED" : "UNMATCHED");
                }
            });
            rc.next();
        }, 1100);
    }
}
