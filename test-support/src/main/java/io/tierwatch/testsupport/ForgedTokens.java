package io.tierwatch.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/** Tokens no service may accept: a real one with its signature altered, or one signed by a stranger. */
public final class ForgedTokens {

    private ForgedTokens() {
    }

    /** The token with one character of its signature changed. */
    public static String tampered(String token) {
        int at = token.lastIndexOf('.') + 10;
        char c = token.charAt(at);
        return token.substring(0, at) + (c == 'A' ? 'B' : 'A') + token.substring(at + 1);
    }

    /** The token with its payload's claims replaced (here: more scopes) under the original signature. */
    public static String withPayload(String token, String claimsJson) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + encode(claimsJson) + "." + parts[2];
    }

    /**
     * A well-formed RS256 token from another issuer, with its own key, for the given audience and scopes:
     * what a token of a second, unrelated OIDC provider looks like.
     */
    public static String fromAnotherIssuer(String audience, String scopes) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            long now = Instant.now().getEpochSecond();
            String header = encode("{\"alg\":\"RS256\",\"kid\":\"stranger\",\"typ\":\"JWT\"}");
            String payload = encode("{\"iss\":\"http://127.0.0.1:1/elsewhere\",\"sub\":\"intruder\",\"aud\":[\""
                    + audience + "\"],\"scope\":\"" + scopes + "\",\"roles\":[\"ADMIN\"],\"iat\":" + now
                    + ",\"exp\":" + (now + 600) + "}");
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
