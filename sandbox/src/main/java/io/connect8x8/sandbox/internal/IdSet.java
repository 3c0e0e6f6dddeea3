package io.connect8x8.sandbox.internal;

/**
 * The clientMessageIds a simulator accepted, kept as 64-bit hashes in one open-addressing array: 16 bytes per id at
 * worst, against hundreds for a set of strings, so a million-message campaign costs 16 MiB. A 64-bit hash makes a
 * false duplicate among ten million ids about a one-in-300,000 event. Not thread-safe: the store locks around it.
 */
final class IdSet {

    private long[] slots = new long[1 << 12];
    private int size;
    private boolean hasZero;

    /**
     * Returns whether the id was new.
     *
     * @return whether the id was new
     */
    boolean add(String scope, String id) {
        long hash = hash(scope, id);
        if (hash == 0) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if (size * 2 >= slots.length) {
            grow();
        }
        return insert(slots, hash);
    }

    private boolean insert(long[] table, long hash) {
        int mask = table.length - 1;
        int index = (int) (hash ^ (hash >>> 32)) & mask;
        while (table[index] != 0) {
            if (table[index] == hash) {
                return false;
            }
            index = (index + 1) & mask;
        }
        table[index] = hash;
        if (table == slots) {
            size++;
        }
        return true;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (long hash : old) {
            if (hash != 0) {
                insert(slots, hash);
            }
        }
    }

    void clear() {
        slots = new long[1 << 12];
        size = 0;
        hasZero = false;
    }

    /** FNV-1a over both strings, then a finaliser that spreads the bits (from SplitMix64). */
    private static long hash(String scope, String id) {
        long h = 0xcbf29ce484222325L;
        h = mix(h, scope);
        h = (h ^ 0x1F) * 0x100000001b3L;
        h = mix(h, id);
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    private static long mix(long h, String text) {
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }
}
