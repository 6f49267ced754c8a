package com.tsh.erp.orders;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tsh.erp.events.clients.ClientType;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading orders: filters, offset and keyset pages, statistics in SQL (cached), commissions. */
@QuarkusTest
class OrderQueryTest extends OrdersTestBase {

    @Test
    void theListIsNewestFirstFilteredAndKeysetPagesWalkTheSameRows() {
        long seller = salesperson("1.00");
        long client = client(ClientType.RETAIL, seller);
        long product = product("10.00", "9.00");
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            placed.add(0, placed(order(client, product, i + 1)));
        }
        JsonPath all = given().queryParam("client_id", client).get("/orders").then().statusCode(200).extract().jsonPath();
        assertEquals(placed, all.getList("items.id"));
        assertEquals(List.of(5, 4, 3, 2, 1), all.getList("items.total", Float.class).stream().map(f -> (int) (f / 10)).toList());
        assertEquals(1, all.getInt("items[0].line_count"));
        assertEquals("Client " + client, all.getString("items[0].client_name"));

        List<String> walked = new ArrayList<>();
        String after = null;
        do {
            var request = given().queryParam("client_id", client).queryParam("per_page", 2);
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath page = request.get("/orders").then().statusCode(200).extract().jsonPath();
            walked.addAll(page.getList("items.id"));
            after = page.getString("next_after");
            assertEquals(after != null, page.getBoolean("has_more"));
        } while (after != null);
        assertEquals(placed, walked);
        given().queryParam("client_id", client).queryParam("per_page", 2).queryParam("page", 3).get("/orders").then()
                .body("items.id", equalTo(placed.subList(4, 5))).body("has_more", equalTo(false)).body("next_after", nullValue());

        given().queryParam("salesperson_id", seller).queryParam("channel", "RETAIL").queryParam("status", "PENDING").get("/orders")
                .then().body("items.id", equalTo(placed));
        given().queryParam("client_id", client).queryParam("status", "CONFIRMED").get("/orders").then().body("items.size()", equalTo(0));
        String number = given().get("/orders/" + placed.get(2)).then().extract().path("number");
        given().queryParam("q", number.toLowerCase()).get("/orders").then().body("items.id", equalTo(List.of(placed.get(2))));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Baghdad"));
        given().queryParam("client_id", client).queryParam("from", today.toString()).queryParam("to", today.toString()).get("/orders")
                .then().body("items.size()", equalTo(5));
        given().queryParam("client_id", client).queryParam("to", today.minusDays(1).toString()).get("/orders")
                .then().body("items.size()", equalTo(0));
    }

    @Test
    void badListParametersAre400NamingThem() {
        given().queryParam("after", "bm90LWEtY3Vyc29y").get("/orders").then().statusCode(400).body("errors[0].field", equalTo("after"));
        given().queryParam("after", "!!").get("/orders").then().statusCode(400).body("errors[0].field", equalTo("after"));
        given().queryParam("from", "2026-02-02").queryParam("to", "2026-02-01").get("/orders").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        given().queryParam("status", "SHIPPED").get("/orders").then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().queryParam("per_page", 101).get("/orders").then().statusCode(400).body("errors[0].field", equalTo("per_page"));
        given().queryParam("group_by", "week").get("/orders/stats").then().statusCode(400).body("errors[0].field", equalTo("group_by"));
        given().queryParam("from", "2020-01-01").queryParam("to", "2026-01-01").get("/orders/stats").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void statsAreComputedPerGroupAndCachedForAMinute() {
        long client = client(ClientType.WHOLESALE, null);
        long product = product("10.00", "8.00");
        String a = placed(order(client, product, 1));   // 8.00, will stand
        String b = placed(order(client, product, 2));   // 16.00, will stand
        String c = placed(order(client, product, 3));   // 24.00, rejected
        for (String id : List.of(a, b)) {
            stockReserved(id);
            creditReserved(id, client, "1.00");
            awaitStatus(id, "CONFIRMED");
        }
        stockRejected(c, product, 3, 0);
        awaitStatus(c, "REJECTED");
        // a day no other test has orders on
        db.exec("update sales_order set placed_at = timestamptz '2024-02-10 23:30:00+03' where id = any(?::uuid[])",
                (Object) new String[]{a, b, c});

        JsonPath byStatus = given().queryParam("from", "2024-02-10").queryParam("to", "2024-02-10").queryParam("group_by", "status")
                .get("/orders/stats").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("CONFIRMED", "REJECTED"), byStatus.getList("groups.key"));
        assertEquals(List.of(2, 1), byStatus.getList("groups.orders"));
        assertEquals(3, byStatus.getInt("totals.orders"));
        assertEquals(2, byStatus.getInt("totals.sold_orders"));
        assertEquals(3, byStatus.getInt("totals.quantity"));
        assertEquals(24.0f, byStatus.getFloat("totals.revenue"));
        given().queryParam("from", "2024-02-10").queryParam("to", "2024-02-10").queryParam("group_by", "day").get("/orders/stats").then()
                .body("groups.key", equalTo(List.of("2024-02-10"))); // 23:30 in Baghdad is still the 10th
        given().queryParam("from", "2024-02-10").queryParam("to", "2024-02-10").queryParam("group_by", "channel").get("/orders/stats")
                .then().body("groups[0].key", equalTo("WHOLESALE")).body("groups[0].revenue", equalTo(24.0f));

        // cached: an order moved into the day does not show for a minute
        String d = placed(order(client, product, 1));
        db.exec("update sales_order set placed_at = timestamptz '2024-02-10 12:00:00+03' where id = ?::uuid", d);
        given().queryParam("from", "2024-02-10").queryParam("to", "2024-02-10").queryParam("group_by", "status").get("/orders/stats")
                .then().body("totals.orders", equalTo(3));
        given().queryParam("from", "2024-02-10").queryParam("to", "2024-02-11").queryParam("group_by", "status").get("/orders/stats")
                .then().body("totals.orders", equalTo(4));
    }

    @Test
    void aSalespersonsCommissionIsTheDeliveredTotalsAtTheRateAtDelivery() {
        long seller = salesperson("4.00");
        long client = client(ClientType.WHOLESALE, seller);
        long product = product("100.00", "100.00");
        List<String> delivered = new ArrayList<>();
        for (int q = 1; q <= 3; q++) {
            String id = placed(order(client, product, q));
            stockReserved(id);
            creditReserved(id, client, "1.00");
            awaitStatus(id, "CONFIRMED");
            if (q < 3) {
                given().post("/orders/" + id + "/deliver").then().statusCode(200);
                delivered.add(0, id);
            }
        }
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Baghdad"));
        JsonPath c = given().queryParam("from", today.toString()).queryParam("to", today.toString())
                .get("/salespeople/" + seller + "/commission").then().statusCode(200).extract().jsonPath();
        assertEquals(2, c.getInt("delivered_orders"));
        assertEquals(300.0f, c.getFloat("delivered_total"));
        assertEquals(12.0f, c.getFloat("commission"));
        assertEquals(delivered, c.getList("items.id"));
        assertEquals(List.of(8.0f, 4.0f), c.getList("items.commission", Float.class));
        given().get("/salespeople/99999999/commission").then().statusCode(404);
    }
}
