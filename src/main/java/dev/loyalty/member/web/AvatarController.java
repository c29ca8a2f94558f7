package dev.loyalty.member.web;

import dev.loyalty.common.error.NotFoundException;
import dev.loyalty.member.Avatars;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Uploaded avatars, public like any avatar WeChat serves: the id in the URL is the secret. */
@Tag(name = "Member")
@RestController
class AvatarController {

    private final Avatars avatars;

    AvatarController(Avatars avatars) {
        this.avatars = avatars;
    }

    @Operation(summary = "An uploaded avatar, by the URL upload gave (no token needed; the bytes under a URL never change)")
    @GetMapping(Avatars.PATH + "{file}")
    ResponseEntity<byte[]> avatar(@PathVariable String file) {
        Avatars.Image image = avatars.image(file).orElseThrow(() -> new NotFoundException("Avatar", file));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .eTag("\"" + image.id() + "\"")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .body(image.content());
    }
}
