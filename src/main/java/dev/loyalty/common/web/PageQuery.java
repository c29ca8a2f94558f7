package dev.loyalty.common.web;

import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** {@code page} (1-based) and {@code size} (default 20, at most 100) of a list request. */
public record PageQuery(@Min(1) Integer page, @Min(1) @Max(100) Integer size) {

    public <T> Page<T> toPage() {
        return Page.of(page == null ? 1 : page, size == null ? 20 : size);
    }
}
