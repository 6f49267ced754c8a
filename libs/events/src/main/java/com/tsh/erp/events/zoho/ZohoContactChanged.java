package com.tsh.erp.events.zoho;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A contact (customer) as Zoho Books holds it, pulled in by zoho-sync-service. Field meanings
 * follow Zoho's contact (contact_id, contact_name, customer_sub_type, phone, mobile, email,
 * billing_address.city / state, credit_limit, status, last_modified_time); {@code contactNameAr}
 * comes from a custom field when Zoho has it. Key and aggregate id: the Zoho contact id.
 *
 * @param customerSubType business (wholesale) or individual (retail)
 * @param status          active or inactive
 */
public record ZohoContactChanged(
        String zohoContactId,
        String contactName,
        String contactNameAr,
        String customerSubType,
        String phone,
        String mobile,
        String email,
        String address,
        String city,
        String state,
        BigDecimal creditLimit,
        String status,
        Instant lastModifiedTime) {
}
