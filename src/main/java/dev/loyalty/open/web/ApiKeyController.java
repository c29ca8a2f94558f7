package dev.loyalty.open.web;

import dev.loyalty.open.ApiKeyService;
import dev.loyalty.open.ApiKeyView;
import dev.loyalty.open.IssuedApiKey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operators issue, list and revoke the API keys of a store's tills and ERPs (owners and operators only). */
@Tag(name = "Stores")
@RestController
class ApiKeyController {

    private final ApiKeyService apiKeys;

    ApiKeyController(ApiKeyService apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Operation(summary = "Issue an API key for a store's till or ERP; the secret is in this answer only")
    @PostMapping("/api/admin/stores/{id}/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedApiKey create(@PathVariable long id, @Valid @RequestBody KeyRequest request) {
        return apiKeys.create(id, request.name().strip());
    }

    @Operation(summary = "A store's API keys, revoked ones included, without their secrets")
    @GetMapping("/api/admin/stores/{id}/api-keys")
    List<ApiKeyView> keys(@PathVariable long id) {
        return apiKeys.keys(id);
    }

    @Operation(summary = "Revoke a store's API key: requests signed with it are refused from now on")
    @DeleteMapping("/api/admin/stores/{id}/api-keys/{keyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable long id, @PathVariable String keyId) {
        apiKeys.revoke(id, keyId);
    }

    record KeyRequest(@NotBlank @Size(max = 64) String name) {
    }
}
