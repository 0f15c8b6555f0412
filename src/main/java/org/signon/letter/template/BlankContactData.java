package org.signon.letter.template;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * Contact data that sections take for empty ({@code {{^x}}} shows, {@code {{#x}}} does not) but
 * that prints as a marker, so that a path built from it is recognizably not a file to read: for
 * {@code check}, which shows every branch a contact's data can choose without a real contact.
 */
sealed interface BlankContactData {

    /** An empty cell of a contacts file. */
    record Cell(String printed) implements BlankContactData, CharSequence {

        @Override
        public int length() {
            return printed.length();
        }

        @Override
        public char charAt(int index) {
            return printed.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return printed.subSequence(start, end);
        }

        @Override
        public String toString() {
            return printed;
        }
    }

    /**
     * No contact, as render and send without {@code --contacts} have, except that a bare
     * {@code {{recipient.name}}} (which they stop on) prints the marker instead of stopping the
     * check from looking at the rest.
     */
    final class NoContact extends AbstractMap<String, Object> implements BlankContactData {

        private final Cell cell;

        NoContact(String printed) {
            this.cell = new Cell(printed);
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String;
        }

        @Override
        public Object get(Object key) {
            return key instanceof String ? cell : null;
        }

        @Override
        public Set<Map.Entry<String, Object>> entrySet() {
            return Set.of();
        }
    }
}
