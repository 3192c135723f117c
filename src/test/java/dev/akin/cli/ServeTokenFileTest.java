package dev.akin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A token file that cannot give a token stops serve before it opens anything, with an error naming the file. */
class ServeTokenFileTest {
    @TempDir
    Path dir;

    private String refused(Path tokenFile) {
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "serve",
                "--port", "0", "--index", dir.resolve("index").toString(), "--token-file", tokenFile.toString());
        assertThat(exit).as(err.toString()).isEqualTo(ErrorHandler.USER_ERROR);
        assertThat(err.toString()).doesNotContain("internal error").contains(tokenFile.toString());
        assertThat(dir.resolve("index")).doesNotExist();
        return err.toString();
    }

    @Test
    void aMissingTokenFileIsAUserErrorNamingIt() {
        assertThat(refused(dir.resolve("no-such-token"))).contains("no such file");
    }

    @Test
    void aBlankTokenFileIsRefusedInsteadOfServingReadOnly() throws IOException {
        Path blank = Files.writeString(dir.resolve("token"), " \n");
        assertThat(refused(blank)).contains("holds no token");
    }
}
