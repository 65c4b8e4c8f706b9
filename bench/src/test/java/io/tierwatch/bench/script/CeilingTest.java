package io.tierwatch.bench.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class CeilingTest {

    private final List<List<String>> commit = Ceiling.firstCommit(Instant.parse("2026-03-04T05:06:07Z"));

    @Test
    void everyKeyNamesTheRandomCustomerSoEachCallWritesANewOne() {
        assertThat(commit.get(0)).hasSize(2).allMatch(k -> k.contains(":ceil-__rand_int__:"));
        assertThat(commit.get(1)).isNotEmpty().noneMatch(a -> a.contains("ceil-") && !a.contains("ceil-__rand_int__"));
    }

    @Test
    void sendsTheFirstCommitWithAKeyspaceAHundredTimesTheRequests() {
        List<String> command = Ceiling.command("127.0.0.1", 6379, "abc", 500_000, 4, 64, commit);
        assertThat(command.get(command.indexOf("-r") + 1)).isEqualTo("50000000");
        int sha = command.indexOf("abc");
        assertThat(command.get(sha + 1)).isEqualTo("2");
        assertThat(command.subList(sha + 2, sha + 4)).isEqualTo(commit.get(0));
        assertThat(command.subList(sha + 4, command.size())).isEqualTo(commit.get(1));
    }

    @Test
    void capsTheKeyspaceAtRedisBenchmarksIntRange() {
        List<String> command = Ceiling.command("h", 1, "abc", 100_000_000, 4, 64, commit);
        assertThat(command.get(command.indexOf("-r") + 1)).isEqualTo(String.valueOf(Integer.MAX_VALUE));
    }
}
