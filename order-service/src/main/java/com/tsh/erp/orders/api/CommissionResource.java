package com.tsh.erp.orders.api;

import com.tsh.erp.defaults.Caller;
import com.tsh.erp.defaults.ApiException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import com.tsh.erp.defaults.Roles;
import com.tsh.erp.defaults.PageParams;
import com.tsh.erp.orders.service.Commissions;
import com.tsh.erp.orders.service.OrderPlacement;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/salespeople/{id}/commission")
@Tag(name = "Commissions")
@Produces(MediaType.APPLICATION_JSON)
public class CommissionResource {

    @Inject
    Commissions commissions;

    /**
     * The salesperson's commission on the orders delivered in the period: each order's total times
     * the rate at its delivery. Default period: this month (Baghdad) up to today.
     */
    @GET
    @APIResponse(responseCode = "200", description = "The period's totals and a page of the orders counted")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ACCOUNTANT, Roles.SALESPERSON, Roles.PARTNER_SALESMAN, Roles.TRAVEL_SALESPERSON})
    public Commissions.Commission commission(
            @PathParam("id") long id,
            @QueryParam("from") @Parameter(description = "The first day of delivery (Baghdad time), inclusive; default: the 1st of `to`'s month",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) LocalDate from,
            @QueryParam("to") @Parameter(description = "The last day (Baghdad time), inclusive; default: today",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) LocalDate to,
            @Valid @BeanParam PageParams.Of25 paging, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        if (caller.scope() != Caller.Scope.ALL && !Long.valueOf(id).equals(caller.ownSalesperson())) {
            throw ApiException.notFound("salesperson", id); // another salesperson's commission: as if there were none
        }
        LocalDate last = to != null ? to : LocalDate.now(OrderPlacement.BAGHDAD);
        LocalDate first = from != null ? from : last.withDayOfMonth(1);
        OrderResource.Periods.check(first, last, OrderResource.LONGEST_PERIOD_DAYS);
        return commissions.of(id, first, last, paging.page(), paging.perPage());
    }
}
