package org.kimberlite.registry;

import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Service;

/**
 * The demo's accounts signed in once each while the demo world is being filled. The demo's steps
 * act as the same accounts again and again, and each sign-in checks the password against its Argon2
 * hash, which costs tens of milliseconds of processor: signing each account in once (and all of
 * them side by side on the machine's processors) took seconds off the demo's start.
 *
 * <p>Every password is still checked by {@link Accounts#signIn}, once per account; a sign-in that
 * fails is not remembered. What is remembered is dropped by {@link #forget()} when the demo world
 * is complete.
 */
@Service
public class DemoSignIns {
  private final Accounts accounts;
  private final ConcurrentMap<String, Caller> signedIn = new ConcurrentHashMap<>();

  public DemoSignIns(Accounts accounts) {
    this.accounts = accounts;
  }

  /** The caller for a demo account, signing it in with its password the first time. */
  public Optional<Caller> signIn(DemoAccount account) {
    String key = account.username() + '\n' + account.password();
    Caller known = signedIn.get(key);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Caller> caller = accounts.signIn(account.username(), account.password());
    caller.ifPresent(c -> signedIn.put(key, c));
    return caller;
  }

  /**
   * Signs every account in ahead, side by side on the common pool (as many at once as the machine
   * has processors). A sign-in refused here is not remembered, so the step that needs it signs in
   * again and sees the refusal.
   */
  public void signInAll(Collection<DemoAccount> all) {
    all.parallelStream().forEach(this::signIn);
  }

  /** Forgets every remembered sign-in. */
  public void forget() {
    signedIn.clear();
  }
}
