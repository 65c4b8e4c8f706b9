package io.tierwatch.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.tierwatch.bench.report.Format;
import io.tierwatch.bench.stack.Processes;
import io.tierwatch.harness.ServiceProcess;

/**
 * The rebuild of scoring's state from Kafka, with everything the earlier phases put on the input
 * topics (the backlog and the datasets), done as {@code ./tierwatch rebuild} does it: scoring-service
 * stopped, the same jar run with {@code --tierwatch.rebuild.run=true} (deletes {@code tw:score:*},
 * begins a new state epoch, sets the group to the earliest offsets), scoring-service started
 * again, and the time until its group's lag is zero.
 */
final class Rebuild {

    static final String SECTION = "Rebuild from Kafka (the steps of ./tierwatch rebuild)";

    private Rebuild() {
    }

    /** Returns the scoring-service started again, in place of {@code scoring} in {@code started}. */
    static ServiceProcess measure(Run run, List<ServiceProcess> started, List<String> scoringJvm, String group)
            throws Exception {
        Settings s = run.settings();
        long events = run.lag().events(Run.INPUTS);
        Run.step("Rebuilding scoring's state from Kafka (" + Format.count(events) + " input events)");
        long t0 = System.nanoTime();
        ServiceProcess scoring = started.stream().filter(p -> p.name().equals("scoring-service")).findFirst()
                .orElseThrow();
        scoring.close();
        started.remove(scoring);
        if (!run.lag().awaitNoMembers(group, Duration.ofSeconds(30))) {
            throw new IllegalStateException("scoring-service's consumers did not leave group " + group + " in 30 s");
        }
        List<String> args = new ArrayList<>(Throughput.scoringArgs(s));
        args.addAll(List.of("--tierwatch.rebuild.run=true", "--spring.main.web-application-type=none",
                "--spring.kafka.listener.auto-startup=false"));
        int exit = Processes.start("scoring-rebuild", s.jar("scoring-service"), s.scoringPort(),
                List.of("-Xmx512m"), args, s.state()).awaitExit(Duration.ofMinutes(10));
        if (exit != 0) {
            throw new IllegalStateException("the rebuild command failed (exit " + exit + "); see "
                    + s.state().resolve("logs/scoring-rebuild.log"));
        }
        double command = (System.nanoTime() - t0) / 1e9;
        ServiceProcess again = Processes.start("scoring-service", s.jar("scoring-service"), s.scoringPort(),
                scoringJvm, Throughput.scoringArgs(s), s.state());
        started.add(again);
        boolean done = run.lag().awaitCaughtUp(group, Run.INPUTS, Duration.ofMinutes(30));
        double total = (System.nanoTime() - t0) / 1e9;
        run.results().add(SECTION, "input events replayed", Format.count(events));
        run.results().add(SECTION, "stop + rebuild command (delete, new epoch, offsets to earliest)",
                String.format("%.1f s", command));
        run.results().add(SECTION, "stop to zero lag" + (done ? "" : " (NOT caught up in 30 min)"),
                String.format("%.1f s = %s", total, Format.rate(events / (total - command))) + " replayed");
        return again;
    }
}
