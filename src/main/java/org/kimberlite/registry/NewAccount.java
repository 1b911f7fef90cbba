package org.kimberlite.registry;

/** An account to create in the caller's organisation. */
public record NewAccount(String username, String displayName, String password, boolean admin) {
  /** Never the password: a record's text ends up in debug logs. */
  @Override
  public String toString() {
    return "NewAccount[username=" + username + ", admin=" + admin + ", password=(redacted)]";
  }
}
