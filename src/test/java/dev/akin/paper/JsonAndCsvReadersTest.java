package dev.akin.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonAndCsvReadersTest {
    private final CollectingSink sink = new CollectingSink();
    private final List<Paper> papers = sink.papers;
    private final List<Skipped> skipped = sink.skipped;

    private void read(PaperReader reader, String text) {
        reader.read(
                new Lines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "f"), sink);
    }

    @Test
    void readsArxivBeirAndCsfcubeRecords() {
        read(new JsonLinesReader(), """
                {"id": "2503.1", "title": "T1", "abstract": "Line one\\nline two", "authors": ["A B", "C D"], \
                "categories": ["cs.CL", "cs.AI"], "date": "2025-03-14"}
                {"_id": "4983", "title": "T2", "text": "Beir text.", "metadata": {}}
                {"paper_id": "388", "year": "2004", "title": "T3", "abstract": ["S one.", "S two."]}
                {"paper_id": "389", "year": "None", "title": "T5", "abstract": "Python wrote None for a missing year."}
                {"id": "x", "title": "T4", "abstract": "a", "authors": "A B, C D and E F", "categories": "math.AP cs.LG", \
                "update_date": "2008-11-13"}
                """);
        assertThat(skipped).isEmpty();
        assertThat(papers).extracting(Paper::id).containsExactly("2503.1", "4983", "388", "389", "x");
        assertThat(papers.get(3).year()).isNull();
        Paper arxiv = papers.get(0);
        assertThat(arxiv.abstractText()).isEqualTo("Line one line two");
        assertThat(arxiv.authors()).containsExactly("A B", "C D");
        assertThat(arxiv.categories()).containsExactly("cs.CL", "cs.AI");
        assertThat(arxiv.year()).isEqualTo(2025);
        assertThat(papers.get(1).abstractText()).isEqualTo("Beir text.");
        assertThat(papers.get(2).abstractText()).isEqualTo("S one. S two.");
        assertThat(papers.get(2).year()).isEqualTo(2004);
        assertThat(papers.get(4).authors()).containsExactly("A B", "C D", "E F");
        assertThat(papers.get(4).date()).isEqualTo(LocalDate.of(2008, 11, 13));
    }

    @Test
    void skipsMalformedAndEmptyRecordsNamingTheLine() {
        read(new JsonLinesReader(), """
                {"id": "1", "title": "Fine", "abstract": "ok"}
                {"id": "2", "title": broken
                [1, 2]
                {"id": "3"}
                {"id": "4", "title": "Bad date", "date": "yesterday"}

                {"id": "5", "title": "Also fine"}
                """);
        assertThat(papers).extracting(Paper::id).containsExactly("1", "5");
        assertThat(skipped).extracting(Skipped::location).containsExactly("f:2", "f:3", "f:4", "f:5");
        assertThat(skipped.get(0).reason()).startsWith("malformed JSON");
        assertThat(skipped.get(1).reason()).contains("expected a JSON object");
        assertThat(skipped.get(2).reason()).contains("neither title nor abstract");
        assertThat(skipped.get(3).reason()).contains("'date'").contains("yesterday");
    }

    @Test
    void skipsALineOfTwoGluedObjectsAsMalformedInsteadOfKeepingOnlyTheFirst() {
        read(new JsonLinesReader(), """
                {"id": "a", "title": "First"}{"id": "b", "title": "Glued on"}
                {"id": "c", "title": "Next line"}
                """);
        assertThat(papers).extracting(Paper::id).containsExactly("c");
        assertThat(skipped).singleElement().satisfies(s -> {
            assertThat(s.location()).isEqualTo("f:1");
            assertThat(s.reason()).startsWith("malformed JSON").containsIgnoringCase("trailing token");
        });
    }

    @Test
    void readsCsvWithQuotedMultilineFields() {
        read(new CsvReader(), """
                id,title,abstract,year,categories
                p1,"A, quoted title","An abstract
                over two lines",2021,cs.CL
                p2,Plain,Text,,
                p3,,,2020,
                """);
        assertThat(papers).extracting(Paper::id).containsExactly("p1", "p2");
        assertThat(papers.get(0).title()).isEqualTo("A, quoted title");
        assertThat(papers.get(0).abstractText()).isEqualTo("An abstract over two lines");
        assertThat(papers.get(0).year()).isEqualTo(2021);
        assertThat(skipped).singleElement().satisfies(s -> {
            assertThat(s.location()).isEqualTo("f:5");
            assertThat(s.reason()).contains("neither title nor abstract");
        });
    }

    @Test
    void skipsAMalformedCsvRowNamingItsLineAndKeepsTheRowsAfterIt() {
        read(new CsvReader(), """
                id,title,abstract
                p1,First,A
                p2,Too many,B,extra,columns
                p3,"Quoted"junk,"twice"junk,C
                p4,Fourth,D
                p5,Fifth,E
                """);
        assertThat(papers).extracting(Paper::id).containsExactly("p1", "p4", "p5");
        assertThat(skipped).extracting(Skipped::location).containsExactly("f:3", "f:4");
        assertThat(skipped).allSatisfy(s -> assertThat(s.reason()).startsWith("malformed CSV row"));
        assertThat(skipped.get(0).reason()).contains("Too many entries");
    }

    @Test
    void readsCsvWhoseHeaderIsCapitalised() {
        read(new CsvReader(), """
                ID,Title,Summary,Year
                p1,A title,An abstract,2021
                """);
        assertThat(skipped).isEmpty();
        assertThat(papers).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("p1");
            assertThat(p.title()).isEqualTo("A title");
            assertThat(p.abstractText()).isEqualTo("An abstract");
            assertThat(p.year()).isEqualTo(2021);
        });
    }

    @Test
    void rejectsCsvWhoseHeaderNamesNoTextColumn() {
        assertThatThrownBy(() -> read(new CsvReader(), "a,b\n1,2\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("f:1").hasMessageContaining("header");
    }
}
