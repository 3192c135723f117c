package dev.akin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.akin.embed.EmbedOptions;
import dev.akin.search.AkinConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** --threads reaches the embedder of the commands that write; the commands that only read do not take it. */
class BuildOptionsTest {
    private static final AkinConfig CONFIG = AkinConfig.at(Path.of("index"), Path.of("models"));

    @Test
    void serveRunsAsManyOneThreadInferencesAtOnceAsThreadsGiven() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--threads", "3");
        assertThat(serve.build.serving(CONFIG).embed()).isEqualTo(new EmbedOptions(1, 3, 16));
    }

    @Test
    void indexRunsOneInferenceAtATimeOnTheThreadsGiven() {
        IndexCommand index = new IndexCommand();
        new CommandLine(index).parseArgs("papers.jsonl", "--threads", "3");
        assertThat(index.build.batch(CONFIG).embed())
                .isEqualTo(new EmbedOptions(3, 1, EmbedOptions.defaults().batchSize()));
    }

    @Test
    void queryCommandsRefuseBuildOptionsAsUnknown() {
        for (String option : new String[] {"--threads", "--format", "--hnsw-m", "--beam-width"}) {
            StringWriter err = new StringWriter();
            int exit = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "search",
                    "some text", option, "2");
            assertThat(exit).as(option).isEqualTo(2);
            assertThat(err.toString()).as(option).contains("Unknown option").contains(option);
        }
    }
}
