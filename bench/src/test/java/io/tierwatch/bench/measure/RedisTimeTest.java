package io.tierwatch.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tierwatch.bench.measure.RedisStats.CommandStat;

class RedisTimeTest {

    @Test
    void countsTheCommitScriptOnceNotAgainThroughTheCommandsItCalls() {
        Map<String, CommandStat> stats = Map.of(
                "evalsha", new CommandStat(100, 800),       // includes the inner commands below
                "hget", new CommandStat(100, 50),
                "hset", new CommandStat(150, 200),
                "del", new CommandStat(40, 20),
                "rpush", new CommandStat(40, 60),
                "lpush", new CommandStat(30, 40),
                "ltrim", new CommandStat(30, 10),
                "hlen", new CommandStat(100, 30));
        assertThat(RedisTime.perEvent(stats, 200)).isCloseTo(4.0, within(1e-9));
    }

    @Test
    void addsTheReadsIndexWritesAndOutboxCommandsAndCountsHdel() {
        Map<String, CommandStat> stats = Map.of(
                "evalsha", new CommandStat(100, 800),
                "hset", new CommandStat(100, 300),
                "hgetall", new CommandStat(300, 600),
                "lrange", new CommandStat(200, 200),
                "zadd", new CommandStat(150, 250),
                "hdel", new CommandStat(50, 150));
        assertThat(RedisTime.perEvent(stats, 100)).isCloseTo(20.0, within(1e-9));
    }

    @Test
    void leavesOutTheHarnesssOwnCommands() {
        Map<String, CommandStat> stats = Map.of(
                "evalsha", new CommandStat(10, 100),
                "info", new CommandStat(5, 500),
                "config|resetstat", new CommandStat(1, 50));
        assertThat(RedisTime.perEvent(stats, 10)).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void theScriptsOwnShareIsEvalshaTimeOutsideItsInnerCommands() {
        Map<String, CommandStat> stats = Map.of(
                "evalsha", new CommandStat(100, 800),
                "hget", new CommandStat(100, 50),
                "hset", new CommandStat(150, 250),
                "zadd", new CommandStat(150, 400));
        assertThat(RedisTime.scriptOverhead(stats)).isEqualTo(500);
    }

    @Test
    void addsEvalAndEvalshaAsTheScriptsCalls() {
        CommandStat script = RedisTime.scriptCalls(Map.of("evalsha", new CommandStat(9, 90), "eval",
                new CommandStat(1, 30), "hset", new CommandStat(10, 40)));
        assertThat(script).isEqualTo(new CommandStat(10, 120));
        assertThat(RedisTime.perEvent(Map.of(), 0)).isZero();
    }
}
