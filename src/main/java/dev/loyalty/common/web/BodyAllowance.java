package dev.loyalty.common.web;

import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;

/**
 * One endpoint that takes a larger body than {@code loyalty.http.max-body-bytes} (an upload): declare it as a bean
 * next to the endpoint and {@link BodyLimitFilter} applies {@code maxBytes} to exactly that method and path.
 */
public record BodyAllowance(HttpMethod method, String path, DataSize maxBytes) {
}
