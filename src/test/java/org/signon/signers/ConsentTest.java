package org.signon.signers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.signon.signers.SignerReport.LeftOut;
import org.signon.signers.SignerReport.Reason;

class ConsentTest {

    @TempDir
    Path dir;

    @Test
    void refusalsAndEmptyConsentAreLeftOutWithoutError() {
        Path csv = Csv.write(dir, Csv.lines(
                "Organization,Confirmed",
                "Alpha Network,no",
                "Beta Project,FALSE",
                "Gamma Fund,0",
                "Delta Center,N",
                "Epsilon Union,",
                "Zeta Alliance,Yes"));

        SignerSheet sheet = Csv.load(csv);

        assertThat(Csv.names(sheet)).containsExactly("Zeta Alliance");
        assertThat(sheet.report().rowsRead()).isEqualTo(6);
        assertThat(sheet.report().leftOut()).containsExactly(
                new LeftOut(2, Reason.NO_CONSENT, false),
                new LeftOut(3, Reason.NO_CONSENT, false),
                new LeftOut(4, Reason.NO_CONSENT, false),
                new LeftOut(5, Reason.NO_CONSENT, false),
                new LeftOut(6, Reason.NO_CONSENT, false));
        assertThat(sheet.report().hasErrors()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "Yes", "TRUE", "1", "y", "x", "X", "I confirm", "✓",
        "I confirm that my organization signs on to this letter"})
    void anyOtherAnswerIsConsent(String answer) {
        Path csv = Csv.write(dir, Csv.lines("Organization,Consent", "Alpha Network,\"" + answer + "\""));

        assertThat(Csv.names(Csv.load(csv))).containsExactly("Alpha Network");
    }

    @ParameterizedTest
    @ValueSource(strings = {"No.", "No, thanks", "no - not this time", "Not yet", "  n  ", "nope"})
    void answersStartingWithNoAreRefusals(String answer) {
        Path csv = Csv.write(dir, Csv.lines("Organization,Consent", "Alpha Network,\"" + answer + "\""));

        assertThat(Csv.names(Csv.load(csv))).isEmpty();
    }

    @Test
    void withoutAConsentColumnEveryoneConsents() {
        Path csv = Csv.write(dir, Csv.lines("Organization,Comments", "Alpha Network,no", "Beta Project,"));

        SignerSheet sheet = Csv.load(csv);

        assertThat(Csv.names(sheet)).containsExactly("Alpha Network", "Beta Project");
        assertThat(sheet.report().leftOut()).isEmpty();
    }

    @Test
    void consentingRowWithoutOrganizationIsAnError() {
        Path csv = Csv.write(dir, Csv.lines(
                "Organization,Contact name,Consent",
                "Alpha Network,Ana,Yes",
                ",Sam,Yes",
                "\" - \",Kim,Yes"));

        SignerSheet sheet = Csv.load(csv);

        assertThat(Csv.names(sheet)).containsExactly("Alpha Network");
        assertThat(sheet.report().leftOut()).containsExactly(
                new LeftOut(3, Reason.NO_ORGANIZATION, true),
                new LeftOut(4, Reason.NO_ORGANIZATION, true));
        assertThat(sheet.report().hasErrors()).isTrue();
    }

    @Test
    void nonConsentingRowWithoutOrganizationIsOnlyNoConsent() {
        Path csv = Csv.write(dir, Csv.lines(
                "Organization,Contact name,Consent",
                ",Sam,",
                ",Kim,No"));

        SignerSheet sheet = Csv.load(csv);

        assertThat(sheet.report().leftOut()).containsExactly(
                new LeftOut(2, Reason.NO_CONSENT, false),
                new LeftOut(3, Reason.NO_CONSENT, false));
        assertThat(sheet.report().hasErrors()).isFalse();
    }

    @Test
    void withoutConsentColumnARowWithoutOrganizationIsAnError() {
        Path csv = Csv.write(dir, Csv.lines("Organization,City", ",Oakland"));

        SignerSheet sheet = Csv.load(csv);

        assertThat(sheet.report().leftOut()).containsExactly(new LeftOut(2, Reason.NO_ORGANIZATION, true));
    }
}
