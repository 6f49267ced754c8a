package com.tsh.erp.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The tests' job: writes the numbers 0..n-1, one a line, after a first line saying where it began and on which
 * attempt; a checkpoint every 5 numbers. Params: n, step_ms (a pause a number), fail_at (a JobFailure there),
 * crash_at (an unexpected exception there), name (the file's name). Counts the numbers written, and the
 * lines of its input file when it was started with one.
 */
@ApplicationScoped
public class CountJob implements JobHandler {

    @Override
    public String kind() {
        return "count";
    }

    @Override
    public void run(JobContext job) throws Exception {
        JsonNode p = job.params();
        int n = p.path("n").asInt();
        int start = job.checkpoint().map(c -> c.path("next").asInt()).orElse(0);
        job.input().ifPresent(in -> job.count("input_lines", new String(in.data(), StandardCharsets.UTF_8).lines().count()));
        try (Writer w = new OutputStreamWriter(job.result(p.path("name").asText("count.csv"), "text/csv; charset=UTF-8"),
                StandardCharsets.UTF_8)) {
            w.write("from " + start + " attempt " + job.attempt() + "\n");
            for (int i = start; i < n; i++) {
                if (p.has("fail_at") && p.path("fail_at").asInt() == i) {
                    throw new JobFailure("row " + i + ": the quantity is not a number");
                }
                if (p.has("crash_at") && p.path("crash_at").asInt() == i) {
                    throw new IllegalStateException("a bug at " + i);
                }
                w.write(i + "\n");
                job.count("numbers", i + 1L);
                Thread.sleep(p.path("step_ms").asLong(0));
                if ((i + 1) % 5 == 0) {
                    job.checkpoint(JsonNodeFactory.instance.objectNode().put("next", i + 1), i + 1, (long) n, "counted " + (i + 1));
                } else {
                    job.progress(i + 1, (long) n, "counting");
                }
            }
        }
    }
}
