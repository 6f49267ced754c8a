package com.tsh.erp.clients.bench;

import com.tsh.erp.bench.BenchmarkProfile;
import com.tsh.erp.bench.BenchmarkReport;
import com.tsh.erp.clients.ClientsTestStack;
import com.tsh.erp.clients.service.ClientSearch;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The plan of every kind of client search over the benchmark's 5,000 clients, into the
 * "search-plans-clients" section of BENCHMARKS.md (plans, not speed: ClientBenchmark measures that).
 * Run it with the command in BENCHMARKS.md.
 */
@QuarkusTest
@ClientsTestStack
@TestProfile(BenchmarkProfile.class)
class ClientSearchPlanBenchmark {

    static final String COMMAND = "./mvnw -B verify -pl client-service -Dtest=ClientSearchPlanBenchmark -Dsurefire.failIfNoSpecifiedTests=false";

    @Inject
    DataSource dataSource;
    @Inject
    ClientSearch search;

    @Test
    void write() throws Exception {
        GeneratedClients.seed(dataSource, 1_000, 5_000);
        String body = """
                Every statement of each kind of client search over 5,000 clients and 1,000 salespeople, as
                `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF)`: a search runs libs/text's tiers one statement each and
                stops once the page is full; the typo step first looks the words up in the word table (small
                here, so read whole; with a vocabulary of thousands it takes its trigram index). None scans
                the clients (ClientSearchPlansTest checks it in every build).

                %s""".formatted(ClientSearchPlans.markdown(search));
        System.out.println(body);
        BenchmarkReport.write("search-plans-clients", "client-service: search plans", COMMAND, body);
    }
}
