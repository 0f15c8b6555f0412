package org.signon.signers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Guesses which signer field a CSV header names, the way form tools write them: "Organization
 * name", "Organisation", "Type of organization", "Email Address", "Timestamp", and consent
 * questions such as "I confirm that my organization signs on to this letter". Headers are
 * compared by their words, ignoring case, spacing and punctuation.
 *
 * <p>The order of the rules matters: a consent question or "Type of organization" mentions the
 * organization without naming it, and "Contact name" is a person, so neither is taken for the
 * organization.
 */
final class HeaderClassifier {

    /** Whole headers, as their letters and digits run together. */
    private static final Map<String, SignerField> EXACT = exactNames();

    private static final Set<String> ORGANIZATION_WORDS = Set.of(
            "organization", "organisation", "organizations", "organisations", "org", "orgs");

    /** With an organization word, these make a header the organization's name. */
    private static final Set<String> NAME_WORDS = Set.of(
            "name", "names", "appear", "appears", "listed", "spelled", "spelt");

    /** An "Organization ..." header with one of these is about something else. */
    private static final Set<String> NOT_THE_NAME = Set.of(
            "contact", "person", "website", "web", "url", "site", "address", "phone",
            "city", "town", "state", "country", "logo", "twitter", "social", "description",
            "mission", "size", "budget", "staff", "members", "title", "role");

    /** An "Email ..." header with one of these asks about a mailing list, not for an address. */
    private static final Set<String> NOT_AN_ADDRESS = Set.of(
            "opt", "optin", "subscribe", "subscribed", "subscription", "update", "updates",
            "newsletter", "newsletters", "news", "marketing", "list", "lists");

    private static final Set<String> CATEGORY_WORDS = Set.of("type", "category", "sector", "kind");

    private static final Set<String> CONSENT_VERBS = Set.of(
            "confirm", "confirms", "confirmed", "confirming", "confirmation",
            "consent", "consents", "consented", "consenting",
            "agree", "agrees", "agreed", "authorize", "authorise", "authorizes", "authorises",
            "authorized", "authorised", "endorse", "endorses", "endorsed", "endorsing",
            "approve", "approves", "approved", "permission");

    /** Consent to newsletters, contact or data processing is not consent to sign. */
    private static final Set<String> OTHER_CONSENT_WORDS = Set.of(
            "newsletter", "newsletters", "update", "updates", "subscribe", "subscribed",
            "subscription", "mailing", "marketing", "email", "emails", "mail", "sms", "text",
            "phone", "contacted", "future", "privacy", "policy", "terms", "data", "gdpr",
            "processing", "cookies", "news");

    /** Words that tie a consent question to this letter, overriding the ones above. */
    private static final Set<String> SIGNING_WORDS = Set.of(
            "sign", "signs", "signing", "signon", "signature", "signatory", "letter");

    /** A header starting with one of these is a yes/no question. */
    private static final Set<String> QUESTION_STARTS = Set.of(
            "can", "may", "do", "does", "would", "will", "should", "shall", "is", "are");

    /** In a yes/no question, these ask whether to list the organization. */
    private static final Set<String> LISTING_WORDS = Set.of(
            "sign", "signs", "signing", "signon", "add", "list", "listed", "include", "included",
            "join", "joins", "signatory", "endorse", "support");

    /** Whole headers that name a signing person, as their words run together. */
    private static final Set<String> PERSON_NAMES = Set.of(
            "name", "names", "fullname", "yourname", "yourfullname", "signer", "signername", "signersname",
            "signatory", "signatoryname", "signatorysname", "nameofsigner", "nameofsignatory");

    /** With "name", these make a header the person's name: "Name as it should appear". */
    private static final Set<String> PERSON_NAME_WORDS = Set.of(
            "full", "your", "signer", "signatory", "appear", "appears", "listed", "spelled", "spelt");

