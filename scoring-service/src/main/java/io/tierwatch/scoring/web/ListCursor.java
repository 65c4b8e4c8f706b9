package io.tierwatch.scoring.web;

import io.tierwatch.contracts.Tier;

/**
 * Where a customer list goes on ({@code GET /api/v1/customers?cursor=…}): the tier set being
 * walked (its position among the tiers listed), the SSCAN cursor in it, and how many members of
 * that SSCAN reply the pages before took; for a rep's list only the last counts, as an offset.
 * Clients pass the token back as they got it.
 */
record ListCursor(int index, String scan, long skip) {

    static final ListCursor START = new ListCursor(0, "0", 0);

    static ListCursor of(int index, String scan, long skip) {
        return new ListCursor(index, scan, skip);
    }

    String token() {
        return index + "." + scan + "." + skip;
    }

    /** Reads a token this API returned; throws {@link IllegalArgumentException} for anything else. */
    static ListCursor parse(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("cursor must be a value of `next` from an earlier page");
        }
        try {
            int index = Integer.parseInt(parts[0]);
            long scan = Long.parseUnsignedLong(parts[1]);
            long skip = Long.parseLong(parts[2]);
            if (index < 0 || index >= Tier.values().length || skip < 0) {
                throw new IllegalArgumentException("cursor must be a value of `next` from an earlier page");
            }
            return new ListCursor(index, Long.toUnsignedString(scan), skip);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cursor must be a value of `next` from an earlier page", e);
        }
    }
}
