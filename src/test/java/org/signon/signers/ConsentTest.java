package org.signon.signers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.signon.signers.SignerReport.LeftOut;
import org.signon.signers.SignerReport.Reason;
import org.signon.signers.SignerReport.UnusualConsent;

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

    @ParameterizedTest
    @ValueSource(strings = {"Declined", "Withdrawn", "Withdrew 5/20", "Refused", "Never", "Nah",
        "Don't list us", "Dont sign", "Do not sign", "Does not wish to sign", "Cannot sign", "Can't sign this one",
        "Won't sign", "Unsubscribe", "Opt out", "Opted out", "Remove us"})
    void refusalsInOtherWordsAreRefusals(String answer) {
        Path csv = Csv.write(dir, Csv.lines("Organization,Consent", "Alpha Network,Yes", "Beta Project,\"" + answer + "\""));

        SignerSheet sheet = Csv.load(csv);

        assertThat(Csv.names(sheet)).as("listing them would claim an endorsement").containsExactly("Alpha Network");
        assertThat(sheet.report().leftOut()).containsExactly(new LeftOut(3, Reason.NO_CONSENT, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"❌", "✗", "✘", "☐", "☒", "👎", "+", "*"})
    void aMarkThatIsNotATickIsNotAClearYes(String mark) {
        Path csv = Csv.write(dir, Csv.lines("Organization,Consent", "Alpha Network,✔", "Beta Project," + mark));

        SignerSheet sheet = Csv.load(csv);

        assertThat(Csv.names(sheet)).containsExactly("Alpha Network");
        assertThat(sheet.report().leftOut()).containsExactly(new LeftOut(3, Reason.UNCLEAR_CONSENT, false, mark));
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

    @ParameterizedTest
    @ValueSource(strings = {"None", "none", "NULL", "NaN", "N/A", "n/a", "NA", "#N/A", "-", "--", "?", "—", " - "})
    void placeholdersCountAsEmpty(String placeholder) {
        Path csv = Csv.write(dir, Csv.lines("Organization,Consent", "Alpha Network,\"" + placeholder + "\""));

        SignerSheet sheet = Csv.load(csv);

        assertThat(Csv.names(sheet)).isEmpty();
        assertThat(sheet.report().leftOut()).containsExactly(new LeftOut(2, Reason.NO_CONSENT, false));
        assertThat(sheet.report().unusualConsent()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Maybe", "maybe later", "Perhaps", "Pending", "Pending board approval", "TBD", "tbc",
        "Unsure", "Undecided", "Later", "Not sure", "not sure yet", "Need board approval", "Needs approval from our ED",
        "Awaiting sign-off", "To be confirmed", "To be determined by the board", "Waiting for our board", "On hold"})
    void hesitationsAreLeftOutWithTheirAnswer(String answer) {
        Path csv = Csv.write(dir, Csv.lines("Organization,Consent", "Alpha Network,Yes", "Beta Project,\"" + answer + "\""));

        SignerSheet sheet = Csv.load(csv);

        assertThat(Csv.names(sheet)).containsExactly("Alpha Network");
        assertThat(sheet.report().leftOut()).containsExactly(new LeftOut(3, Reason.UNCLEAR_CONSENT, false, answer.strip()));
        assertThat(sheet.report().hasErrors()).isFalse();
    }

    @Test
    void aHesitationWithoutAnOrganizationIsOnlyUnclearConsent() {
        Path csv = Csv.write(dir, Csv.lines("Organization,Consent", ",Maybe"));

        assertThat(Csv.load(csv).report().leftOut()).containsExactly(new LeftOut(2, Reason.UNCLEAR_CONSENT, false, "Maybe"));
    }

    @Test
    void unusualYesAnswersAreCountedOncePerAnswerAtTheirFirstLine() {
        Path csv = Csv.write(dir, Csv.lines(
                "Organization,Consent",
                "Alpha Network,Yes",
                "Beta Project,Board to confirm",
                "Gamma Fund,yes",
                "Delta Center,Board to confirm",
                "Epsilon Union,Yes we sign (pending board vote)",
                "Zeta Alliance,Board to confirm"));

        SignerSheet sheet = Csv.load(csv);

        assertThat(Csv.names(sheet)).hasSize(6);
        assertThat(sheet.report().unusualConsent()).containsExactly(
                new UnusualConsent(3, "Board to confirm", 3),
                new UnusualConsent(6, "Yes we sign (pending board vote)", 1));
    }

    @Test
    void plainYesAnswersAreNotPointedOut() {
        Path csv = Csv.write(dir, Csv.lines(
                "Organization,Consent",
                "A1,Yes", "A2,y", "A3,TRUE", "A4,1", "A5,x", "A6,X", "A7,✓", "A8,✔️", "A9,OK", "A10,I agree",
                "A11,Agreed", "A12,Yes!", "A13,Sí", "A14,☑", "A15,confirmed"));

        SignerSheet sheet = Csv.load(csv);

        assertThat(Csv.names(sheet)).hasSize(15);
        assertThat(sheet.report().unusualConsent()).isEmpty();
    }

    @Test
    void theCheckboxLabelOfAColumnWithoutPlainYesesIsNotPointedOut() {
        String label = "I confirm that my organization signs on to this letter";
        Path csv = Csv.write(dir, Csv.lines(
                "Organization,Sign on?",
                "Alpha Network," + label,
                "Beta Project," + label,
                "Gamma Fund,",
                "Delta Center,Board to confirm",
                "Epsilon Union," + label));

        SignerSheet sheet = Csv.load(csv, java.util.Map.of(SignerField.CONFIRMED, "Sign on?"));

        assertThat(Csv.names(sheet)).containsExactly("Alpha Network", "Beta Project", "Delta Center", "Epsilon Union");
        assertThat(sheet.report().unusualConsent()).containsExactly(new UnusualConsent(5, "Board to confirm", 1));
    }

    @Test
    void anAnswerThatRepeatsTheHeaderIsTheLabelHoweverFewGiveIt() {
        String question = "I confirm that my organization signs on to this letter";
        Path csv = Csv.write(dir, Csv.lines(
                "Organization," + question,
                "Alpha Network,Yes",
                "Beta Project,i confirm that my organization signs on to this letter ",
                "Gamma Fund,Board to confirm"));

        SignerSheet sheet = Csv.load(csv);

        assertThat(Csv.names(sheet)).containsExactly("Alpha Network", "Beta Project", "Gamma Fund");
        assertThat(sheet.report().unusualConsent()).containsExactly(new UnusualConsent(4, "Board to confirm", 1));
    }

    @Test
    void withPlainYesesOrATieNoAnswerIsTakenForTheLabel() {
        Path mixed = Csv.write(dir, Csv.lines(
                "Organization,Consent", "A,Board to confirm", "B,Board to confirm", "C,Yes"));
        assertThat(Csv.load(mixed).report().unusualConsent()).containsExactly(new UnusualConsent(2, "Board to confirm", 2));

        Path tie = Csv.write(dir, Csv.lines("Organization,Consent", "A,I confirm we sign", "B,Board to confirm"));
        assertThat(Csv.load(tie).report().unusualConsent()).extracting(UnusualConsent::consent)
                .containsExactly("I confirm we sign", "Board to confirm");
    }

    @Test
    void onlyAnAnswerMostYesRowsGiveIsTakenForTheLabel() {
        Path csv = Csv.write(dir, Csv.lines("Organization,Consent",
                "A,I confirm we sign", "B,Board to confirm", "C,Board to confirm", "D,Pending", "E,Will ask the board"));

        assertThat(Csv.load(csv).report().unusualConsent()).extracting(UnusualConsent::consent)
                .containsExactly("I confirm we sign", "Board to confirm", "Will ask the board");
    }

    @Test
    void anAnswerTypedTwiceBesideTheLabelOnceIsNotTakenForTheLabel() {
        // The case the majority rule was meant for: two of three rows is a majority, yet these
        // two organizations have not consented, and the label is the answer that needs no look.
        Path csv = Csv.write(dir, Csv.lines("Organization,Consent",
                "A,I confirm we sign", "B,Board to confirm", "C,Board to confirm"));

        assertThat(Csv.load(csv).report().unusualConsent()).extracting(UnusualConsent::consent)
                .containsExactly("I confirm we sign", "Board to confirm");
    }

    @Test
    void aListTooShortToTellHasNoLabelSoItsOnlyAnswerIsPointedOut() {
        Path csv = Csv.write(dir, Csv.lines("Organization,Consent", "A,Board to confirm", "B,Board to confirm"));

        assertThat(Csv.load(csv).report().unusualConsent()).containsExactly(new UnusualConsent(2, "Board to confirm", 2));
    }

    @Test
    void onlyListedSignersCountTowardAnUnusualAnswer() {
        Path csv = Csv.write(dir, Csv.lines("Organization,Consent",
                "Alpha Network,Board to confirm", "The Alpha Network,Board to confirm", ",Board to confirm", "Beta Project,Yes"));

        assertThat(Csv.load(csv).report().unusualConsent()).containsExactly(new UnusualConsent(2, "Board to confirm", 1));
    }

    @Test
    void withoutAConsentColumnNothingIsPointedOut() {
        Path csv = Csv.write(dir, Csv.lines("Organization,Comments", "Alpha Network,Board to confirm"));

        assertThat(Csv.load(csv).report().unusualConsent()).isEqualTo(List.of());
    }
}
