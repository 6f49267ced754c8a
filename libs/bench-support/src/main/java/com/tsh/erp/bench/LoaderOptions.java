package com.tsh.erp.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command line of a data loader run by deploy/local/data-10x.sh: {@code --name value} pairs, each with a default;
 * anything else prints the usage and exits with 2.
 */
public final class LoaderOptions {

    private final Map<String, String> values;

    private LoaderOptions(Map<String, String> values) {
        this.values = values;
    }

    /** {@code defaults}: each option's name without the dashes and its default value. */
    public static LoaderOptions parse(String program, String[] args, Map<String, String> defaults) {
        Map<String, String> values = new LinkedHashMap<>(defaults);
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!values.containsKey(name) || i + 1 == args.length) {
                StringBuilder usage = new StringBuilder("usage: " + program);
                defaults.forEach((k, v) -> usage.append(" [--").append(k).append(' ').append(v).append(']'));
                System.err.println(usage);
                System.exit(2);
            }
            values.put(name, args[++i]);
        }
        return new LoaderOptions(values);
    }

    public String get(String name) {
        return values.get(name);
    }
}
