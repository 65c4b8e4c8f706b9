package io.tierwatch.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is asking, from the token's claims: a person (with roles, and a rep id when they own a book)
 * or a system (with scopes only).
 *
 * @param subject the token's {@code sub}
 * @param repId the rep whose book the person owns, null for a system or a person without a book
 * @param team the reps a manager looks after
 * @param managersSeeAll the deployment's choice: a manager sees every book
 */
public record Caller(String subject, String repId, Set<Role> roles, Set<String> scopes, Set<String> team,
        boolean managersSeeAll) {

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        scopes = Set.copyOf(scopes);
        team = Set.copyOf(team);
    }

    /** The caller named by claims, read with the deployment's claim names. */
    public static Caller of(Map<String, Object> claims, SecurityProperties properties) {
        SecurityProperties.Claims names = properties.claims();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : strings(claim(claims, names.roles()))) {
            try {
                roles.add(Role.valueOf(role.toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                // a role of another application in the same realm: not ours
            }
        }
        Object rep = claim(claims, names.repId());
        String repId = rep instanceof String s && !s.isBlank() ? s : null;
        return new Caller(String.valueOf(claims.get("sub")), repId, roles, strings(claim(claims, names.scopes())),
                strings(claim(claims, names.team())), properties.managersSeeAll());
    }

    /**
     * A person has a role or a book of their own; a system has neither. So a person's token never
     * reaches every book through a scope, even from a provider that puts scopes on people's tokens.
     */
    public boolean isPerson() {
        return !roles.isEmpty() || repId != null;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    /** The name logs and audit records use: the rep id of a person with a book, else the subject. */
    public String name() {
        return repId != null ? repId : subject;
    }

    /**
     * The books this caller may read: a system with {@code readScope} reads all of them, ADMIN and
     * OPS too, a manager their team's (and their own), a rep their own.
     */
    public Books books(String readScope) {
        if (has(Role.ADMIN) || has(Role.OPS) || (!isPerson() && hasScope(readScope))) {
            return Books.EVERY;
        }
        Set<String> reps = new LinkedHashSet<>();
        if (has(Role.MANAGER)) {
            if (managersSeeAll) {
                return Books.EVERY;
            }
            reps.addAll(team);
        }
        if (repId != null && (has(Role.REP) || has(Role.MANAGER))) {
            reps.add(repId);
        }
        return reps.isEmpty() ? Books.NONE : Books.of(reps);
    }

    /** A claim by name; a dotted name walks into nested objects ({@code realm_access.roles}). */
    static Object claim(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        if (value != null || !name.contains(".")) {
            return value;
        }
        Object at = claims;
        for (String part : name.split("\\.")) {
            if (!(at instanceof Map<?, ?> map)) {
                return null;
            }
            at = map.get(part);
        }
        return at;
    }

    /** A claim that is a list, or one space-separated string ({@code scope} is either). */
    static Set<String> strings(Object value) {
        if (value instanceof Collection<?> c) {
            Set<String> out = new LinkedHashSet<>();
            c.forEach(v -> out.add(String.valueOf(v)));
            return out;
        }
        if (value instanceof String s && !s.isBlank()) {
            return new LinkedHashSet<>(List.of(s.trim().split("\\s+")));
        }
        return Set.of();
    }
}
