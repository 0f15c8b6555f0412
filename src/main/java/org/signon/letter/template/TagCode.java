package org.signon.letter.template;

/** A compiled template tag that names data, with what a strictness check needs to know. */
interface TagCode {

    /** The name inside the tag: {@code organization}, {@code recipient.name}, {@code .}. */
    String name();

    /** The tag as the user wrote it, for messages: {@code {{#groups}}}. */
    String spelling();

    /** The 1-based line in the template text. */
    int templateLine();
}
