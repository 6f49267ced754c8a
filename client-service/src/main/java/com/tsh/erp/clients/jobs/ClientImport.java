package com.tsh.erp.clients.jobs;

import com.tsh.erp.clients.api.ClientApi.ClientFields;
import com.tsh.erp.clients.domain.Client;
import com.tsh.erp.clients.service.ClientInput;
import com.tsh.erp.clients.service.ClientWrites;
import com.tsh.erp.clients.service.Phones;
import com.tsh.erp.defaults.ApiException;
import com.tsh.erp.events.clients.ClientType;
import com.tsh.erp.jobs.files.TableImport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The clients import job ({@code clients-import}); how a file is read and applied is {@link TableImport}'s. Which
 * client a row is: the one its {@code id} names (the export writes it; an id no client has is refused), else the one
 * its phone belongs to (phones are not unique: a phone several clients share is refused, naming the fix), else a new
 * client. Phones are taken in any usual form and stored in E.164, as the API does. A batch is applied through
 * {@link ClientWrites}, the API's own code (same checks: a salesperson that exists and is active, no credit for retail
 * clients; the event in the outbox); a row that would change nothing is not written.
 */
@ApplicationScoped
public class ClientImport extends TableImport {

    public static final String KIND = "clients-import";

    @Inject
    ClientWrites writes;
    @Inject
    EntityManager em;
    @ConfigProperty(name = "tsh.clients.imports.max-rows", defaultValue = "50000")
    int maxRows;
    @ConfigProperty(name = "tsh.clients.imports.batch-size", defaultValue = "500")
    int batchSize;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    protected String things() {
        return "clients";
    }

    @Override
    protected List<String> columns() {
        return ClientExport.COLUMNS;
    }

    @Override
    protected Set<String> requiredColumns() {
        return Set.of();
    }

    @Override
    protected String keyColumn() {
        return "phone";
    }

    @Override
    protected int maxRows() {
        return maxRows;
    }

    @Override
    protected int batchSize() {
        return batchSize;
    }

    @Override
    protected Object value(String column, String text) {
        return switch (column) {
            case "id" -> wholeNumber(text, "a client id");
            case "salesperson_id" -> wholeNumber(text, "a salesperson id");
            case "name", "name_ar", "email", "address", "city", "region" -> text;
            case "client_type" -> {
                String type = text.toUpperCase(Locale.ROOT);
                if (!type.equals("WHOLESALE") && !type.equals("RETAIL")) {
                    throw new IllegalArgumentException("must be WHOLESALE or RETAIL");
                }
                yield type;
            }
            case "phone" -> {
                try {
                    yield Phones.toE164("phone", text);
                } catch (ApiException e) {
                    throw new IllegalArgumentException(e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message());
                }
            }
            case "credit_limit" -> money(text);
            case "active" -> yesNo(text);
            default -> throw new IllegalStateException("no type for column " + column);
        };
    }

    private static String phone(Line line) {
        return (String) line.get("phone");
    }

    @Override
    protected List<Refusal> checkRow(Line line, Map<String, Integer> seen) {
        String key = line.get("id") != null ? "id " + line.get("id") : phone(line) != null ? "phone " + phone(line) : null;
        if (key == null) {
            return List.of();
        }
        Integer first = seen.putIfAbsent(key, line.row());
        return first == null ? List.of() : List.of(new Refusal(line.row(), Objects.toString(phone(line), ""),
                key.startsWith("id") ? "id" : "phone", String.valueOf(key.substring(key.indexOf(' ') + 1)),
                "comes again; row " + first + " has it already"));
    }

