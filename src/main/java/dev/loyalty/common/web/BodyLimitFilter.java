package dev.loyalty.common.web;

import dev.loyalty.common.error.PayloadTooLargeException;
import dev.loyalty.common.security.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code loyalty.http.max-body-bytes} (default 1 MB) with 413, before anything reads
 * them whole: at once when Content-Length says so, else (chunked) as soon as the bytes read pass the limit.
 * Runs before Spring Security, so an anonymous caller cannot make the app buffer a large body either. An upload
 * endpoint declares its own ceiling as a {@link BodyAllowance} bean; it holds for that method and path only.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodyLimitFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;
    private final long defaultMaxBytes;
    private final List<BodyAllowance> allowances;

    BodyLimitFilter(ProblemWriter problems, @Value("${loyalty.http.max-body-bytes:1MB}") DataSize maxBytes,
            List<BodyAllowance> allowances) {
        this.problems = problems;
        this.defaultMaxBytes = maxBytes.toBytes();
        this.allowances = List.copyOf(allowances);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = maxBytesOf(request);
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(response, maxBytes);
            return;
        }
        try {
            // With a Content-Length, the container never reads past it; only a chunked body needs counting.
            chain.doFilter(declared < 0 ? new LimitedRequest(request, maxBytes) : request, response);
        } catch (PayloadTooLargeException e) {
            // thrown while a filter read the body; a controller's read is answered by the exception handler
            if (!response.isCommitted()) {
                response.reset();
                refuse(response, maxBytes);
            }
        }
    }

    /** The allowance of exactly this method and path (the servlet path: no context path, no query), else the default. */
    private long maxBytesOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (BodyAllowance allowance : allowances) {
            if (allowance.method().matches(request.getMethod()) && allowance.path().equals(path)) {
                return allowance.maxBytes().toBytes();
            }
        }
        return defaultMaxBytes;
    }

    private void refuse(HttpServletResponse response, long maxBytes) throws IOException {
        problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                "The request body is larger than " + maxBytes + " bytes");
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private LimitedInputStream stream;
        private BufferedReader reader;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedInputStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
            return reader;
        }
    }

    /** Hands out at most {@code maxBytes + 1} bytes, then throws {@link PayloadTooLargeException}. */
    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long maxBytes;
        private long count;

        LimitedInputStream(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, (int) Math.min(length, maxBytes + 1 - count));
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            count += n;
            if (count > maxBytes) {
                throw new PayloadTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
