package com.tsh.erp.gateway.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a sign-in and a refresh answer. */
public record TokenPair(
        @Schema(description = "RS256 JWT for `Authorization: Bearer`; claims iss, sub (user id), upn (username), groups (roles), "
                + "salesperson_id or client_id when the user has one, iat, exp, jti") String accessToken,
        @Schema(description = "Opaque; send it once to POST /api/v1/auth/refresh for the next pair") String refreshToken,
        @Schema(description = "Seconds the access token lives") long expiresIn,
        @Schema(description = "Always Bearer") String tokenType) {
}
