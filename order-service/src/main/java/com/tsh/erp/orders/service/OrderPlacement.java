package com.tsh.erp.orders.service;

import com.tsh.erp.defaults.Caller;
import com.tsh.erp.defaults.ApiException;
import com.tsh.erp.defaults.Problem.FieldError;
import com.tsh.erp.defaults.Sql;
import com.tsh.erp.defaults.Sql.Params;
import com.tsh.erp.events.clients.ClientType;
import com.tsh.erp.events.orders.OrderEvents;
import com.tsh.erp.events.orders.OrderLine;
import com.tsh.erp.events.orders.OrderPlaced;
import com.tsh.erp.orders.config.OrdersConfig;
import com.tsh.erp.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Places an order: checks it against the read models, prices it, stores it PENDING with its lines
 * and first transition, and puts {@code OrderPlaced} in the outbox, all in one transaction.
 *
 * <p><b>Pricing</b> (written once, here): the unit price is the product's wholesale price for a
 * wholesale client, its retail price for a retail client; a line's total is unit price x quantity
 * (exact); the subtotal their sum (exact); the discount subtotal x percent / 100 rounded half-up to
 * 2 places, the only rounding; the total subtotal - discount. IQD amounts keep 2 places, as the
 * prices, the client ledger and Zoho's rates do. Every figure must fit {@code numeric(14,2)}.
 */
@ApplicationScoped
public class OrderPlacement {

    public static final String CURRENCY = "IQD";
    public static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");
    /** The largest amount a column holds: numeric(14,2). */
    static final BigDecimal LARGEST_AMOUNT = new BigDecimal("999999999999.99");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int MAX_QUANTITY = 10_000;

    @Inject
    Sql sql;
    @Inject
    OutboxWriter outbox;
    @Inject
    OrdersConfig config;

    private record ClientRow(long id, ClientType type, String name, String nameAr, Long salespersonId, boolean active) {
    }

    private record ProductRow(long id, String sku, String name, String nameAr, BigDecimal retail, BigDecimal wholesale,
                              boolean active) {
    }

    private static boolean sees(Caller caller, ClientRow client) {
        return switch (caller.scope()) {
            case ALL -> true;
            case SALESPERSON -> caller.salespersonId().equals(client.salespersonId());
            case CLIENT -> caller.clientId() == client.id();
            case NONE -> false;
        };
    }

    /** A product's line after merging: where it first appeared in the request, and how many in all. */
    private static final class Merged {
        final int firstIndex;
        long quantity;

        Merged(int firstIndex) {
            this.firstIndex = firstIndex;
        }
    }

