package dev.akin;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the build unpacked the real models (surefire passes -Dakin.models). */
public final class TestModels {
    private TestModels() {
    }

    public static Path dir() {
        Path dir = Path.of(System.getProperty("akin.models", "models"));
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("models not found at " + dir.toAbsolutePath() + "; run the build first");
        }
        return dir;
    }

    public static Path model(String name) {
        return dir().resolve(name);
    }

    /** The bundled sample corpus. */
    public static Path sampleData() {
        return Path.of("data");
    }
}
