package org.signon.signers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderClassifierTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Organization                                            | ORGANIZATION
            organisation                                            | ORGANIZATION
            ORG                                                     | ORGANIZATION
            Organization name                                       | ORGANIZATION
            Organisation Name                                       | ORGANIZATION
            Name of organization                                    | ORGANIZATION
            Name                                                    | ORGANIZATION
            What is your organization's name?                       | ORGANIZATION
            Organization (as it should appear on the letter)        | ORGANIZATION
            Organization name (as it should appear on the sign-on letter) | ORGANIZATION
            City                                                    | CITY
            Town                                                    | CITY
            City/Town                                               | CITY
            State                                                   | STATE
            Region                                                  | STATE
            Province                                                | STATE
            State / Province                                        | STATE
            Country                                                 | COUNTRY
            Country/Region                                          | COUNTRY
            Category                                                | CATEGORY
            Type                                                    | CATEGORY
            Type of organization                                    | CATEGORY
            Type of Organisation                                    | CATEGORY
            Group                                                   | CATEGORY
            Organization type                                       | CATEGORY
            Confirmed                                               | CONFIRMED
            Consent                                                 | CONFIRMED
            I confirm that my organization signs on to this letter  | CONFIRMED
            I confirm that my organisation signs on to this letter  | CONFIRMED
            Yes, I agree to add my organization's name to this letter | CONFIRMED
            Does your organization wish to sign on?                 | CONFIRMED
            Can we add your organization's name to the letter?      | CONFIRMED
            My organization endorses this letter                    | CONFIRMED
            Sign on?                                                | CONFIRMED
            Email                                                   | EMAIL
            Email Address                                           | EMAIL
            E-mail                                                  | EMAIL
            Contact email                                           | EMAIL
            Signed                                                  | SIGNED
            Timestamp                                               | SIGNED
            Date                                                    | SIGNED
            Submission Date                                         | SIGNED
            """)
    void recognizesCommonHeaders(String header, SignerField field) {
        assertThat(HeaderClassifier.classify(header)).isEqualTo(field);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Contact name",
        "Your name",
        "First name",
        "Comments",
        "Organization website",
        "Organization contact name",
        "I agree to receive email updates",
        "I consent to the processing of my data",
        "Email opt-in",
        "Do you have any comments?",
        ""
    })
    void leavesOtherHeadersAlone(String header) {
        assertThat(HeaderClassifier.classify(header)).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Name                                        | ORGANIZATION
            Full name                                   | ORGANIZATION
            Your name                                   | ORGANIZATION
            What is your full name?                     | ORGANIZATION
            Name (as it should appear on the letter)    | ORGANIZATION
            Signatory                                   | ORGANIZATION
            Organization                                | -
            Organization name                           | -
            Contact name                                | -
            First name                                  | -
            last_name                                   | -
            Surname                                     | -
            Email Address                               | EMAIL
            City                                        | CITY
            Type of organization                        | CATEGORY
            I agree to sign this letter                 | CONFIRMED
            """)
    void inAListOfPeopleTheNameIsThePersonsAndAnOrganizationIsAnAffiliation(String header, SignerField field) {
        assertThat(HeaderClassifier.classifyPerson(header)).isEqualTo(field);
    }
}
