package com.tsh.erp.clients;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tsh.erp.testing.TopicProbe;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.EventJson;
import com.tsh.erp.events.Topics;
import com.tsh.erp.events.clients.ClientEvents;
import com.tsh.erp.events.zoho.ZohoContactChanged;
import com.tsh.erp.events.zoho.ZohoEvents;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ZohoContactTest extends ClientsTestBase {

    private void send(ZohoContactChanged c) {
        run.send(Topics.ZOHO_INBOUND, c.zohoContactId(), EventJson.write(new EventEnvelope<>(UUID.randomUUID(),
                ZohoEvents.CONTACT_CHANGED.name(), "ZohoContact", c.zohoContactId(), c.lastModifiedTime().toEpochMilli(),
                Instant.now(), "system:zoho-sync", EventEnvelope.ORIGIN_ZOHO, null, null, c)));
    }

    @Test
    void aZohoContactIsMatchedByPhoneOrCreatedAndMarkedAsFromZoho() {
        String mobile = People.localMobile();
        Map<String, Object> body = People.clientBody("Made here " + UUID.randomUUID(), "WHOLESALE");
        body.put("phone", mobile);
        long existing = People.client(body);
        String zohoId = "46000" + (long) (Math.random() * 1e10);
        Instant t = Instant.parse("2026-11-29T07:00:00Z");
        send(new ZohoContactChanged(zohoId, "Al-Noor Electronics", "النور للإلكترونيات", "business", null,
                "+964 " + mobile.substring(1), null, "Street 14", "Baghdad", "Central", new BigDecimal("25000000.00"), "active", t));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.count("select count(*) from client where id = ? and zoho_contact_id = ?", existing, zohoId) == 1);
        given().get("/clients/" + existing).then().body("name", equalTo("Al-Noor Electronics"))
                .body("credit_limit", equalTo(25000000.00f)).body("balance", equalTo(0f));

        String newId = "46001" + (long) (Math.random() * 1e10);
        String email = "shop" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        send(new ZohoContactChanged(newId, "Corner shop", null, "individual", null, null, email, null, "Basra", "South",
                null, "active", t));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.count("select count(*) from client where zoho_contact_id = ?", newId) == 1);
        assertEquals("RETAIL", db.text("select client_type from client where zoho_contact_id = ?", newId));

        try (TopicProbe probe = run.probe(Topics.CLIENTS_CLIENTS)) {
            var records = probe.pollUntil(r -> r.stream().anyMatch(x -> x.value().contains(newId)), Duration.ofSeconds(30));
            var event = records.stream().filter(x -> x.value().contains(newId)).findFirst().orElseThrow();
            assertTrue(EventJson.payload(EventJson.read(event.value()), ClientEvents.CLIENT_UPSERTED).cameFromZoho());
        }
    }
}
