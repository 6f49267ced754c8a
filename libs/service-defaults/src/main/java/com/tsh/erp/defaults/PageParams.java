package com.tsh.erp.defaults;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * The query parameters of every list: {@code page} (from 1, at most 100,000) and {@code per_page}
 * (at most 100), taken with {@code @Valid @BeanParam PageParams.Of25 paging}. A bad value is 400
 * naming {@code page} or {@code per_page}; the OpenAPI document shows both with their limits.
 * {@link Of25} is the usual page, {@link Of50} the longer default of statements.
 */
public abstract class PageParams {

    @QueryParam("page")
    @DefaultValue("1")
    @Min(1)
    @Max(100_000)
    int page;

    public int page() {
        return page;
    }

    public abstract int perPage();

    /** 25 a page unless {@code per_page} says otherwise. */
    public static class Of25 extends PageParams {

        @QueryParam("per_page")
        @DefaultValue("25")
        @Min(1)
        @Max(100)
        int perPage;

        @Override
        public int perPage() {
            return perPage;
        }
    }

    /** 50 a page unless {@code per_page} says otherwise. */
    public static class Of50 extends PageParams {

        @QueryParam("per_page")
        @DefaultValue("50")
        @Min(1)
        @Max(100)
        int perPage;

        @Override
        public int perPage() {
            return perPage;
        }
    }
}
