package com.tsh.erp.gateway.api;

import com.tsh.erp.defaults.ApiDocument;
import com.tsh.erp.gateway.config.Keys;
import com.tsh.erp.gateway.service.SignIn;
import com.tsh.erp.gateway.service.TokenPair;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/auth")
@PermitAll // sign-in, refresh, logout and the public key need no token; /password says @Authenticated
@Tag(name = "Sign-in")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    static final String PEM = "application/x-pem-file";

    @Inject
    SignIn signIn;
    @Inject
    ClientAddress address;
    @Inject
    Keys keys;
    @Inject
    JsonWebToken jwt;

    /**
     * Signs in: an access token (15 min) and a refresh token. A wrong password, an unknown name and an inactive user
     * get the same 401; after 5 failures for a name (20 for an address) in 15 min both are locked for 15 min (429).
     */
    @POST
    @Path("/login")
    @APIResponse(responseCode = "200", description = "Signed in",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenPair.class)))
    @APIResponse(responseCode = "401", ref = GatewayApiDocument.UNAUTHORIZED)
    @APIResponse(responseCode = "429", ref = GatewayApiDocument.TOO_MANY_ATTEMPTS)
    public TokenPair login(@Valid @NotNull AuthApi.Login body, @Context HttpServerRequest request) {
        return signIn.login(body.username(), body.password(), address.of(request));
    }

    /** The next pair for a refresh token, which is then used up; a used one shown again ends its whole sign-in. */
    @POST
    @Path("/refresh")
    @APIResponse(responseCode = "200", description = "The next pair",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenPair.class)))
    @APIResponse(responseCode = "401", ref = GatewayApiDocument.UNAUTHORIZED)
    public TokenPair refresh(@Valid @NotNull AuthApi.Refresh body) {
        return signIn.refresh(body.refreshToken());
    }

    /** Ends the sign-in the refresh token belongs to (all its tokens). An unknown token is 204 too. */
    @POST
    @Path("/logout")
    @APIResponse(responseCode = "204", description = "Signed out")
    public Response logout(@Valid @NotNull AuthApi.Refresh body) {
        signIn.logout(body.refreshToken());
        return Response.noContent().build();
    }

    /** Changes the caller's own password; every refresh token of the caller is revoked (sign in again everywhere). */
    @POST
    @Path("/password")
    @Authenticated
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "422", ref = ApiDocument.UNPROCESSABLE)
    @APIResponse(responseCode = "429", ref = GatewayApiDocument.TOO_MANY_ATTEMPTS)
    public Response changePassword(@Valid @NotNull AuthApi.PasswordChange body, @Context HttpServerRequest request) {
        long userId = Long.parseLong(jwt.getSubject());
        signIn.changePassword(userId, body.currentPassword(), body.newPassword(), address.of(request), "user:" + userId);
        return Response.noContent().build();
    }

    /**
     * The public key the access tokens verify with (X.509 PEM), for the services:
     * {@code mp.jwt.verify.publickey.location=http://gateway:8080/api/v1/auth/public-key}.
     */
    @GET
    @Path("/public-key")
    @Produces({PEM, MediaType.APPLICATION_JSON})
    @APIResponse(responseCode = "200", description = "The RS256 public key: PEM, or the PEM as one JSON string for a client that asks only for JSON",
            content = {@Content(mediaType = PEM, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.STRING))})
    public String publicKey() {
        return keys.publicKeyPem();
    }
}
