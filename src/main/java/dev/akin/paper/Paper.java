package dev.akin.paper;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One paper's metadata as read from an input. Optional parts are null (or empty lists) when the source lacks them.
 *
 * @param id stable identifier: the source's id, or the normalized title when the source has none
 * @param title the title, possibly empty when only an abstract is known
 * @param abstractText the abstract, possibly empty when only a title is known
 * @param authors author names, empty when unknown
 * @param authorCount number of authors when known (listings give a count but no names), else null
 * @param date publication date when the source gives a full date, else null
 * @param year publication year, else null
 * @param categories subject categories (e.g. arXiv's cs.CL), empty when unknown
 * @param source the file (and line) the paper was read from
 */
public record Paper(String id, String title, @JsonProperty("abstract") String abstractText, List<String> authors, Integer authorCount,
                    LocalDate date, Integer year, List<String> categories, String source) {

    /**
     * Checks that the id is not blank and that there is a title or an abstract; strips the texts, copies the lists,
     * and derives the author count and year where the source left them out.
     */
    public Paper {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("paper id must not be blank (title: '" + title + "')");
        }
        title = title == null ? "" : title.strip();
        abstractText = abstractText == null ? "" : abstractText.strip();
        if (title.isEmpty() && abstractText.isEmpty()) {
            throw new IllegalArgumentException("paper '" + id + "' has neither title nor abstract");
        }
        authors = authors == null ? List.of() : List.copyOf(authors);
        categories = categories == null ? List.of() : List.copyOf(categories);
        if (authorCount == null && !authors.isEmpty()) {
            authorCount = authors.size();
        }
        if (year == null && date != null) {
            year = date.getYear();
        }
        source = source == null ? "" : source;
    }

    /** The text a model embeds for this paper: the title and the abstract as one passage. */
    public String embeddingText() {
        if (title.isEmpty()) {
            return abstractText;
        }
        if (abstractText.isEmpty()) {
            return title;
        }
        boolean endsSentence = ".?!".indexOf(title.charAt(title.length() - 1)) >= 0;
        return endsSentence ? title + " " + abstractText : title + ". " + abstractText;
    }

    /**
     * Combines two sightings of the same paper (e.g. the same listing in two layouts): this one's values win and
     * the other only fills what this one lacks.
     */
    public Paper mergedWith(Paper other) {
        return new Paper(id,
                title.isEmpty() ? other.title : title,
                abstractText.isEmpty() ? other.abstractText : abstractText,
                authors.isEmpty() ? other.authors : authors,
                authorCount != null ? authorCount : other.authorCount,
                date != null ? date : other.date,
                year != null ? year : other.year,
                categories.isEmpty() ? other.categories : categories,
                source);
    }
}
