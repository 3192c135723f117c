package dev.akin.embed;

import java.nio.file.Path;

/**
 * DJL's settings are JVM system properties. akin sets them (unless the user already has) so that DJL never
 * reaches for the network and writes its native-library cache only where akin says, not under a home directory
 * that may be read-only.
 */
final class DjlOffline {
    private DjlOffline() {
    }

    static void configure(Path cacheDir) {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        setIfAbsent("ai.djl.default_engine", "OnnxRuntime");
        setIfAbsent("DJL_CACHE_DIR", cacheDir.toString());
        setIfAbsent("ENGINE_CACHE_DIR", cacheDir.toString());
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) {
            System.setProperty(key, value);
        }
    }
}