    @Override
    protected void applyBatch(List<Line> batch, String actor, Tally tally) {
        Set<Long> ids = new HashSet<>();
        Set<String> phones = new HashSet<>();
        for (Line l : batch) {
            if (l.get("id") instanceof Long id) {
                ids.add(id);
            } else if (phone(l) != null) {
                phones.add(phone(l));
            }
        }
        Map<Long, Client> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("select c from Client c where c.id in :ids", Client.class).setParameter("ids", ids)
                    .getResultList().forEach(c -> byId.put(c.id, c));
        }
        Map<String, List<Client>> byPhone = new HashMap<>();
        if (!phones.isEmpty()) {
            em.createQuery("select c from Client c where c.phone in :phones", Client.class).setParameter("phones", phones)
                    .getResultList().forEach(c -> byPhone.computeIfAbsent(c.phone, k -> new ArrayList<>()).add(c));
        }
        for (Line line : batch) {
            String key = Objects.toString(phone(line), "");
            Client c = null;
            if (line.get("id") instanceof Long id) {
                c = byId.get(id);
                if (c == null) {
                    tally.refuse(List.of(new Refusal(line.row(), key, "id", String.valueOf(id), "no client has this id;"
                            + " leave id empty to add a new client")));
                    continue;
                }
            } else if (phone(line) != null) {
                List<Client> found = byPhone.getOrDefault(phone(line), List.of());
                if (found.size() > 1) {
                    tally.refuse(List.of(new Refusal(line.row(), key, "phone", key, found.size() + " clients have this phone;"
                            + " put the client's id in an id column to say which")));
                    continue;
                }
                c = found.isEmpty() ? null : found.get(0);
            }
            ClientFields merged = merge(c, line);
            List<Refusal> wrong = violations(line, key, merged, c == null, "client");
            if (!wrong.isEmpty()) {
                tally.refuse(wrong);
                continue;
            }
            ClientInput in = new ClientInput(merged.name, merged.nameAr, ClientType.valueOf(merged.clientType), merged.phone,
                    merged.email, merged.address, merged.city, merged.region, merged.salespersonId, merged.creditLimit,
                    merged.zohoContactId, line.has("active") ? (Boolean) line.get("active") : null);
            if (c == null) {
                writes.create(in, actor);
                tally.created();
            } else if (same(c, in)) {
                tally.unchanged();
                continue;
            } else {
                writes.update(c.id, c.version, in, actor);
                tally.updated();
            }
            em.flush(); // as the products import: keeps each flush to the row just written
            em.clear();
        }
    }

    /** The client as it would be: what it has now, with the file's columns put over it. */
    private static ClientFields merge(Client c, Line line) {
        ClientFields m = new ClientFields();
        if (c != null) {
            m.name = c.name;
            m.nameAr = c.nameAr;
            m.clientType = c.clientType.name();
            m.phone = c.phone;
            m.email = c.email;
            m.address = c.address;
            m.city = c.city;
            m.region = c.region;
            m.salespersonId = c.salespersonId;
            m.creditLimit = c.creditLimit;
            m.zohoContactId = c.zohoContactId;
        }
        if (line.has("name")) {
            m.name = (String) line.get("name");
        }
        if (line.has("name_ar")) {
            m.nameAr = (String) line.get("name_ar");
        }
        if (line.has("client_type")) {
            m.clientType = (String) line.get("client_type");
        }
        if (line.has("phone")) {
            m.phone = phone(line);
        }
        if (line.has("email")) {
            m.email = (String) line.get("email");
        }
        if (line.has("address")) {
            m.address = (String) line.get("address");
        }
        if (line.has("city")) {
            m.city = (String) line.get("city");
        }
        if (line.has("region")) {
            m.region = (String) line.get("region");
        }
        if (line.has("salesperson_id")) {
            m.salespersonId = (Long) line.get("salesperson_id");
        }
        if (line.has("credit_limit")) {
            m.creditLimit = (BigDecimal) line.get("credit_limit");
        }
        return m;
    }

    private static boolean same(Client c, ClientInput in) {
        return c.name.equals(in.name().strip()) && c.nameAr.equals(in.nameAr().strip()) && c.clientType == in.clientType()
                && Objects.equals(c.phone, in.phone()) && Objects.equals(c.email, lowerOrNull(in.email()))
                && Objects.equals(c.address, blankToNull(in.address())) && Objects.equals(c.city, blankToNull(in.city()))
                && Objects.equals(c.region, blankToNull(in.region())) && Objects.equals(c.salespersonId, in.salespersonId())
                && (in.creditLimit() == null ? c.creditLimit.signum() == 0 : c.creditLimit.compareTo(in.creditLimit()) == 0)
                && (in.active() == null || c.active == in.active());
    }

    private static String lowerOrNull(String s) {
        return s == null || s.isBlank() ? null : s.strip().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
