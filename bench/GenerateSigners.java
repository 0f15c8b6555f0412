import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a form-export-shaped signers CSV of N rows for benchmarks:
 * java bench/GenerateSigners.java N OUT.csv
 * Deterministic (fixed seed); about 2% duplicates and 2% without consent, like real exports.
 */
public class GenerateSigners {

    private static final String[] WORDS = {
        "Example", "Riverbend", "Northside", "Coalition", "Alliance", "Tenants", "Union", "Rights",
        "Justice", "Project", "Network", "Defense", "Digital", "Privacy", "Immigrant", "Workers",
        "Élan", "Ñandú", "Öffentlich", "Society", "Center", "Fund", "Collective", "Action",
    };
    private static final String[] TYPES = {
        "National Organizations", "State and Local Organizations", "International Organizations",
    };

    public static void main(String[] args) throws IOException {
        int rows = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        Random random = new Random(42);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            w.write("Timestamp,Email Address,Organization name,City,State,Country,Type of organization,"
                    + "Contact name,I confirm that my organization signs on to this letter,Comments\r\n");
            for (int i = 0; i < rows; i++) {
                int n = random.nextInt(50) < 1 && i > 0 ? random.nextInt(i) : i;
                String name = WORDS[n % WORDS.length] + " " + WORDS[(n / 7) % WORDS.length] + " " + n;
                String type = TYPES[n % TYPES.length];
                String consent = random.nextInt(50) == 0 ? "No" : "Yes";
                w.write("2026-11-01 10:00:00,contact" + i + "@example.org,\"" + name + "\",Springfield,IL,USA,"
                        + type + ",Contact " + i + "," + consent + ",\"a comment, with a comma\"\r\n");
            }
        }
    }
}