    /** A "... name" header with one of these names someone or something else. */
    private static final Set<String> NOT_THE_PERSON = Set.of(
            "organization", "organisation", "organizations", "organisations", "org", "orgs", "contact",
            "company", "employer", "institution", "affiliation", "group", "user", "username", "file",
            "first", "last", "given", "family", "middle", "preferred", "nick", "nickname");

    /** Headers of a name split in parts, as their words run together. */
    private static final Set<String> NAME_PARTS = Set.of(
            "firstname", "first", "givenname", "forename", "yourfirstname",
            "lastname", "last", "surname", "familyname", "yourlastname", "yoursurname");

    private HeaderClassifier() {
    }

    /**
     * The field this header names in a list of people, or null when it names none. The
     * signer's own name ("Name", "Full name", "Your name") is the organization field, the one
     * every letter lists; an "Organization" column is then the person's affiliation, which
     * reaches templates by its header like any other column.
     */
    static SignerField classifyPerson(String header) {
        SignerField field = classify(header);
        if (field != null && field != SignerField.ORGANIZATION) {
            return field;
        }
        List<String> words = words(header);
        String joined = String.join("", words);
        if (NAME_PARTS.contains(joined)) {
            return null;
        }
        boolean named = PERSON_NAMES.contains(joined)
                || ((words.contains("name") || words.contains("names"))
                        && containsAny(words, PERSON_NAME_WORDS) && !containsAny(words, NOT_THE_PERSON));
        return named ? SignerField.ORGANIZATION : null;
    }

    /** Whether the header holds one part of a person's name: "First name", "Last name", "Surname". */
    static boolean isNamePart(String header) {
        return NAME_PARTS.contains(String.join("", words(header)));
    }

    /** The field this header names, or null when it names none. */
    static SignerField classify(String header) {
        List<String> words = words(header);
        String joined = String.join("", words);
        SignerField exact = EXACT.get(joined);
        if (exact != null) {
            return exact;
        }
        boolean otherConsent = containsAny(words, OTHER_CONSENT_WORDS) && !containsAny(words, SIGNING_WORDS);
        if (containsAny(words, CONSENT_VERBS)) {
            return otherConsent ? null : SignerField.CONFIRMED;
        }
        if (joined.contains("email")) {
            return containsAny(words, NOT_AN_ADDRESS) ? null : SignerField.EMAIL;
        }
        if (containsAny(words, CATEGORY_WORDS)) {
            return SignerField.CATEGORY;
        }
        if (!words.isEmpty() && QUESTION_STARTS.contains(words.get(0))) {
            return containsAny(words, LISTING_WORDS) && !otherConsent ? SignerField.CONFIRMED : null;
        }
        if (containsAny(words, ORGANIZATION_WORDS) && containsAny(words, NAME_WORDS)
                && !containsAny(words, NOT_THE_NAME)) {
            return SignerField.ORGANIZATION;
        }
        if (signsOn(words) && !otherConsent) {
            return SignerField.CONFIRMED;
        }
        return null;
    }

