package dev.akin.cli;

import dev.akin.search.Akin;
import dev.akin.search.AkinConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Options every command with an index shares: where the index and models are, which model. */
final class IndexOption {
    @Option(names = "--index", paramLabel = "DIR", description = "Index folder (default: ${DEFAULT-VALUE}).",
            defaultValue = "index")
    Path index;

    @Option(names = "--model", paramLabel = "NAME", description = "Model name under the models folder, or a path to a"
            + " model folder (default: the index's own model; " + AkinConfig.DEFAULT_MODEL + " for a new index).")
    String model;

    @Option(names = "--models", paramLabel = "DIR", description = "Folder of bundled models (default: akin's models/).")
    Path models;

    @Option(names = "--verbose", description = "Debug logging on stderr.")
    boolean verbose;

    Akin open() {
        return Akin.open(config());
    }

    AkinConfig config() {
        return AkinConfig.at(index, models == null ? home("models") : models).withModel(model);
    }

    /**
     * Opens the {@code --ensemble-with} index: another model's index of the same papers, with the first's models
     * folder and inference options. Refuses a folder that does not exist instead of creating an empty index there.
     */
    static Akin openSecond(CommandLine cmd, Path dir, AkinConfig first) {
        if (!Files.isDirectory(dir)) {
            throw new ParameterException(cmd, "--ensemble-with " + dir + ": no such index folder (build it with:"
                    + " akin index INPUTS --index " + dir + " --model MODEL)");
        }
        return Akin.open(AkinConfig.at(dir, first.models()).withEmbed(first.embed()));
    }

    /** A folder of akin's own: under the launcher's akin.home, else under the working directory. */
    static Path home(String folder) {
        String home = System.getProperty("akin.home");
        return home == null ? Path.of(folder) : Path.of(home, folder);
    }
}
