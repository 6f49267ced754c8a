package com.tsh.erp.defaults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Named parameters become JDBC placeholders; literals, quoted names, comments and casts stay as written. */
class SqlTest {

    @Test
    void namedParametersBecomePlaceholdersInOrder() {
        Sql.Parsed p = Sql.parse("select * from t where a = :a and b = any(:ids) and c < :a limit :limit");
        assertEquals("select * from t where a = ? and b = any(?) and c < ? limit ?", p.jdbcSql());
        assertEquals(List.of("a", "ids", "a", "limit"), p.names());
    }

    @Test
    void castsLiteralsQuotedNamesAndCommentsAreLeftAlone() {
        Sql.Parsed p = Sql.parse("""
                select ':no', "x:y", sum(v)::numeric(14, 2) -- :neither
                from t where s like :pattern escape '\\' and (:start::timestamptz is null or at >= :start)""");
        assertEquals("""
                select ':no', "x:y", sum(v)::numeric(14, 2) -- :neither
                from t where s like ? escape '\\' and (?::timestamptz is null or at >= ?)""", p.jdbcSql());
        assertEquals(List.of("pattern", "start", "start"), p.names());
    }

    @Test
    void whereKeepsOnlyTheFiltersGivenWithTheirValues() {
        Sql.Where where = Sql.Where.of("active = :active", "active", true)
                .andIfPresent("type = :type", "type", null)
                .andIfPresent("city = :city", "city", "Basra")
                .and("stock > 0");
        assertEquals(" where active = :active and city = :city and stock > 0", where.toString());
        assertEquals(java.util.Map.of("active", true, "city", "Basra"), where.params().values);
    }

    @Test
    void aPageAsksForOneRowMoreThanItShows() {
        Sql.Params params = Sql.Params.none().page(3, 25);
        assertEquals(java.util.Map.of("limit", 26, "offset", 50L), params.values);
    }
}
