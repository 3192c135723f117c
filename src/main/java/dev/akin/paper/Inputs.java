package dev.akin.paper;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The files behind the paths a user names: files as given, directories walked in name order (so that which
 * sighting of a duplicate comes first never changes between runs). Streams every record to a sink.
 */
public final class Inputs {
    private final List<Path> files;
    private final List<Skipped> ignoredFiles;

    private Inputs(List<Path> files, List<Skipped> ignoredFiles) {
        this.files = List.copyOf(files);
        this.ignoredFiles = List.copyOf(ignoredFiles);
    }

    /**
     * Resolves paths to readable files.
     *
     * @throws InputException naming the path when it is missing, unreadable, of unknown format, or a directory with
     *     nothing akin can read
     */
    public static Inputs of(List<Path> paths) {
        if (paths.isEmpty()) {
            throw new InputException("no input paths given");
        }
        List<Path> files = new ArrayList<>();
        List<Skipped> ignored = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new InputException(path + ": no such file or directory");
            }
            if (Files.isDirectory(path)) {
                int before = files.size();
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                            .sorted().forEach(f -> {
                                if (InputFormat.of(f).isPresent()) {
                                    files.add(f);
                                } else {
                                    ignored.add(new Skipped(f.toString(), "not a format akin reads ("
                                            + InputFormat.known() + ")"));
                                }
                            });
                } catch (IOException | UncheckedIOException e) {
                    throw new InputException(path + ": cannot list directory: " + e.getMessage(), e);
                }
                if (files.size() == before) {
                    throw new InputException(path + ": directory holds no file akin can read ("
                            + InputFormat.known() + ")");
                }
            } else {
                if (InputFormat.of(path).isEmpty()) {
                    throw new InputException(path + ": unknown format; akin reads " + InputFormat.known());
                }
                if (!Files.isReadable(path)) {
                    throw new InputException(path + ": not readable");
                }
                files.add(path);
            }
        }
        return new Inputs(files, ignored);
    }

    /** Reads every file in order, sending each record to the sink. */
    public void read(PaperSink sink) {
        for (Path file : files) {
            InputFormat format = InputFormat.of(file).orElseThrow();
            try (InputStream in = open(file)) {
                format.reader().read(new Lines(in, file.toString()), sink);
            } catch (IOException e) {
                throw new InputException(file + ": cannot read: " + e.getMessage(), e);
            }
        }
    }

    /** The files to read, in the order {@link #read} reads them. */
    public List<Path> files() {
        return files;
    }

    /** Files found in directories that akin does not read, reported in the summary. */
    public List<Skipped> ignoredFiles() {
        return ignoredFiles;
    }

    private InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (file.getFileName().toString().toLowerCase().endsWith(".gz")) {
            try {
                return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
            } catch (IOException e) {
                in.close();
                throw new InputException(file + ": not a gzip file: " + e.getMessage(), e);
            }
        }
        return in;
    }
}
