package org.gfn4j.env;

/** One documented spec key of an environment, for {@code gfn4j envs}. */
public record EnvParameter(String key, String defaultValue, String description) {}
