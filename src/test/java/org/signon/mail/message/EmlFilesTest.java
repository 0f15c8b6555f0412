package org.signon.mail.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.signon.mail.MailFixtures;

class EmlFilesTest {

    /** The file name rule as first written, with regular expressions. */
    private static String slugByRegex(String address) {
        String slug = address.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.length() > 60 ? slug.substring(0, 60) : slug;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "jane.doe@example.com",
        "Jane.Doe+Letters@Example.COM",
        "--odd--@example.org.",
        "jürgen.müller@example.net",
        "\"quoted name\"@example.com",
        "x@example.com",
        "a-very-long-local-part-that-goes-on-and-on-and-on.and.on@sub.domain.example.org",
        "a-very-long-local-part-that-goes-on-and-on-and-on-and-on-a.@example.org",
        "@@@",
    })
    void slugsFollowTheRuleOfLowerCaseLettersDigitsAndSingleHyphens(String address) {
        assertThat(EmlFiles.slug(address)).isEqualTo(slugByRegex(address));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 999, 1000, 123_456})
    void numbersArePaddedToThreeDigitsOrTheBatchSize(int position) {
        OutgoingMessage message = MailFixtures.message(position, "jane@example.com", "S", "text");

        assertThat(List.of(new EmlFiles(null, null, 12).fileName(message), new EmlFiles(null, null, 10_000).fileName(message)))
                .containsExactly(String.format(Locale.ROOT, "%03d-jane-example-com.eml", position),
                        String.format(Locale.ROOT, "%05d-jane-example-com.eml", position));
    }
}
