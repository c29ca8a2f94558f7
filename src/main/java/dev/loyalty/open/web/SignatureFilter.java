package dev.loyalty.open.web;

import dev.loyalty.common.error.LoyaltyException;
import dev.loyalty.common.security.ProblemWriter;
import dev.loyalty.open.ApiKeyService;
import dev.loyalty.open.SignedRequest;
import dev.loyalty.open.TillKey;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every request under {@code /api/open/} by its signature ({@link ApiKeyService#authenticate}), not
 * by a token: Spring Security lets these paths through and this filter answers 401 SIGNATURE_INVALID or REPLAYED
 * itself. It reads the body once, after {@code BodyLimitFilter} bounded it, hashes those bytes and hands the
 * controller a request that reads them again; the verified key waits in the {@link TillKey#ATTRIBUTE} attribute.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class SignatureFilter extends OncePerRequestFilter {

    static final String PREFIX = "/api/open/";
    static final String KEY = "X-Loyalty-Key";
    static final String TIMESTAMP = "X-Loyalty-Timestamp";
    static final String NONCE = "X-Loyalty-Nonce";
    static final String SIGNATURE = "X-Loyalty-Signature";

    private final ApiKeyService apiKeys;
    private final ProblemWriter problems;

    SignatureFilter(ApiKeyService apiKeys, ProblemWriter problems) {
        this.apiKeys = apiKeys;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes();
        String query = request.getQueryString();
        SignedRequest signed = new SignedRequest(request.getHeader(KEY), request.getHeader(TIMESTAMP),
                request.getHeader(NONCE), request.getHeader(SIGNATURE), request.getMethod(),
                request.getRequestURI() + (query == null ? "" : "?" + query), body);
        TillKey key;
        try {
            key = apiKeys.authenticate(signed);
        } catch (LoyaltyException refused) {
            problems.write(response, refused.status(), refused.code(), refused.getMessage());
            return;
        } catch (DataAccessException databaseAway) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "DATABASE_UNAVAILABLE",
                    "The signature cannot be checked right now; please try again in a moment");
            return;
        }
        request.setAttribute(TillKey.ATTRIBUTE, key);
        chain.doFilter(new ReadAgain(request, body), response);
    }

    /** The request with its body, already read, to read again. */
    private static final class ReadAgain extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
