package dev.akin.cli;

import java.util.Arrays;

/**
 * Log setup for the command line: logs go to stderr (stdout carries only results), akin's own at info, the
 * libraries' at warn, everything at debug with --verbose. Must run before the first logger is created.
 */
final class Logging {
    private Logging() {
    }

    static void configure(String[] args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.dev.akin", verbose ? "debug" : "info");
        // DJL probes for CUDA on every start and warns when there is none: not news on a CPU machine.
        setIfAbsent("org.slf4j.simpleLogger.log.ai.djl.util.cuda", "error");
        setIfAbsent("org.slf4j.simpleLogger.log.ai.djl.onnxruntime.engine.OrtEngine", "error");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
