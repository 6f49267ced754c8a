package com.tsh.erp.events.zoho;

import com.tsh.erp.events.EventType;
import com.tsh.erp.events.Topics;
import java.util.List;

/** What zoho-sync-service publishes on zoho.inbound: Zoho's data, for the owning service to apply. */
public final class ZohoEvents {

    public static final EventType<ZohoItemChanged> ITEM_CHANGED =
            new EventType<>("ZohoItemChanged", "ZohoItem", Topics.ZOHO_INBOUND, ZohoItemChanged.class);

    public static final EventType<ZohoContactChanged> CONTACT_CHANGED =
            new EventType<>("ZohoContactChanged", "ZohoContact", Topics.ZOHO_INBOUND, ZohoContactChanged.class);

    public static final List<EventType<?>> ALL = List.of(ITEM_CHANGED, CONTACT_CHANGED);

    private ZohoEvents() {
    }
}
