package org.signon.letter.render;

import java.util.Arrays;

/**
 * An image the HTML of an email shows from a part of the same message,
 * {@code <img src="cid:...">}, because mail clients block or strip {@code data:} images.
 * The Content-ID is made from the image's bytes, so the same image has the same ID in every
 * message and every run, and an image whose bytes change gets another.
 *
 * @param contentId the Content-ID without angle brackets, such as {@code 3f2a...@signon}
 * @param fileName  the image file's name, for clients that offer to save it
 * @param mediaType {@code image/png}, {@code image/jpeg}, {@code image/gif} or {@code image/svg+xml}
 * @param sha256    SHA-256 of the bytes, in lowercase hex
 * @param bytes     the image file's content, copied
 */
public record InlineImage(String contentId, String fileName, String mediaType, String sha256, byte[] bytes) {

    /** Hex digits of the SHA-256 in a Content-ID: 128 bits, no two images of a letter share them. */
    private static final int ID_DIGITS = 32;

    public InlineImage {
        bytes = bytes.clone();
    }

    /** The image with its Content-ID and hash made from {@code bytes}. */
    static InlineImage of(String fileName, String mediaType, byte[] bytes, String sha256) {
        return new InlineImage(sha256.substring(0, ID_DIGITS) + "@signon", fileName, mediaType, sha256, bytes);
    }

    /** What an {@code <img src>} says to show this image. */
    public String url() {
        return "cid:" + contentId;
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InlineImage i && i.contentId.equals(contentId) && i.fileName.equals(fileName)
                && i.mediaType.equals(mediaType) && i.sha256.equals(sha256) && Arrays.equals(i.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return contentId.hashCode() * 31 + fileName.hashCode();
    }

    @Override
    public String toString() {
        return "InlineImage[" + contentId + ", " + fileName + ", " + mediaType + ", " + bytes.length + " bytes]";
    }
}
