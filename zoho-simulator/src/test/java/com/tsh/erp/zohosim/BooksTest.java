package com.tsh.erp.zohosim;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BooksTest extends SimTestBase {

    @Test
    void contactsCreateGetUpdateListAndStatus() {
        Response created = json(Map.of("contact_name", "Al-Noor Trading", "contact_type", "customer",
                "customer_sub_type", "business", "credit_limit", 5_000_000,
                "billing_address", Map.of("city", "Baghdad", "state", "Baghdad", "address", "Karrada, street 62"),
                "contact_persons", List.of(Map.of("first_name", "Ali", "phone", "+9647701234567", "mobile", "+9647701234567",
                        "email", "ali@alnoor.iq")),
                "custom_fields", List.of(Map.of("index", 1, "value", "النور للتجارة"), Map.of("index", 2, "value", "17"))))
                .post("/books/v3/contacts");
        created.then().statusCode(201).body("code", equalTo(0)).body("message", equalTo("The contact has been added."))
                .body("contact.status", equalTo("active")).body("contact.billing_address.city", equalTo("Baghdad"))
                .body("contact.contact_persons[0].is_primary_contact", equalTo(true))
                .body("contact.custom_fields[0].label", equalTo("Arabic name"))
                .body("contact.custom_fields[0].value", equalTo("النور للتجارة"));
        conforms(Op.CONTACT_CREATE, "/contacts", created);
        String id = created.path("contact.contact_id");
        // a string in the document
        assertTrue(created.asString().contains("\"contact_id\":\"" + id + "\""));

        Response got = api().get("/books/v3/contacts/" + id);
        got.then().statusCode(200).body("contact.credit_limit", equalTo(5_000_000));
        conforms(Op.CONTACT_GET, "/contacts/" + id, got);

        Response updated = json(Map.of("contact_name", "Al-Noor Trading Co.", "credit_limit", 7_500_000))
                .put("/books/v3/contacts/" + id);
        updated.then().statusCode(200).body("contact.contact_name", equalTo("Al-Noor Trading Co."))
                .body("contact.billing_address.city", equalTo("Baghdad"));
        conforms(Op.CONTACT_UPDATE, "/contacts/" + id, updated);

        Response list = api().queryParam("phone", "+9647701234567").get("/books/v3/contacts");
        list.then().statusCode(200).body("contacts.size()", equalTo(1)).body("contacts[0].email", equalTo("ali@alnoor.iq"))
                .body("contacts[0].phone", equalTo("+9647701234567"));
        conforms(Op.CONTACT_LIST, "/contacts", list);
        api().queryParam("email", "ALI@alnoor.iq").get("/books/v3/contacts").then().body("contacts.size()", equalTo(1));
        api().queryParam("contact_name", "al-noor trading co.").get("/books/v3/contacts").then().body("contacts.size()", equalTo(1));
        api().queryParam("search_text", "noor").queryParam("sort_column", "last_modified_time")
                .get("/books/v3/contacts").then().statusCode(200).body("contacts.size()", equalTo(1));

        Response inactive = api().post("/books/v3/contacts/" + id + "/inactive");
        inactive.then().statusCode(200);
        conforms(Op.CONTACT_INACTIVE, "/contacts/" + id + "/inactive", inactive);
        api().queryParam("filter_by", "Status.Inactive").get("/books/v3/contacts").then().body("contacts.size()", equalTo(1));
        api().post("/books/v3/contacts/" + id + "/active").then().statusCode(200);
    }

    @Test
    void contactsRefuseDuplicateNamesAndUnknownFields() {
        contact("Babil Stores");
        json(Map.of("contact_name", "babil stores")).post("/books/v3/contacts").then().statusCode(400)
                .body("code", equalTo(3062)).body("message", equalTo("The contact name already exists."));
        json(Map.of("contact_name", "X", "phone", "+9647700000000")).post("/books/v3/contacts").then().statusCode(400)
                .body("code", equalTo(2)).body("message", startsWith("Invalid value passed for phone: "));
        json(Map.of("contact_name", "X", "billing_address", Map.of("town", "Basra"))).post("/books/v3/contacts")
                .then().statusCode(400).body("message", startsWith("Invalid value passed for billing_address.town: "));
        json(Map.of("contact_name", "X", "credit_limit", "lots")).post("/books/v3/contacts").then().statusCode(400)
                .body("message", startsWith("Invalid value passed for credit_limit: "));
        json(Map.of("contact_name", "X", "custom_fields", List.of(Map.of("index", 9, "value", "?"))))
                .post("/books/v3/contacts").then().statusCode(400).body("message", startsWith("Invalid value passed for custom_fields"));
        api().get("/books/v3/contacts/42").then().statusCode(404).body("code", equalTo(1002))
                .body("message", equalTo("Contact does not exist."));
    }

    @Test
    void salesOrdersInvoicesAndVoids() {
        long rice = item("Rice", "RICE", 1500);
        long tea = item("Tea", "TEA", 4000);
        String customer = contact("Sumer Supermarket");
        Map<String, Object> order = Map.of("customer_id", customer, "salesorder_number", "TSH-SO-1001",
                "reference_number", "order 1001", "date", "2026-11-30",
                "line_items", List.of(Map.of("item_id", String.valueOf(rice), "quantity", 10, "rate", 1500),
                        Map.of("item_id", String.valueOf(tea), "quantity", 2)));
        Response created = json(order).queryParam("ignore_auto_number_generation", true).post("/books/v3/salesorders");
        created.then().statusCode(201).body("code", equalTo(0)).body("salesorder.salesorder_number", equalTo("TSH-SO-1001"))
                .body("salesorder.status", equalTo("open")).body("salesorder.invoiced_status", equalTo("not_invoiced"))
                .body("salesorder.customer_name", equalTo("Sumer Supermarket"))
                .body("salesorder.line_items[1].name", equalTo("Tea")).body("salesorder.line_items[1].rate", equalTo(4000.0f))
                .body("salesorder.sub_total", equalTo(23000.0f)).body("salesorder.total", equalTo(23000.0f));
        conforms(Op.SALES_ORDER_CREATE, "/salesorders", created);
        String so = created.path("salesorder.salesorder_id");

        json(order).queryParam("ignore_auto_number_generation", true).post("/books/v3/salesorders").then().statusCode(400)
                .body("code", equalTo(36004)).body("message", equalTo("This sales order number already exists."));
        Response auto = json(Map.of("customer_id", customer, "line_items", List.of(Map.of("item_id", String.valueOf(rice)))))
                .post("/books/v3/salesorders");
        auto.then().statusCode(201).body("salesorder.salesorder_number", equalTo("SO-00001"));
        json(Map.of("customer_id", "1", "line_items", List.of(Map.of("item_id", String.valueOf(rice)))))
                .post("/books/v3/salesorders").then().statusCode(400).body("code", equalTo(2))
                .body("message", startsWith("Invalid value passed for customer_id"));
        json(Map.of("customer_id", customer, "line_items", List.of(Map.of("item_id", String.valueOf(rice)), Map.of("item_id", "77"))))
                .post("/books/v3/salesorders").then().statusCode(400)
                .body("message", startsWith("Invalid value passed for line_items[1].item_id"));
        json(Map.of("customer_id", customer, "line_items", List.of(Map.of("item_id", rice))))
                .post("/books/v3/salesorders").then().statusCode(400)
                .body("message", startsWith("Invalid value passed for line_items[0].item_id: "));

        Response got = api().get("/books/v3/salesorders/" + so);
        got.then().statusCode(200).body("salesorder.line_items.size()", equalTo(2));
        conforms(Op.SALES_ORDER_GET, "/salesorders/" + so, got);
        Response updated = json(Map.of("customer_id", customer, "notes", "deliver before noon",
                "line_items", List.of(Map.of("item_id", String.valueOf(rice), "quantity", 4, "rate", 1500))))
                .put("/books/v3/salesorders/" + so);
        updated.then().statusCode(200).body("salesorder.total", equalTo(6000.0f)).body("salesorder.notes", equalTo("deliver before noon"));
        conforms(Op.SALES_ORDER_UPDATE, "/salesorders/" + so, updated);
        Response list = api().queryParam("salesorder_number", "TSH-SO-1001").get("/books/v3/salesorders");
        list.then().statusCode(200).body("salesorders.size()", equalTo(1)).body("page_context.has_more_page", equalTo(false));
        conforms(Op.SALES_ORDER_LIST, "/salesorders", list);
        api().queryParam("customer_id", customer).get("/books/v3/salesorders").then().body("salesorders.size()", equalTo(2));

        Response invoice = api().queryParam("salesorder_id", so).post("/books/v3/invoices/fromsalesorder");
        invoice.then().statusCode(201).body("code", equalTo(0)).body("invoice.reference_number", equalTo("TSH-SO-1001"))
                .body("invoice.customer_id", equalTo(customer)).body("invoice.total", equalTo("6000.00"))
                .body("invoice.line_items[0].quantity", equalTo(4));
        conforms(Op.INVOICE_FROM_SALES_ORDER, "/invoices/fromsalesorder", invoice);
        String inv = invoice.path("invoice.invoice_id");
        api().get("/books/v3/salesorders/" + so).then().body("salesorder.invoiced_status", equalTo("invoiced"));
        api().queryParam("salesorder_id", so).post("/books/v3/invoices/fromsalesorder").then().statusCode(400)
                .body("code", equalTo(36012)).body("message", equalTo("Invoice already created for this sales order."));

        Response invoiceGot = api().get("/books/v3/invoices/" + inv);
        invoiceGot.then().statusCode(200).body("invoice.status", equalTo("draft"));
        conforms(Op.INVOICE_GET, "/invoices/" + inv, invoiceGot);
        Response invoices = api().queryParam("reference_number", "TSH-SO-1001").get("/books/v3/invoices");
        invoices.then().statusCode(200).body("invoices.size()", equalTo(1)).body("page_context.page", equalTo(1));
        conforms(Op.INVOICE_LIST, "/invoices", invoices);

        Response voided = api().post("/books/v3/invoices/" + inv + "/status/void");
        voided.then().statusCode(200).body("code", equalTo(0));
        conforms(Op.INVOICE_VOID, "/invoices/" + inv + "/status/void", voided);
        api().get("/books/v3/invoices/" + inv).then().body("invoice.status", equalTo("void"));
        api().get("/books/v3/salesorders/" + so).then().body("salesorder.invoiced_status", equalTo("not_invoiced"));

        Response soVoided = api().post("/books/v3/salesorders/" + so + "/status/void");
        soVoided.then().statusCode(201).body("code", equalTo(0));
        conforms(Op.SALES_ORDER_VOID, "/salesorders/" + so + "/status/void", soVoided);
        api().get("/books/v3/salesorders/" + so).then().body("salesorder.status", equalTo("void"));
        api().queryParam("salesorder_id", so).post("/books/v3/invoices/fromsalesorder").then().statusCode(400)
                .body("code", equalTo(36013));
        api().queryParam("filter_by", "Status.Void").get("/books/v3/salesorders").then().body("salesorders.size()", equalTo(1));

        assertEquals(1, given().get("/sim/records/invoices/count").then().extract().jsonPath().getInt("count"));
        given().get("/sim/records/salesorders").then().statusCode(200).body("salesorders.size()", equalTo(2))
                .body("salesorders[0].salesorder_number", equalTo("TSH-SO-1001"));
    }
}
