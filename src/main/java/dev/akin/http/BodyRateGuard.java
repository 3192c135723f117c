package dev.akin.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.time.Duration;
import org.eclipse.jetty.http.BadMessageException;

/**
 * Refuses (408) a request body that trickles in under a minimum rate, freeing the worker it holds.
 *
 * <p>Why not Jetty's own {@code HttpConfiguration.setMinRequestDataRate}: it measures from the first chunk with
 * no grace, so a 100-byte body whose final read comes 100 ms later (a GC pause, a busy core) is refused although
 * it arrived at once. Here a body is only judged after a grace period, which no real client's body needs.
 */
final class BodyRateGuard implements Filter {
    private final long bytesPerSecond;
    private final long graceNanos;

    BodyRateGuard(long bytesPerSecond, Duration grace) {
        if (bytesPerSecond < 1) {
            throw new IllegalArgumentException("minimum body rate must be at least 1 B/s, got " + bytesPerSecond);
        }
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, got " + grace);
        }
        this.bytesPerSecond = bytesPerSecond;
        this.graceNanos = grace.toNanos();
    }

    /** Whether {@code bytes} read within {@code elapsedNanos} of the first read is too slow. */
    boolean tooSlow(long bytes, long elapsedNanos) {
        long judged = elapsedNanos - graceNanos;
        return judged > 0 && bytes < bytesPerSecond * (judged / 1_000_000) / 1000;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(new HttpServletRequestWrapper((HttpServletRequest) request) {
            private ServletInputStream guarded;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (guarded == null) {
                    guarded = new Guarded(super.getInputStream());
                }
                return guarded;
            }
        }, response);
    }

    private final class Guarded extends ServletInputStream {
        private final ServletInputStream in;
        private long firstRead;
        private long bytes;

        Guarded(ServletInputStream in) {
            this.in = in;
        }

        private void check() {
            long now = System.nanoTime();
            if (firstRead == 0) {
                firstRead = now;
            } else if (tooSlow(bytes, now - firstRead)) {
                throw new BadMessageException(408, "body data rate under " + bytesPerSecond + " B/s ("
                        + bytes + " bytes in " + (now - firstRead) / 1_000_000 + " ms)");
            }
        }

        @Override
        public int read() throws IOException {
            check();
            int b = in.read();
            bytes += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            check();
            int n = in.read(buffer, offset, length);
            bytes += Math.max(n, 0);
            return n;
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
