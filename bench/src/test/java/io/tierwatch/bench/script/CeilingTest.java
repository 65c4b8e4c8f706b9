package io.tierwatch.bench.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class CeilingTest {

    private final List<List<String>> commit = Ceiling.firstCommit(Instant.parse("2026-03-04T05:06:07Z"));

    @Test
    void everyKeyNamesTheRandomCustomerSoEachCallWritesANewOne() {
        // the group's state epoch marker first (read, unchecked for the benchmark's own ledger), then the customer's keys
        assertThat(commit.get(0)).hasSize(3).first().asString().endsWith(":epoch");
        assertThat(commit.get(0).subList(1, 3)).allMatch(k -> k.contains(":ceil-__rand_int__:"));
        assertThat(commit.get(1)).isNotEmpty().noneMatch(a -> a.contains("ceil-") && !a.contains("ceil-__rand_int__"));
    }

    @Test
    void sendsTheFirstCommitWithAKeyspaceAHundredTimesTheRequests() {
        List<String> command = Ceiling.command("127.0.0.1", 6379, "abc", 500_000, 4, 64, commit);
        assertThat(command.get(command.indexOf("-r") + 1)).isEqualTo("50000000");
        int sha = command.indexOf("abc");
        assertThat(command.get(sha + 1)).isEqualTo("3");
        assertThat(command.subList(sha + 2, sha + 5)).isEqualTo(commit.get(0));
        assertThat(command.subList(sha + 5, command.size())).isEqualTo(commit.get(1));
    }

    @Test
    void capsTheKeyspaceAtRedisBenchmarksIntRange() {
        List<String> command = Ceiling.command("h", 1, "abc", 100_000_000, 4, 64, commit);
        assertThat(command.get(command.indexOf("-r") + 1)).isEqualTo(String.valueOf(Integer.MAX_VALUE));
    }
}
