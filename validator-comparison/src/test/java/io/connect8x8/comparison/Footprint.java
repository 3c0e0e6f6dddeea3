package io.connect8x8.comparison;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The jars a library brings, from Maven's verbose dependency tree of this module ({@code dependency:tree
 * -Dverbose}): a library's closure is itself and the closures of its children, a child Maven left out ("omitted for
 * duplicate" or "for conflict") counting with the children of the place where it was kept. So a jar two libraries
 * share counts for each, and versions are the ones Maven resolved (the BOM's).
 */
final class Footprint {

    /** {@code (g:a:type[:classifier]:version:scope[ - omitted ...])}, after the tree's drawing characters. */
    private static final Pattern NODE = Pattern.compile("^\\(?([^:\\s()]+):([^:\\s()]+):([^:\\s()]+)"
            + "(?::([^:\\s()]+))?:([^:\\s()]+):([a-z]+)(.*)$");

    private final Map<String, Set<String>> children = new HashMap<>();
    private final Map<String, String> versions = new HashMap<>();
    private final Path repository;

    private Footprint(Path repository) {
        this.repository = repository;
    }

    /**
     * Reads a verbose tree.
     *
     * @param tree the file {@code dependency:tree -Dverbose -DoutputFile=...} wrote
     * @param repository the local repository holding the jars
     * @return the footprint calculator
     * @throws IOException if the tree cannot be read
     */
    static Footprint read(Path tree, Path repository) throws IOException {
        Footprint footprint = new Footprint(repository);
        Deque<String> parents = new ArrayDeque<>();
        for (String line : Files.readAllLines(tree)) {
            int start = 0;
            while (start < line.length() && "|+-\\ ".indexOf(line.charAt(start)) >= 0) {
                start++;
            }
            if (start == 0) {
                // The module itself (no scope): the root every depth counts from.
                parents.clear();
                parents.push(line.trim());
                continue;
            }
            Matcher node = NODE.matcher(line.substring(start));
            if (!node.matches()) {
                continue;
            }
            int depth = start / 3;
            String key = node.group(1) + ":" + node.group(2) + ":" + node.group(3)
                    + (node.group(4) == null ? "" : ":" + node.group(4));
            boolean omitted = line.substring(start).startsWith("(");
            while (parents.size() > depth) {
                parents.pop();
            }
            if (parents.size() > 1) {
                footprint.children.computeIfAbsent(parents.peek(), k -> new LinkedHashSet<>()).add(key);
            }
            if (!omitted) {
                footprint.versions.put(key, node.group(5));
            }
            footprint.children.computeIfAbsent(key, k -> new LinkedHashSet<>());
            parents.push(key);
        }
        return footprint;
    }

    /**
     * A library and everything it brings.
     *
     * @param roots {@code groupId:artifactId:type} of the libraries
     * @param without libraries cut out of the walk (with what only they bring)
     * @return the keys of the jars, sorted
     */
    Set<String> closure(List<String> roots, Set<String> without) {
        Set<String> seen = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            String key = todo.pop();
            if (without.contains(key) || !seen.add(key)) {
                continue;
            }
            if (!children.containsKey(key)) {
                throw new IllegalArgumentException("not in the dependency tree: " + key);
            }
            todo.addAll(children.get(key));
        }
        return seen;
    }

    /**
     * The direct children of a library in the tree.
     *
     * @param key {@code groupId:artifactId:type}
     * @return their keys
     */
    List<String> childrenOf(String key) {
        return new ArrayList<>(children.getOrDefault(key, Set.of()));
    }

    /**
     * The size of a jar in the local repository.
     *
     * @param key {@code groupId:artifactId:type[:classifier]}
     * @return its size in bytes
     * @throws IOException if the jar is not there
     */
    long bytes(String key) throws IOException {
        String[] parts = key.split(":");
        String version = versions.get(key);
        String file = parts[1] + "-" + version + (parts.length > 3 ? "-" + parts[3] : "") + ".jar";
        return Files.size(repository.resolve(parts[0].replace('.', '/')).resolve(parts[1]).resolve(version)
                .resolve(file));
    }
}
