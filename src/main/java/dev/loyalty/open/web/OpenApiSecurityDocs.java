package dev.loyalty.open.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's account of the signature: one security scheme per signing header (all four required
 * together) on every operation under {@code /api/open/}, the recipe in their descriptions.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiSecurityDocs {

    static final String RECIPE = """
            Every request to /api/open/v1 is signed with a store's API key (issued by an operator: \
            POST /api/admin/stores/{id}/api-keys; the secret is shown once). Send four headers: \
            X-Loyalty-Key (the keyId), X-Loyalty-Timestamp (seconds since 1970, within 300 s of the server's time), \
            X-Loyalty-Nonce (1-64 printable ASCII characters, never used again by this key within 10 minutes) and \
            X-Loyalty-Signature = lowercase hex of HMAC-SHA256(secret, METHOD + "\\n" + path and query as sent \
            (e.g. /api/open/v1/purchases?x=1) + "\\n" + timestamp + "\\n" + nonce + "\\n" + lowercase hex \
            SHA-256 of the raw body bytes (of the empty string without a body)). The secret's characters are the \
            HMAC key, as `openssl dgst -sha256 -hmac "$SECRET"` takes them. A missing or wrong header or signature, \
            an unknown or revoked key or a timestamp out of range is 401 SIGNATURE_INVALID; a nonce used again is \
            401 REPLAYED. The key acts at its own store with the rules and idempotency of the staff endpoints.""";

    private static final Map<String, String> HEADERS = headers();

    private static Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SignatureFilter.KEY, "The API key's id (lk_...). " + RECIPE);
        headers.put(SignatureFilter.TIMESTAMP, "Seconds since 1970, within 300 s of the server's time.");
        headers.put(SignatureFilter.NONCE, "1-64 printable ASCII characters, new for every request of this key "
                + "(a nonce used within 10 minutes is 401 REPLAYED).");
        headers.put(SignatureFilter.SIGNATURE, "Lowercase hex HMAC-SHA256 of the request, by the recipe on "
                + SignatureFilter.KEY + ".");
        return headers;
    }

    @Bean
    OpenApiCustomizer openApiSignature() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            SecurityRequirement allFour = new SecurityRequirement();
            HEADERS.forEach((header, description) -> {
                openApi.getComponents().addSecuritySchemes(header, new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name(header).description(description));
                allFour.addList(header);
            });
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith(SignatureFilter.PREFIX)) {
                    item.readOperations().forEach(operation -> {
                        operation.addSecurityItem(allFour);
                        operation.setDescription(RECIPE);
                    });
                }
            });
        };
    }
}
