package org.dailypapers.paper;

/** A link from a paper to its code, project page or Hugging Face artefacts. */
public record PaperLink(Kind kind, String url) {

    public enum Kind {
        /** A source repository: GitHub, GitLab, Bitbucket, Codeberg, Hugging Face Spaces. */
        CODE,
        /** A project or demo page. */
        PROJECT,
        /** A model or data set on the Hugging Face Hub. */
        HUGGINGFACE
    }
}
