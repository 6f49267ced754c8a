package com.tsh.erp.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tsh.erp.testing.TopicProbe;
import com.tsh.erp.events.Topics;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CategoryTest extends CatalogTestBase {

    @Inject
    RedisDataSource redis;
    @Inject
    com.tsh.erp.catalog.service.CategoryCache categoryCache;

    @Test
    void theTreeNestsSubCategories() {
        long root = Catalog.category("Electronics " + Catalog.uniqueSku("t"), "إلكترونيات", null);
        long child = Catalog.category("Cables", "كابلات", root);
        JsonPath tree = given().get("/categories").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> roots = tree.getList("$");
        Map<String, Object> node = roots.stream().filter(r -> ((Number) r.get("id")).longValue() == root).findFirst().orElseThrow();
        List<?> children = (List<?>) node.get("children");
        assertTrue(children.stream().anyMatch(c -> ((Number) ((Map<?, ?>) c).get("id")).longValue() == child));
    }

    @Test
    void aChangeIsVisibleOnTheNextRead() {
        String tag = Catalog.uniqueSku("tag");
        long id = Catalog.category("Chargers " + tag, "شواحن", null);
        given().get("/categories").then().statusCode(200);
        assertNotNull(redis.value(String.class).get(categoryCache.currentKey().orElseThrow()), "the tree is cached in Redis");

        Map<String, Object> update = new HashMap<>();
        update.put("version", 0);
        update.put("name", "Chargers and adapters " + tag);
        update.put("name_ar", "شواحن ومحولات");
        given().contentType(ContentType.JSON).body(update).put("/categories/" + id).then().statusCode(200)
                .body("version", equalTo(1));
        assertNull(redis.value(String.class).get(categoryCache.currentKey().orElseThrow()), "the change invalidated the cache");
        given().get("/categories").then().body("find { it.id == " + id + " }.name", equalTo("Chargers and adapters " + tag));

        given().post("/categories/" + id + "/deactivate").then().statusCode(200).body("active", equalTo(false));
        given().get("/categories").then().body("find { it.id == " + id + " }.active", equalTo(false));

        try (TopicProbe probe = run.probe(Topics.CATALOG_CATEGORIES)) {
            var records = probe.pollUntil(r -> r.stream().filter(x -> x.value().contains(tag)).count() >= 3,
                    Duration.ofSeconds(30));
            assertEquals(3, records.stream().filter(x -> x.key().equals(String.valueOf(id)) && x.value().contains(tag)).count(),
                    "created, renamed, deactivated");
        }
    }

    @Test
    void badCategoryChangesAreRefusedAndWriteNothing() {
        long parent = Catalog.category("Audio", "صوتيات", null);
        long child = Catalog.category("Headphones", "سماعات", parent);
        long before = db.count("select count(*) from category");

        Map<String, Object> loop = new HashMap<>();
        loop.put("version", 0);
        loop.put("name", "Audio");
        loop.put("name_ar", "صوتيات");
        loop.put("parent_id", child);
        given().contentType(ContentType.JSON).body(loop).put("/categories/" + parent).then().statusCode(422)
                .body("errors[0].field", equalTo("parent_id"));

        given().contentType(ContentType.JSON).body(Map.of("name", "X", "name_ar", "س", "parent_id", 99999999))
                .post("/categories").then().statusCode(422).body("errors[0].field", equalTo("parent_id"));
        given().contentType(ContentType.JSON).body(Map.of("name", "", "name_ar", "س")).post("/categories").then()
                .statusCode(400).body("errors.field", hasItem("name"));
        loop.put("parent_id", null);
        loop.put("version", 7);
        given().contentType(ContentType.JSON).body(loop).put("/categories/" + parent).then().statusCode(409);
        given().contentType(ContentType.JSON).body(loop).put("/categories/88888888").then().statusCode(404);
        assertEquals(before, db.count("select count(*) from category"));
        given().get("/categories").then().body("find { it.id == " + parent + " }.version", equalTo(0));
    }

    @Test
    void aReadThatOverlapsAChangeCannotPutTheOldTreeBack() {
        given().get("/categories").then().statusCode(200); // the tree is cached
        // a reader on another replica misses the cache (say it just expired) and loads the tree...
        String readerKey = categoryCache.currentKey().orElseThrow();
        var oldTree = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> categoryCache.load());
        // ...a writer commits a new category meanwhile...
        String name = "Overlap " + Catalog.uniqueSku("c");
        long id = Catalog.category(name, "تداخل", null);
        // ...and the reader stores what it loaded, after the writer's invalidation
        categoryCache.store(readerKey, oldTree);

        given().get("/categories").then().statusCode(200).body("find { it.id == " + id + " }.name", equalTo(name));
    }
}