    /**
     * Places an order for a caller. Who may place which (README, "Roles and ownership"): ADMIN and MANAGER any, and a
     * discount above {@code tsh.orders.max-discount-percent}; a salesperson role only for its own clients, as itself
     * ({@code salesperson_id} another's is 403 naming it), within the cap (403 naming {@code discount_percent}); a CLIENT
     * only for its own client, without {@code salesperson_id}, within the cap. A client the caller may not see is
     * refused exactly as one that does not exist (422 naming {@code client_id}), so ids do not leak.
     */
    @Transactional
    public OrderViews.Detail place(PlaceOrder in, String actor, Caller caller) {
        if (!caller.setsPrices()) {
            if (caller.scope() == Caller.Scope.NONE) {
                throw new ApiException(403, "forbidden", "Forbidden", "your roles do not allow this", null);
            }
            if (in.salespersonId() != null && !in.salespersonId().equals(caller.ownSalesperson())) {
                throw ApiException.forbiddenField("salesperson_id", caller.scope() == Caller.Scope.CLIENT
                        ? "the client's own salesperson takes the order" : "a salesperson places orders only as themself");
            }
            if (in.discountPercent() != null && in.discountPercent().compareTo(config.maxDiscountPercent()) > 0) {
                throw ApiException.forbiddenField("discount_percent", "above " + config.maxDiscountPercent().stripTrailingZeros()
                        .toPlainString() + " percent only a manager or an admin gives");
            }
        }
        List<FieldError> errors = new ArrayList<>();

        Map<Long, Merged> merged = new LinkedHashMap<>();
        for (int i = 0; i < in.lines().size(); i++) {
            PlaceOrder.Line line = in.lines().get(i);
            Merged m = merged.get(line.productId());
            if (m == null) {
                m = new Merged(i);
                merged.put(line.productId(), m);
            }
            m.quantity += line.quantity();
            if (m.quantity > MAX_QUANTITY && m.quantity - line.quantity() <= MAX_QUANTITY) {
                errors.add(new FieldError("lines[" + i + "].quantity", "with lines[" + m.firstIndex + "] (the same product) more than "
                        + MAX_QUANTITY + " units"));
            }
        }

        ClientRow client = sql.one("select id, client_type, name, name_ar, salesperson_id, active from client_view where id = :id",
                Params.of("id", in.clientId()), r -> new ClientRow(r.getLong("id"), ClientType.valueOf(r.getString("client_type")),
                        r.getString("name"), r.getString("name_ar"), r.getLongOrNull("salesperson_id"), r.getBoolean("active")))
                .orElse(null);
        if (client != null && !caller.setsPrices() && !sees(caller, client)) {
            client = null; // someone else's: as if it did not exist
        }
        if (client == null) {
            errors.add(new FieldError("client_id", "client " + in.clientId() + " does not exist"));
        } else if (!client.active()) {
            errors.add(new FieldError("client_id", "client " + in.clientId() + " is inactive"));
        }

        Long salespersonId = in.salespersonId() != null ? in.salespersonId() : client == null ? null : client.salespersonId();
        if (in.salespersonId() != null) {
            Boolean active = sql.one("select active from salesperson_view where id = :id", Params.of("id", in.salespersonId()),
                    r -> r.getBoolean("active")).orElse(null);
            if (active == null) {
                errors.add(new FieldError("salesperson_id", "salesperson " + in.salespersonId() + " does not exist"));
            } else if (!active) {
                errors.add(new FieldError("salesperson_id", "salesperson " + in.salespersonId() + " is inactive"));
            }
        }

        Map<Long, ProductRow> products = new LinkedHashMap<>();
        sql.list("select id, sku, name, name_ar, retail_price, wholesale_price, active from product_view where id = any(:ids)",
                        Params.of("ids", List.copyOf(merged.keySet())),
                        r -> new ProductRow(r.getLong("id"), r.getString("sku"), r.getString("name"), r.getString("name_ar"),
                                r.getBigDecimal("retail_price"), r.getBigDecimal("wholesale_price"), r.getBoolean("active")))
                .forEach(p -> products.put(p.id(), p));
        for (int i = 0; i < in.lines().size(); i++) {
            long productId = in.lines().get(i).productId();
            if (merged.get(productId).firstIndex != i) {
                continue; // named once, at its first line
            }
            ProductRow p = products.get(productId);
            if (p == null) {
                errors.add(new FieldError("lines[" + i + "].product_id", "product " + productId + " does not exist"));
            } else if (!p.active()) {
                errors.add(new FieldError("lines[" + i + "].product_id", "product " + productId + " (" + p.sku() + ") is inactive"));
            }
        }

        // the cap binds the other roles (refused above, 403); a manager's or an admin's discount is any up to 100
        BigDecimal discountPercent = (in.discountPercent() == null ? BigDecimal.ZERO : in.discountPercent()).setScale(2);
        if (!errors.isEmpty()) {
            throw unprocessable(errors);
        }

        // price: exact products and sums, one rounding (the discount)
        boolean wholesale = client.type() == ClientType.WHOLESALE;
        List<OrderViews.Line> lines = new ArrayList<>();
        BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
        long totalQuantity = 0;
        for (Map.Entry<Long, Merged> e : merged.entrySet()) {
            ProductRow p = products.get(e.getKey());
            BigDecimal unit = (wholesale ? p.wholesale() : p.retail()).setScale(2);
            int quantity = (int) e.getValue().quantity;
            BigDecimal lineTotal = unit.multiply(BigDecimal.valueOf(quantity));
            if (lineTotal.compareTo(LARGEST_AMOUNT) > 0) {
                errors.add(new FieldError("lines[" + e.getValue().firstIndex + "].quantity", "the line's total " + lineTotal.toPlainString()
                        + " is more than an order can hold (" + LARGEST_AMOUNT.toPlainString() + ")"));
            }
            lines.add(new OrderViews.Line(lines.size() + 1, p.id(), p.sku(), p.name(), p.nameAr(), quantity, unit, lineTotal));
            subtotal = subtotal.add(lineTotal);
            totalQuantity += quantity;
        }
        if (errors.isEmpty() && subtotal.compareTo(LARGEST_AMOUNT) > 0) {
            errors.add(new FieldError("lines", "the order's subtotal " + subtotal.toPlainString() + " is more than an order can hold ("
                    + LARGEST_AMOUNT.toPlainString() + ")"));
        }
        if (!errors.isEmpty()) {
            throw unprocessable(errors);
        }
        BigDecimal discount = subtotal.multiply(discountPercent).divide(HUNDRED, 2, RoundingMode.HALF_UP);
        BigDecimal total = subtotal.subtract(discount);

        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long sequence = sql.one("select nextval('sales_order_number_seq') as n", Params.none(), r -> r.getLong("n")).orElseThrow();
        String number = number(now, sequence);
        String note = in.note() == null || in.note().isBlank() ? null : in.note().strip();

        sql.update("""
                insert into sales_order (id, number, client_id, client_name, client_name_ar, channel, salesperson_id, status,
                    line_count, total_quantity, subtotal, discount_percent, discount, total, currency, note, placed_at, placed_by,
                    version, updated_at)
                values (:id, :number, :clientId, :clientName, :clientNameAr, :channel, :salespersonId, 'PENDING',
                    :lineCount, :totalQuantity, :subtotal, :discountPercent, :discount, :total, :currency, :note, :now, :actor,
                    1, :now)""",
                Params.of("id", id).and("number", number).and("clientId", client.id()).and("clientName", client.name())
                        .and("clientNameAr", client.nameAr()).and("channel", client.type()).and("salespersonId", salespersonId)
                        .and("lineCount", lines.size()).and("totalQuantity", totalQuantity).and("subtotal", subtotal)
                        .and("discountPercent", discountPercent).and("discount", discount).and("total", total)
                        .and("currency", CURRENCY).and("note", note).and("now", now).and("actor", actor));
        insertLines(id, lines);
        sql.update("""
                insert into sales_order_transition (order_id, from_status, to_status, actor, reason, at)
                values (:id, null, 'PENDING', :actor, 'placed', :now)""", Params.of("id", id).and("actor", actor).and("now", now));

        outbox.append(OrderEvents.ORDER_PLACED, id.toString(), 1, actor, new OrderPlaced(id.toString(), client.id(), client.type(),
                salespersonId, lines.stream().map(l -> new OrderLine(l.productId(), l.sku(), l.quantity(), l.unitPrice())).toList(),
                total, CURRENCY, now));

        return new OrderViews.Detail(id, number, client.id(), client.name(), client.nameAr(), client.type().name(), salespersonId,
                OrderStatus.PENDING, null, List.copyOf(lines), subtotal, discountPercent, discount, total, CURRENCY, note, null, now,
                null, null, null, actor, 1, List.of(new OrderViews.Transition(null, OrderStatus.PENDING, actor, "placed", now)));
    }

