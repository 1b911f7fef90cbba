package org.kimberlite.registry;

/** An account to create in the caller's organisation. */
public record NewAccount(String username, String displayName, String password, boolean admin) {}
