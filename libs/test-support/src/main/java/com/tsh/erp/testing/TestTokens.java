package com.tsh.erp.testing;

import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Access tokens as the gateway makes them (RS256, issuer {@link TestKeyPair#ISSUER}, {@code sub} the user id,
 * {@code upn}, {@code groups}, {@code salesperson_id} / {@code client_id}), signed with {@link TestKeyPair}, for
 * tests that call a service directly; and the bad tokens every service must refuse (another key, expired, another
 * issuer, {@code alg: none}).
 *
 * <p>{@link #FILTER} (installed in front of every REST Assured call of a service's {@code @QuarkusTest} by
 * {@link TestCallerCallback}) sends {@link #admin()} when a request names no {@code Authorization}; a test that
 * means to send none says {@code .header("Authorization", TestTokens.NONE)}.
 */
public final class TestTokens {

    /** Sent as the Authorization header, means: send none. */
    public static final String NONE = "-none-";
    public static final String ADMIN_ID = "test-admin";

    private static volatile String admin;

    private TestTokens() {
    }

    /** A token for a user with these roles (and salesperson or client id, either may be null). */
    public static String token(String userId, List<String> roles, Long salespersonId, Long clientId) {
        JwtClaims claims = claims(userId, roles, salespersonId, clientId);
        return sign(claims, TestKeyPair.pair().getPrivate(), AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    public static String admin() {
        if (admin == null) {
            admin = token(ADMIN_ID, List.of("ADMIN"), null, null);
        }
        return admin;
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public static String role(String role) {
        return token("test-" + role.toLowerCase(), List.of(role), null, null);
    }

    public static String salesperson(String role, long salespersonId) {
        return token("test-sp-" + salespersonId, List.of(role), salespersonId, null);
    }

    public static String client(long clientId) {
        return token("test-client-" + clientId, List.of("CLIENT"), null, clientId);
    }

    /** Signed with a key the services do not know. */
    public static String otherKey() {
        return sign(claims(ADMIN_ID, List.of("ADMIN"), null, null), TestKeyPair.other().getPrivate(),
                AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    public static String expired() {
        JwtClaims c = claims(ADMIN_ID, List.of("ADMIN"), null, null);
        c.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() - 3600));
        c.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 1800));
        return sign(c, TestKeyPair.pair().getPrivate(), AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    public static String otherIssuer() {
        JwtClaims c = claims(ADMIN_ID, List.of("ADMIN"), null, null);
        c.setIssuer("https://someone-else");
        return sign(c, TestKeyPair.pair().getPrivate(), AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    /** {@code alg: none} and no signature, claiming to be an admin. */
    public static String algNone() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes()) + "."
                + b64.encodeToString(claims(ADMIN_ID, List.of("ADMIN"), null, null).toJson().getBytes()) + ".";
    }

    /** Every bad token, by name, for tests that try them all. */
    public static java.util.Map<String, String> bad() {
        return java.util.Map.of("another key", otherKey(), "expired", expired(), "another issuer", otherIssuer(),
                "alg none", algNone(), "not a token", "not-a-jwt");
    }

    private static JwtClaims claims(String userId, List<String> roles, Long salespersonId, Long clientId) {
        JwtClaims c = new JwtClaims();
        c.setIssuer(TestKeyPair.ISSUER);
        c.setSubject(userId);
        c.setClaim("upn", "user-" + userId);
        c.setStringListClaim("groups", roles);
        if (salespersonId != null) {
            c.setClaim("salesperson_id", salespersonId);
        }
        if (clientId != null) {
            c.setClaim("client_id", clientId);
        }
        c.setIssuedAtToNow();
        c.setExpirationTimeMinutesInTheFuture(240);
        c.setJwtId(UUID.randomUUID().toString());
        return c;
    }

    private static String sign(JwtClaims claims, PrivateKey key, String alg) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(alg);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Puts {@link #FILTER} in front of every REST Assured call of this class loader. {@link TestCallerCallback} does it
     * for {@code @QuarkusTest}s; a {@code @QuarkusIntegrationTest} (whose callbacks do not run) calls this itself.
     */
    public static void install() {
        if (!io.restassured.RestAssured.filters().contains(FILTER)) {
            io.restassured.RestAssured.filters(FILTER);
        }
    }

    /** An admin's token on every request that names none; {@link #NONE} removes the header. */
    public static final OrderedFilter FILTER = new OrderedFilter() {
        @Override
        public int getOrder() {
            return HIGHEST_PRECEDENCE;
        }

        @Override
        public Response filter(FilterableRequestSpecification req, FilterableResponseSpecification res, FilterContext ctx) {
            String given = req.getHeaders().getValue("Authorization");
            if (given == null) {
                req.header("Authorization", bearer(admin()));
            } else if (NONE.equals(given)) {
                req.removeHeader("Authorization");
            }
            return ctx.next(req, res);
        }
    };
}