    /** {@code SO-<year>-<6 digits>}: the Baghdad year of placing and the sequence's number (more digits past 999,999). */
    static String number(Instant placedAt, long sequence) {
        return "SO-" + placedAt.atZone(BAGHDAD).getYear() + "-" + String.format("%06d", sequence);
    }

    /** All lines in one statement (at most 200), from arrays. */
    private void insertLines(UUID id, List<OrderViews.Line> lines) {
        int n = lines.size();
        Integer[] lineNos = new Integer[n];
        Long[] productIds = new Long[n];
        String[] skus = new String[n];
        String[] names = new String[n];
        String[] namesAr = new String[n];
        Integer[] quantities = new Integer[n];
        String[] prices = new String[n];
        String[] totals = new String[n];
        for (int i = 0; i < n; i++) {
            OrderViews.Line l = lines.get(i);
            lineNos[i] = l.lineNo();
            productIds[i] = l.productId();
            skus[i] = l.sku();
            names[i] = l.name();
            namesAr[i] = l.nameAr();
            quantities[i] = l.quantity();
            prices[i] = l.unitPrice().toPlainString();
            totals[i] = l.lineTotal().toPlainString();
        }
        sql.update("""
                insert into sales_order_line (order_id, line_no, product_id, sku, name, name_ar, quantity, unit_price, line_total)
                select :id, t.* from unnest(:lineNos::int[], :productIds::bigint[], :skus::text[], :names::text[], :namesAr::text[],
                    :quantities::int[], :prices::numeric[], :totals::numeric[]) as t""",
                Params.of("id", id).and("lineNos", lineNos).and("productIds", productIds).and("skus", skus).and("names", names)
                        .and("namesAr", namesAr).and("quantities", quantities).and("prices", prices).and("totals", totals));
    }

    private static ApiException unprocessable(List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields cannot be used: " + String.join(", ", errors.stream().map(FieldError::field).toList());
        return new ApiException(422, "unprocessable", "Unprocessable request", detail, errors);
    }
}
