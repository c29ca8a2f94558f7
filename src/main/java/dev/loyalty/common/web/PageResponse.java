package dev.loyalty.common.web;

import com.baomidou.mybatisplus.core.metadata.IPage;
import java.util.List;
import java.util.function.Function;

/** The list shape of the API: {@code {items, page, size, total}}. */
public record PageResponse<T>(List<T> items, long page, long size, long total) {

    public static <E, T> PageResponse<T> from(IPage<E> page, Function<E, T> mapper) {
        return new PageResponse<>(page.getRecords().stream().map(mapper).toList(),
                page.getCurrent(), page.getSize(), page.getTotal());
    }
}
