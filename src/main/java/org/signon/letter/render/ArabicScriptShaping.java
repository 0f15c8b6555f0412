package org.signon.letter.render;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import com.openhtmltopdf.bidi.BidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import java.util.HashMap;
import java.util.Map;

/**
 * Joins the letters of Arabic-script text for the PDF, as openhtmltopdf's ICU shaper does,
 * and also the letters that shaper leaves in their isolated form: ICU's shaping knows only the
 * Arabic letters of Presentation Forms-B, so Persian and Urdu ی ک گ پ چ ژ... came out
 * unjoined ("هستی م"). Each such letter takes its initial, medial or final form from
 * Presentation Forms-A, chosen by its already shaped neighbours, where the PDF's font has that
 * form.
 */
final class ArabicScriptShaping implements BidiReorderer {

    private static final int ISOLATED = 0;
    private static final int FINAL = 1;
    private static final int INITIAL = 2;
    private static final int MEDIAL = 3;

    /** A nominal letter to its four forms (0 where Unicode or the font has none). */
    private static final Map<Integer, int[]> FORMS = forms();

    private final ICUBidiReorderer icu = new ICUBidiReorderer();

    @Override
    public String reorderRTLTextToLTR(String text) {
        return icu.reorderRTLTextToLTR(text);
    }

    @Override
    public String shapeText(String text) {
        return complete(icu.shapeText(text));
    }

    @Override
    public String deshapeText(String text) {
        return icu.deshapeText(Normalizer2.getNFKCInstance().normalize(text));
    }

    @Override
    public boolean isLiveImplementation() {
        return true;
    }

    /** ICU's shaped text, with the letters it left nominal given their joined forms. */
    static String complete(String shaped) {
        StringBuilder out = null;
        for (int i = 0; i < shaped.length(); i++) {
            int[] forms = FORMS.get((int) shaped.charAt(i));
            if (forms == null) {
                continue;
            }
            int letter = shaped.charAt(i);
            int type = joiningType(letter);
            boolean joinsBefore = (type == UCharacter.JoiningType.DUAL_JOINING || type == UCharacter.JoiningType.RIGHT_JOINING)
                    && linksForward(shaped, neighbour(shaped, i, -1));
            boolean joinsAfter = type == UCharacter.JoiningType.DUAL_JOINING
                    && linksBackward(shaped, neighbour(shaped, i, 1));
            int form = joinsBefore ? (joinsAfter ? MEDIAL : FINAL) : (joinsAfter ? INITIAL : ISOLATED);
            int shapedLetter = forms[form] != 0 ? forms[form] : letter;
            if (shapedLetter != letter) {
                if (out == null) {
                    out = new StringBuilder(shaped);
                }
                out.setCharAt(i, (char) shapedLetter);
            }
        }
        return out == null ? shaped : out.toString();
    }

    /** The index of the nearest character before (-1) or after (1) {@code i} that is not a mark, or -1. */
    private static int neighbour(String text, int i, int step) {
        for (int j = i + step; j >= 0 && j < text.length(); j += step) {
            if (joiningType(text.charAt(j)) != UCharacter.JoiningType.TRANSPARENT) {
                return j;
            }
        }
        return -1;
    }

    /** Whether the character at {@code j} joins the one after it. */
    private static boolean linksForward(String text, int j) {
        if (j < 0) {
            return false;
        }
        int c = text.charAt(j);
        int decomposition = UCharacter.getIntPropertyValue(c, UProperty.DECOMPOSITION_TYPE);
        if (decomposition == UCharacter.DecompositionType.INITIAL || decomposition == UCharacter.DecompositionType.MEDIAL) {
            return true;
        }
        int type = joiningType(c);
        return decomposition == UCharacter.DecompositionType.NONE
                && (type == UCharacter.JoiningType.DUAL_JOINING || type == UCharacter.JoiningType.JOIN_CAUSING);
    }

    /** Whether the character at {@code j} joins the one before it. */
    private static boolean linksBackward(String text, int j) {
        if (j < 0) {
            return false;
        }
        int c = text.charAt(j);
        int decomposition = UCharacter.getIntPropertyValue(c, UProperty.DECOMPOSITION_TYPE);
        if (decomposition == UCharacter.DecompositionType.FINAL || decomposition == UCharacter.DecompositionType.MEDIAL) {
            return true;
        }
        int type = joiningType(c);
        return decomposition == UCharacter.DecompositionType.NONE
                && (type == UCharacter.JoiningType.DUAL_JOINING || type == UCharacter.JoiningType.RIGHT_JOINING
                        || type == UCharacter.JoiningType.JOIN_CAUSING);
    }

    private static int joiningType(int c) {
        return UCharacter.getIntPropertyValue(c, UProperty.JOINING_TYPE);
    }

    /**
     * The forms of every Arabic letter from the presentation forms' own decompositions, kept
     * only for forms the PDF's fonts can draw (a form they lack stays nominal: unjoined, but
     * never a missing glyph).
     */
    private static Map<Integer, int[]> forms() {
        Normalizer2 nfkd = Normalizer2.getNFKDInstance();
        Map<Integer, int[]> forms = new HashMap<>();
        for (int c = 0xFB50; c <= 0xFBFF; c++) {
            String letter = nfkd.getDecomposition(c);
            int form = switch (UCharacter.getIntPropertyValue(c, UProperty.DECOMPOSITION_TYPE)) {
                case UCharacter.DecompositionType.ISOLATED -> ISOLATED;
                case UCharacter.DecompositionType.FINAL -> FINAL;
                case UCharacter.DecompositionType.INITIAL -> INITIAL;
                case UCharacter.DecompositionType.MEDIAL -> MEDIAL;
                default -> -1;
            };
            if (form >= 0 && letter != null && letter.length() == 1 && FontCoverage.drawable(c)) {
                forms.computeIfAbsent((int) letter.charAt(0), k -> new int[4])[form] = c;
            }
        }
        return Map.copyOf(forms);
    }
}
