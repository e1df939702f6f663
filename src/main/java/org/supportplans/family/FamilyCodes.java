package org.supportplans.family;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The secrets of an invitation: the link's token, the letter code, the session's token. Made from a strong random
 * source, kept only as SHA-256 hashes, compared in constant time, never logged.
 */
final class FamilyCodes {

    /** Letters and digits a parent cannot confuse when typing from paper: no 0/O, 1/I/L. */
    private static final char[] LETTER_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();

    static final int LETTER_CODE_LENGTH = 10;

    private static final SecureRandom RANDOM = new SecureRandom();

    private FamilyCodes() {}

    /** 256 random bits, URL-safe: the link's last segment, or a session's cookie. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Ten characters (about 49 bits), shown as two groups of five: {@code K7QXM-4TRHP}. */
    static String newLetterCode() {
        StringBuilder code = new StringBuilder(LETTER_CODE_LENGTH + 1);
        for (int i = 0; i < LETTER_CODE_LENGTH; i++) {
            if (i == LETTER_CODE_LENGTH / 2) {
                code.append('-');
            }
            code.append(LETTER_CODE_ALPHABET[RANDOM.nextInt(LETTER_CODE_ALPHABET.length)]);
        }
        return code.toString();
    }

    /** Six digits, from 000000 to 999999: the one-time code sent by e-mail. */
    static String newEmailCode() {
        return String.format(Locale.ROOT, "%06d", RANDOM.nextInt(1_000_000));
    }

    /** Whether a typed code is an e-mailed one (six digits) rather than a letter code (ten letters and digits). */
    static boolean isEmailCode(String typed) {
        return normalised(typed).matches("[0-9]{6}");
    }

    /** An e-mailed code's hash, bound to its invitation (and never equal to a letter code's hash). */
    static String emailCodeHash(String invitationId, String code) {
        return sha256(invitationId + ":email:" + normalised(code));
    }

    /** A code as typed: upper case, without spaces or dashes. */
    static String normalised(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** The letter code's hash, bound to its invitation: the same code on two invitations hashes differently. */
    static String codeHash(String invitationId, String code) {
        return sha256(invitationId + ":" + normalised(code));
    }

    static String sha256(String value) {
        return sha256Hex(value.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether two hashes are equal, in a time that does not depend on where they differ. */
    static boolean sameHash(String expected, String actual) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                (actual == null ? "" : actual).getBytes(StandardCharsets.US_ASCII));
    }
}
