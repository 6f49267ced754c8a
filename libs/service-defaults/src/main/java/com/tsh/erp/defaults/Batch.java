package com.tsh.erp.defaults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The answer to a batch read ({@code ?ids=}), the same shape in every service so the gateway
 * composes them alike: {@code {"items": [...], "missing": [ids]}}. Items come in the order asked
 * (each id once); {@code missing} lists the ids asked that do not exist (or that the caller may not
 * see), also in the order asked.
 */
public record Batch<T>(List<T> items, List<Long> missing) {

    /** The batch for the ids asked, from what was found (in any order), with each item's id. */
    public static <T> Batch<T> of(List<Long> asked, List<T> found, Function<T, Long> id) {
        Map<Long, T> byId = new LinkedHashMap<>();
        found.forEach(t -> byId.put(id.apply(t), t));
        List<T> items = new ArrayList<>();
        List<Long> missing = new ArrayList<>();
        for (Long wanted : asked.stream().distinct().toList()) {
            T t = byId.get(wanted);
            if (t == null) {
                missing.add(wanted);
            } else {
                items.add(t);
            }
        }
        return new Batch<>(List.copyOf(items), List.copyOf(missing));
    }

    /** The same batch with each item mapped (service records to API views). */
    public <R> Batch<R> map(Function<T, R> mapper) {
        return new Batch<>(items.stream().map(mapper).toList(), missing);
    }
}
