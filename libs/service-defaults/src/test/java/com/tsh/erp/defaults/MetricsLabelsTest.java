package com.tsh.erp.defaults;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tsh.erp.testing.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A thousand distinct bad paths add no metrics series: unmatched requests are labelled by what happened. */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "tsh_defaults_test"))
class MetricsLabelsTest {

    private static final Pattern URI = Pattern.compile("http_server_requests_seconds_count\\{[^}]*uri=\"([^\"]*)\"");

    private static Set<String> uris() {
        Set<String> uris = new TreeSet<>();
        Matcher m = URI.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        while (m.find()) {
            uris.add(m.group(1));
        }
        return uris;
    }

    @Test
    void aThousandDistinctBadPathsAddNoSeries() {
        given().get("/demo/items/1").then().statusCode(200);
        for (int i = 0; i < 334; i++) {
            given().delete("/demo/items/" + (7_000_000 + i)).then().statusCode(405);      // a wrong method
            given().get("/no-such-thing/" + i).then().statusCode(404);                     // no route at all
            given().urlEncodingEnabled(false).get("/demo/items/" + i + "%00").then().statusCode(400); // refused before routing
        }
        Set<String> uris = uris();
        assertTrue(uris.stream().noneMatch(u -> u.matches(".*\\d{2,}.*")), "no raw path became a label: " + uris);
        assertTrue(uris.contains("/demo/items/{id}"), "a matched route keeps its template: " + uris);
        // Micrometer writes every label as a path
        assertTrue(uris.containsAll(Set.of("/METHOD_NOT_ALLOWED", "/NOT_FOUND", "/UNMATCHED")), uris.toString());
        assertTrue(uris.size() < 20, "a handful of labels, not one per request: " + uris);
    }
}