    /** The header's words: lower case, apostrophes dropped ("organization's" is one word). */
    private static List<String> words(String header) {
        String lower = header.toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            } else if (!isApostrophe(c) && word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    /** "Sign us on", "My organization signs on to this letter". */
    private static boolean signsOn(List<String> words) {
        int sign = Math.max(words.indexOf("sign"), words.indexOf("signs"));
        return sign >= 0 && (words.subList(sign, words.size()).contains("on")
                || words.subList(sign, words.size()).contains("onto"));
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02BC';
    }

    private static boolean containsAny(List<String> words, Set<String> vocabulary) {
        for (String word : words) {
            if (vocabulary.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, SignerField> exactNames() {
        return Map.ofEntries(
                Map.entry("organization", SignerField.ORGANIZATION),
                Map.entry("organisation", SignerField.ORGANIZATION),
                Map.entry("org", SignerField.ORGANIZATION),
                Map.entry("orgname", SignerField.ORGANIZATION),
                Map.entry("organizationname", SignerField.ORGANIZATION),
                Map.entry("organisationname", SignerField.ORGANIZATION),
                Map.entry("nameoforganization", SignerField.ORGANIZATION),
                Map.entry("nameoforganisation", SignerField.ORGANIZATION),
                Map.entry("nameofyourorganization", SignerField.ORGANIZATION),
                Map.entry("nameofyourorganisation", SignerField.ORGANIZATION),
                Map.entry("yourorganization", SignerField.ORGANIZATION),
                Map.entry("yourorganisation", SignerField.ORGANIZATION),
                Map.entry("yourorganizationsname", SignerField.ORGANIZATION),
                Map.entry("yourorganisationsname", SignerField.ORGANIZATION),
                Map.entry("name", SignerField.ORGANIZATION),
                Map.entry("city", SignerField.CITY),
                Map.entry("town", SignerField.CITY),
                Map.entry("citytown", SignerField.CITY),
                Map.entry("cityortown", SignerField.CITY),
                Map.entry("towncity", SignerField.CITY),
                Map.entry("townorcity", SignerField.CITY),
                Map.entry("state", SignerField.STATE),
                Map.entry("region", SignerField.STATE),
                Map.entry("province", SignerField.STATE),
                Map.entry("stateprovince", SignerField.STATE),
                Map.entry("stateorprovince", SignerField.STATE),
                Map.entry("provincestate", SignerField.STATE),
                Map.entry("stateregion", SignerField.STATE),
                Map.entry("stateorregion", SignerField.STATE),
                Map.entry("stateprovinceregion", SignerField.STATE),
                Map.entry("country", SignerField.COUNTRY),
                Map.entry("countryregion", SignerField.COUNTRY),
                Map.entry("countryorregion", SignerField.COUNTRY),
                Map.entry("nation", SignerField.COUNTRY),
                Map.entry("category", SignerField.CATEGORY),
                Map.entry("type", SignerField.CATEGORY),
                Map.entry("group", SignerField.CATEGORY),
                Map.entry("sector", SignerField.CATEGORY),
                Map.entry("typeoforganization", SignerField.CATEGORY),
                Map.entry("typeoforganisation", SignerField.CATEGORY),
                Map.entry("organizationtype", SignerField.CATEGORY),
                Map.entry("organisationtype", SignerField.CATEGORY),
                Map.entry("confirmed", SignerField.CONFIRMED),
                Map.entry("confirm", SignerField.CONFIRMED),
                Map.entry("confirmation", SignerField.CONFIRMED),
                Map.entry("consent", SignerField.CONFIRMED),
                Map.entry("consented", SignerField.CONFIRMED),
                Map.entry("agree", SignerField.CONFIRMED),
                Map.entry("agreed", SignerField.CONFIRMED),
                Map.entry("signon", SignerField.CONFIRMED),
                Map.entry("signedon", SignerField.CONFIRMED),
                Map.entry("email", SignerField.EMAIL),
                Map.entry("emailaddress", SignerField.EMAIL),
                Map.entry("signed", SignerField.SIGNED),
                Map.entry("timestamp", SignerField.SIGNED),
                Map.entry("date", SignerField.SIGNED),
                Map.entry("datesigned", SignerField.SIGNED),
                Map.entry("signeddate", SignerField.SIGNED),
                Map.entry("signedat", SignerField.SIGNED),
                Map.entry("submitted", SignerField.SIGNED),
                Map.entry("submittedat", SignerField.SIGNED),
                Map.entry("submittedon", SignerField.SIGNED),
                Map.entry("submissiondate", SignerField.SIGNED),
                Map.entry("datesubmitted", SignerField.SIGNED),
                Map.entry("createdat", SignerField.SIGNED),
                Map.entry("created", SignerField.SIGNED));
    }
}
