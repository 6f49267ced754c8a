package com.tsh.erp.orders.messaging;

import com.tsh.erp.events.catalog.CatalogEvents;
import com.tsh.erp.events.catalog.StockReservationRejected;
import com.tsh.erp.events.clients.ClientEvents;
import com.tsh.erp.events.clients.CreditRejected;
import com.tsh.erp.orders.service.OrderSaga;
import com.tsh.erp.orders.service.OrderSaga.Side;
import com.tsh.erp.orders.service.Rejection;
import com.tsh.erp.outbox.EventConsumer;
import com.tsh.erp.outbox.EventRoutes;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The saga's answers: catalog-service's on catalog.stock, client-service's on clients.credit. */
@ApplicationScoped
public class SagaAnswerConsumer {

    @Inject
    EventConsumer events;
    @Inject
    OrderSaga saga;

    private EventRoutes stock;
    private EventRoutes credit;

    @PostConstruct
    void routes() {
        stock = EventRoutes.builder()
                .onPayload(CatalogEvents.STOCK_RESERVED, r -> saga.answer(r.orderId(), Side.STOCK, null))
                .onPayload(CatalogEvents.STOCK_RESERVATION_REJECTED, r -> saga.answer(r.orderId(), Side.STOCK, stockRejection(r)))
                .build();
        credit = EventRoutes.builder()
                .onPayload(ClientEvents.CREDIT_RESERVED, r -> saga.answer(r.orderId(), Side.CREDIT, null))
                .onPayload(ClientEvents.CREDIT_REJECTED, r -> saga.answer(r.orderId(), Side.CREDIT, creditRejection(r)))
                .build();
    }

    static Rejection stockRejection(StockReservationRejected r) {
        var lines = r.shortLines().stream().map(l -> new Rejection.ShortLine(l.productId(), l.sku(), l.requested(), l.available(),
                l.reason() == null ? null : l.reason().name())).toList();
        String message = lines.size() == 1 ? "1 line is short" : lines.size() + " lines are short";
        return new Rejection(Rejection.STOCK, message, lines, null, null);
    }

    static Rejection creditRejection(CreditRejected r) {
        String message = switch (r.reason()) {
            case CREDIT_LIMIT_EXCEEDED -> "the order total " + r.orderTotal().toPlainString() + " is more than the available credit"
                    + (r.availableCredit() == null ? "" : " " + r.availableCredit().toPlainString());
            case UNKNOWN_CLIENT -> "client-service does not know the client";
            case INACTIVE_CLIENT -> "the client is inactive";
        };
        return new Rejection(Rejection.CREDIT, message, null, new Rejection.Credit(r.reason().name(), r.creditLimit(), r.balance(),
                r.reservedCredit(), r.orderTotal(), r.availableCredit()), null);
    }

    @Incoming("stock")
    @Blocking
    public void onStock(ConsumerRecord<String, String> record) {
        events.consume("stock", record, stock);
    }

    @Incoming("credit")
    @Blocking
    public void onCredit(ConsumerRecord<String, String> record) {
        events.consume("credit", record, credit);
    }
}
