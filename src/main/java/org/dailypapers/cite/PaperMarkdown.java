package org.dailypapers.cite;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.dailypapers.paper.DailyEntry;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperLink;
import org.jspecify.annotations.Nullable;

/**
 * A paper page as Markdown, for LLM agents and text tools, as Hugging Face serves its paper pages: title, authors,
 * links, dates, abstract (in paragraphs), code and project links, then the discussion with the number of comments on
 * Hugging Face and this instance's own thread.
 */
public final class PaperMarkdown {

    /** The discussion of a paper: comments imported as a count from Hugging Face, and the thread kept here. */
    public record Discussion(int huggingFaceComments, String huggingFaceUrl, List<Comment> comments) {
        public Discussion {
            comments = List.copyOf(comments);
        }
    }

    /** A comment of the thread here, in its Markdown source, with its replies. */
    public record Comment(String author, Instant createdAt, String markdown, List<Comment> replies) {
        public Comment {
            replies = List.copyOf(replies);
        }
    }

    private PaperMarkdown() {}

    /** @param pageUrl the paper's page on this instance (absolute) */
    public static String write(Paper p, @Nullable DailyEntry e, String pageUrl, Discussion discussion) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(oneLine(p.title())).append("\n\n");
        if (!p.authors().isEmpty()) {
            md.append("**Authors:** ")
                    .append(escape(String.join(", ", p.authors())))
                    .append("\n\n");
        }
        md.append("- arXiv: [")
                .append(p.id().id())
                .append("](")
                .append(p.absUrl())
                .append(")\n");
        md.append("- PDF: ").append(p.pdfUrl()).append('\n');
        md.append("- Page: ").append(pageUrl).append('\n');
        md.append("- BibTeX: ").append(pageUrl).append(".bib\n");
        if (p.publishedAt() != null) {
            md.append("- Published: ").append(day(p.publishedAt())).append('\n');
        }
        if (p.updatedAt() != null && !day(p.updatedAt()).equals(p.publishedAt() == null ? "" : day(p.publishedAt()))) {
            md.append("- Updated: ")
                    .append(day(p.updatedAt()))
                    .append(p.version() > 0 ? " (v" + p.version() + ")" : "")
                    .append('\n');
        }
        if (e != null) {
            md.append("- On Daily Papers: ").append(e.day());
            if (e.submittedBy() != null) {
                md.append(", submitted by ").append(escape(e.submittedBy().name()));
            }
            md.append('\n');
        }
        if (!p.categories().isEmpty()) {
            md.append("- Categories: ")
                    .append(String.join(", ", p.categories()))
                    .append('\n');
        }
        md.append("- Upvotes: ").append(p.upvotes()).append('\n');
        if (p.githubStars() != null) {
            md.append("- GitHub stars: ").append(p.githubStars()).append('\n');
        }
        if (p.doi() != null) {
            md.append("- DOI: ").append(p.doi()).append('\n');
        }
        if (p.journalRef() != null) {
            md.append("- Journal: ").append(escape(oneLine(p.journalRef()))).append('\n');
        }
        if (p.comments() != null) {
            md.append("- arXiv comments: ")
                    .append(escape(oneLine(p.comments())))
                    .append('\n');
        }
        md.append("\n## Abstract\n\n");
        for (String paragraph : Abstracts.paragraphs(p.abstractText())) {
            md.append(paragraph).append("\n\n");
        }
        if (!p.links().isEmpty()) {
            md.append("## Code and links\n\n");
            for (PaperLink l : p.links()) {
                String label =
                        switch (l.kind()) {
                            case CODE -> "Code";
                            case PROJECT -> "Project page";
                            case HUGGINGFACE -> "Hugging Face";
                        };
                md.append("- ").append(label).append(": ").append(l.url()).append('\n');
            }
            md.append('\n');
        }
        md.append("## Discussion\n\n");
        int hf = discussion.huggingFaceComments();
        if (hf > 0) {
            md.append(hf)
                    .append(hf == 1 ? " comment" : " comments")
                    .append(" on Hugging Face: ")
                    .append(discussion.huggingFaceUrl())
                    .append("\n\n");
        }
        if (discussion.comments().isEmpty()) {
            md.append("No comments here yet.\n");
        } else {
            for (Comment c : discussion.comments()) {
                comment(md, c, "###");
                for (Comment r : c.replies()) {
                    comment(md, r, "####");
                }
            }
        }
        return md.toString();
    }

    private static void comment(StringBuilder md, Comment c, String heading) {
        md.append(heading)
                .append(' ')
                .append(escape(c.author()))
                .append(", ")
                .append(day(c.createdAt()))
                .append("\n\n");
        md.append(c.markdown().strip()).append("\n\n");
    }

    private static String day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    /** Names and notes are text: characters that would start emphasis or links are escaped. */
    private static String escape(String s) {
        return s.replaceAll("([\\\\`*_\\[\\]<>])", "\\\\$1");
    }
}
