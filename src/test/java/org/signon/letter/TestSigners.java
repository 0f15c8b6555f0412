package org.signon.letter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.signon.signers.Signer;
import org.signon.signers.SignerGroup;
import org.signon.signers.SignerList;

/** Signer records as the signers package would build them from a form export. */
public final class TestSigners {

    private TestSigners() {
    }

    public static Signer signer(String organization, String city, String state, String country, String category) {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("Timestamp", "2022/05/20 10:00:00");
        columns.put("Email Address", slug(organization) + "@example.org");
        columns.put("Organization name", organization);
        columns.put("City", city);
        columns.put("State", state);
        columns.put("Country", country);
        columns.put("Type of organization", category);
        columns.put("Contact name", "Contact Person of " + organization);
        columns.put("consent", "Yes");
        columns.put("Comments", "Private comment from " + organization);
        return new Signer(2, organization, city, state, country, category, columns);
    }

    public static SignerList list(SignerGroup... groups) {
        return new SignerList(List.of(groups));
    }

    public static SignerGroup group(String name, Signer... signers) {
        return new SignerGroup(name, List.of(signers));
    }

    /** Two national groups and one international one. */
    public static SignerList sample() {
        return list(
                group("National Organizations",
                        signer("Example Rights Project", "", "", "United States", "National Organizations"),
                        signer("Example Tenants Union", "Oakland", "CA", "United States", "National Organizations")),
                group("International Organizations",
                        signer("Example Privacy e.V.", "Berlin", "", "Germany", "International Organizations")));
    }

    private static String slug(String name) {
        return name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
