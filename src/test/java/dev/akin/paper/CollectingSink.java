package dev.akin.paper;

import java.util.ArrayList;
import java.util.List;

/** A sink that keeps everything, for tests. */
public final class CollectingSink implements PaperSink {
    public final List<Paper> papers = new ArrayList<>();
    public final List<Skipped> skipped = new ArrayList<>();

    @Override
    public void accept(Paper paper) {
        papers.add(paper);
    }

    @Override
    public void skip(Skipped skip) {
        skipped.add(skip);
    }
}
