package dev.sparring.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts stored installations (their bot and user tokens) with AES-256-GCM under {@code
 * SPARRING_SECRET_KEY}. Each value is bound to the record it belongs to (the associated data), so a
 * row copied onto another workspace's key does not decrypt. Stored form: {@code v1:} and the base64
 * of a 12-byte nonce followed by the ciphertext and tag; anything else is a plaintext row written
 * before encryption existed.
 */
final class TokenCipher {

  private static final String PREFIX = "v1:";
  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  TokenCipher(String base64Key) {
    this.key = new SecretKeySpec(check(base64Key), "AES");
  }

  /** The key's 32 bytes, or a message saying what is wrong with it (never the key itself). */
  static byte[] check(String base64Key) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64Key.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "is not base64: create one with `openssl rand -base64 32`");
    }
    if (raw.length != 32) {
      throw new IllegalArgumentException(
          "must be 32 bytes in base64 (got "
              + raw.length
              + " bytes): create one with `openssl rand -base64 32`");
    }
    return raw;
  }

  static boolean encrypted(String stored) {
    return stored.startsWith(PREFIX);
  }

  String encrypt(String plaintext, String boundTo) {
    byte[] nonce = new byte[NONCE];
    RANDOM.nextBytes(nonce);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[NONCE + sealed.length];
      System.arraycopy(nonce, 0, out, 0, NONCE);
      System.arraycopy(sealed, 0, out, NONCE, sealed.length);
      return PREFIX + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    }
  }

  /**
   * The plaintext of a value {@link #encrypt} made for {@code boundTo}; fails with {@link
   * UnreadableException} when it was made with another key, for another record, or altered.
   */
  String decrypt(String stored, String boundTo) {
    if (!encrypted(stored)) {
      throw new IllegalArgumentException("not an encrypted value");
    }
    try {
      byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
      if (in.length <= NONCE) {
        throw new UnreadableException();
      }
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE));
      c.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
      return new String(c.doFinal(in, NONCE, in.length - NONCE), StandardCharsets.UTF_8);
    } catch (javax.crypto.AEADBadTagException | IllegalArgumentException e) {
      throw new UnreadableException();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    }
  }

  /** A stored value that this key cannot open (another key, another record, or tampered with). */
  static final class UnreadableException extends RuntimeException {
    UnreadableException() {
      super(
          "cannot be decrypted with SPARRING_SECRET_KEY (was the key changed?)",
          null,
          false,
          false);
    }
  }
}
