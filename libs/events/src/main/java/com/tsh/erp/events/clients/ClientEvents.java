package com.tsh.erp.events.clients;

import com.tsh.erp.events.EventType;
import com.tsh.erp.events.Topics;
import java.util.List;

/** The events client-service publishes. */
public final class ClientEvents {

    public static final EventType<ClientUpserted> CLIENT_UPSERTED =
            new EventType<>("ClientUpserted", "Client", Topics.CLIENTS_CLIENTS, ClientUpserted.class);
    public static final EventType<SalespersonUpserted> SALESPERSON_UPSERTED =
            new EventType<>("SalespersonUpserted", "Salesperson", Topics.CLIENTS_SALESPEOPLE, SalespersonUpserted.class);
    public static final EventType<BalanceChanged> BALANCE_CHANGED =
            new EventType<>("BalanceChanged", "Client", Topics.CLIENTS_CREDIT, BalanceChanged.class);
    public static final EventType<CreditReserved> CREDIT_RESERVED =
            new EventType<>("CreditReserved", "CreditReservation", Topics.CLIENTS_CREDIT, CreditReserved.class);
    public static final EventType<CreditRejected> CREDIT_REJECTED =
            new EventType<>("CreditRejected", "CreditReservation", Topics.CLIENTS_CREDIT, CreditRejected.class);

    public static final List<EventType<?>> ALL =
            List.of(CLIENT_UPSERTED, SALESPERSON_UPSERTED, BALANCE_CHANGED, CREDIT_RESERVED, CREDIT_REJECTED);

    private ClientEvents() {
    }
}
