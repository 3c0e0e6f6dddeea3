package io.connect8x8.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs pairs of JMH benchmarks (the code under test, then its baseline) in interleaved rounds in this JVM (exec:java
 * cannot fork with the test class path), so that a busy machine slows both alike, and prints the median of the
 * rounds and the ratio.
 */
final class Interleaved {

    private Interleaved() {
    }

    /**
     * Runs and prints.
     *
     * @param benchmark the benchmark class
     * @param pairs each measure: its benchmark method and its baseline's
     * @param rounds the number of rounds
     * @param subject what the first column measures, for the header (and the word dropped from the measure's name)
     * @throws RunnerException if JMH fails
     */
    static void run(Class<?> benchmark, String[][] pairs, int rounds, String subject) throws RunnerException {
        System.setProperty("org.slf4j.simpleLogger.log.io.connect8x8", "warn");
        Map<String, List<Double>> scores = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (String[] pair : pairs) {
                for (String name : pair) {
                    var result = new Runner(new OptionsBuilder()
                            .include(benchmark.getName() + "." + name + "$").forks(0)
                            .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                            .measurementIterations(3).measurementTime(TimeValue.seconds(1))
                            .build()).runSingle();
                    scores.computeIfAbsent(name, k -> new ArrayList<>()).add(result.getPrimaryResult().getScore());
                }
            }
        }
        System.out.printf("%n%-32s %14s %14s %7s  (median of %d interleaved rounds, us/op)%n", "measure",
                subject.toLowerCase(java.util.Locale.ROOT), "baseline", "ratio", rounds);
        for (String[] pair : pairs) {
            double measured = median(scores.get(pair[0]));
            double plain = median(scores.get(pair[1]));
            System.out.printf("%-32s %14.1f %14.1f %6.2fx%n", pair[0].replace(subject, ""), measured, plain,
                    measured / plain);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        java.util.Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
