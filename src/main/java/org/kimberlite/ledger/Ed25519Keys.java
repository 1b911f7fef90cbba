package org.kimberlite.ledger;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Ed25519 keys in the signed-note encodings shared by log signers (type 0x01) and witness cosigners
 * (type 0x04):
 *
 * <ul>
 *   <li>private key {@code PRIVATE+KEY+<name>+<hex key ID>+<base64(type || 32-byte seed)>} (the
 *       format of Go's golang.org/x/mod/sumdb/note);
 *   <li>verifier key {@code <name>+<hex key ID>+<base64(type || 32-byte public key)>};
 *   <li>key ID = SHA-256(name || 0x0A || type || public key)[:4], big-endian.
 * </ul>
 */
final class Ed25519Keys {
  private static final java.util.regex.Pattern PLUS = java.util.regex.Pattern.compile("\\+");

  static final byte TYPE_ED25519 = 0x01;
  static final byte TYPE_COSIGNATURE_V1 = 0x04;
  static final int KEY_SIZE = 32;
  static final int SIGNATURE_SIZE = 64;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ed25519Keys() {}

  /** A private key: name, type, seed and everything derived from them. */
  record Private(String name, byte type, byte[] seed, byte[] publicKey, int keyId) {
    static Private of(String name, byte type, byte[] seed) {
      Codec.requireKeyName(name);
      if (seed.length != KEY_SIZE) {
        throw new IllegalArgumentException("Ed25519 seed must be 32 bytes, got " + seed.length);
      }
      byte[] copy = seed.clone();
      byte[] pub = new Ed25519PrivateKeyParameters(copy, 0).generatePublicKey().getEncoded();
      return new Private(name, type, copy, pub, Codec.keyId(name, type, pub));
    }

    static Private generate(String name, byte type) {
      byte[] seed = new byte[KEY_SIZE];
      RANDOM.nextBytes(seed);
      return of(name, type, seed);
    }

    byte[] sign(byte[] message) {
      Ed25519Signer signer = new Ed25519Signer();
      signer.init(true, new Ed25519PrivateKeyParameters(seed, 0));
      signer.update(message, 0, message.length);
      return signer.generateSignature();
    }

    String skey() {
      return "PRIVATE+KEY+"
          + name
          + "+"
          + Codec.hex8(keyId)
          + "+"
          + Codec.base64(typed(type, seed));
    }

    String vkey() {
      return Ed25519Keys.vkey(name, type, publicKey);
    }

    @Override
    public String toString() {
      return "Ed25519 private key " + name + "+" + Codec.hex8(keyId);
    }

    @Override
    public boolean equals(Object o) {
      return this == o;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }

  /** A public key with its name and key ID. */
  record Public(String name, byte type, byte[] publicKey, int keyId) {
    static Public of(String name, byte type, byte[] publicKey) {
      Codec.requireKeyName(name);
      if (publicKey.length != KEY_SIZE) {
        throw new IllegalArgumentException(
            "Ed25519 public key must be 32 bytes, got " + publicKey.length);
      }
      byte[] copy = publicKey.clone();
      return new Public(name, type, copy, Codec.keyId(name, type, copy));
    }

    boolean verify(byte[] message, byte[] signature) {
      if (signature.length != SIGNATURE_SIZE) {
        return false;
      }
      Ed25519PublicKeyParameters params;
      try {
        params = new Ed25519PublicKeyParameters(publicKey, 0);
      } catch (IllegalArgumentException e) {
        return false;
      }
      Ed25519Signer verifier = new Ed25519Signer();
      verifier.init(false, params);
      verifier.update(message, 0, message.length);
      return verifier.verifySignature(signature);
    }

    String vkey() {
      return Ed25519Keys.vkey(name, type, publicKey);
    }

    @Override
    public String toString() {
      return vkey();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Public p
          && p.name.equals(name)
          && p.type == type
          && java.util.Arrays.equals(p.publicKey, publicKey);
    }

    @Override
    public int hashCode() {
      return name.hashCode() * 31 + java.util.Arrays.hashCode(publicKey);
    }
  }

  static String vkey(String name, byte type, byte[] publicKey) {
    return name
        + "+"
        + Codec.hex8(Codec.keyId(name, type, publicKey))
        + "+"
        + Codec.base64(typed(type, publicKey));
  }

  private static byte[] typed(byte type, byte[] key) {
    byte[] out = new byte[key.length + 1];
    out[0] = type;
    System.arraycopy(key, 0, out, 1, key.length);
    return out;
  }

  /** Parses {@code PRIVATE+KEY+<name>+<keyid>+<base64(type || seed)>} strictly. */
  static Private parsePrivate(String skey, byte type) {
    String[] f = PLUS.split(skey, 5);
    if (f.length != 5 || !f[0].equals("PRIVATE") || !f[1].equals("KEY")) {
      throw new LogFormatException("private key must be PRIVATE+KEY+<name>+<key ID>+<key>");
    }
    String name = f[2];
    if (!Codec.isValidKeyName(name)) {
      throw new LogFormatException("private key has an invalid key name");
    }
    int keyId = Codec.hex8(f[3], "private key ID");
    byte[] key = Codec.base64(f[4], "private key");
    if (key.length != KEY_SIZE + 1 || key[0] != type) {
      throw new LogFormatException(
          "private key must be type 0x"
              + String.format(java.util.Locale.ROOT, "%02x", type)
              + " and 32 bytes");
    }
    byte[] seed = new byte[KEY_SIZE];
    System.arraycopy(key, 1, seed, 0, KEY_SIZE);
    Private p = Private.of(name, type, seed);
    if (p.keyId() != keyId) {
      throw new LogFormatException("private key ID does not match the key and name");
    }
    return p;
  }

  /** Parses {@code <name>+<keyid>+<base64(type || public key)>} strictly. */
  static Public parsePublic(String vkey, byte type) {
    String[] f = PLUS.split(vkey, 3);
    if (f.length != 3) {
      throw new LogFormatException("verifier key must be <name>+<key ID>+<key>");
    }
    if (!Codec.isValidKeyName(f[0])) {
      throw new LogFormatException("verifier key has an invalid key name");
    }
    int keyId = Codec.hex8(f[1], "verifier key ID");
    byte[] key = Codec.base64(f[2], "verifier key");
    if (key.length != KEY_SIZE + 1 || key[0] != type) {
      throw new LogFormatException(
          "verifier key must be type 0x"
              + String.format(java.util.Locale.ROOT, "%02x", type)
              + " and 32 bytes");
    }
    byte[] pub = new byte[KEY_SIZE];
    System.arraycopy(key, 1, pub, 0, KEY_SIZE);
    try {
      new Ed25519PublicKeyParameters(pub, 0);
    } catch (IllegalArgumentException e) {
      throw new LogFormatException("verifier key is not a valid Ed25519 public key", e);
    }
    Public p = Public.of(f[0], type, pub);
    if (p.keyId() != keyId) {
      throw new LogFormatException("verifier key ID does not match the key and name");
    }
    return p;
  }
}
