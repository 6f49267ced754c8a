package com.tsh.erp.zohosim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import java.util.function.Predicate;

/** Zoho Books v3 contacts (customers). */
@Path("/books/v3/contacts")
@Produces(MediaType.APPLICATION_JSON)
public class BooksContactsResource {

    static final Set<String> SORT = Set.of("created_time", "last_modified_time", "contact_name");
    static final Set<String> FILTERS = Set.of("Status.All", "Status.Active", "Status.Inactive");

    @Inject
    ApiGate gate;
    @Inject
    Store store;
    @Context
    UriInfo uri;
    @Context
    HttpHeaders headers;
    @Context
    HttpServerRequest request;

    @POST
    public Response create(String body) {
        return gate.run(Op.CONTACT_CREATE, uri, headers, request, body,
                c -> Lists.answer("The contact has been added.", "contact", store.createContact(c.body, c.now)));
    }

    /**
     * Filters: contact_name, company_name, email (exact, any case), phone (any contact person's phone or mobile,
     * exact), contact_type, search_text (name, company, email or phone contains), filter_by, last_modified_time.
     */
    @GET
    public Response list() {
        return gate.run(Op.CONTACT_LIST, uri, headers, request, null, c -> {
            Lists.Params p = Lists.params(c, SORT, FILTERS);
            String phone = c.query("phone");
            String email = c.query("email");
            Predicate<ObjectNode> filter = Lists.status(p.filterBy())
                    .and(Lists.equalsIgnoreCase("contact_name", c.query("contact_name")))
                    .and(Lists.equalsIgnoreCase("company_name", c.query("company_name")))
                    .and(Lists.equalsIgnoreCase("contact_type", c.query("contact_type")))
                    .and(r -> phone == null || anyPerson(r, phone.trim(), "phone", "mobile"))
                    .and(r -> email == null || anyPerson(r, email.trim(), "email"))
                    .and(Lists.contains(c.query("search_text"), "contact_name", "company_name", "email", "phone", "mobile"));
            return Lists.answer("contacts", store.list(Store.Kind.contacts, filter, p.modifiedSince(), p.sortColumn(),
                    p.descending(), p.page(), p.perPage()), p, "Contacts");
        });
    }

    private static boolean anyPerson(ObjectNode contact, String wanted, String... fields) {
        for (JsonNode person : contact.path("contact_persons")) {
            for (String f : fields) {
                if (wanted.equalsIgnoreCase(person.path(f).asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    @GET
    @Path("/{contact_id}")
    public Response get(@PathParam("contact_id") String id) {
        return gate.run(Op.CONTACT_GET, uri, headers, request, null,
                c -> Lists.answer("success", "contact", store.get(Store.Kind.contacts, Store.parseId(id))));
    }

    @PUT
    @Path("/{contact_id}")
    public Response update(@PathParam("contact_id") String id, String body) {
        return gate.run(Op.CONTACT_UPDATE, uri, headers, request, body,
                c -> Lists.answer("Contact has been updated successfully", "contact",
                        store.updateContact(Store.parseId(id), c.body, c.now)));
    }

    @POST
    @Path("/{contact_id}/active")
    public Response active(@PathParam("contact_id") String id) {
        return gate.run(Op.CONTACT_ACTIVE, uri, headers, request, null, c -> {
            store.setStatus(Store.Kind.contacts, Store.parseId(id), "active", c.now);
            return Lists.answer("The contact has been marked as active.", null, null);
        });
    }

    @POST
    @Path("/{contact_id}/inactive")
    public Response inactive(@PathParam("contact_id") String id) {
        return gate.run(Op.CONTACT_INACTIVE, uri, headers, request, null, c -> {
            store.setStatus(Store.Kind.contacts, Store.parseId(id), "inactive", c.now);
            return Lists.answer("The contact has been marked as inactive.", null, null);
        });
    }
}
