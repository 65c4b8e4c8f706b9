package io.tierwatch.bench.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.tierwatch.harness.ServiceProcess;

/**
 * Starts the bench's services, each logging to {@code <state>/logs/<name>.log} and with its pid
 * in {@code <state>/pids/<name>}, so that bench/run can stop it even if the harness dies.
 */
public final class Processes {

    private Processes() {
    }

    public static ServiceProcess start(String name, Path jar, int port, List<String> jvmOptions, List<String> args,
            Path state) throws IOException {
        ServiceProcess process = ServiceProcess.start(name, jar, port, jvmOptions, args,
                state.resolve("logs").resolve(name + ".log"));
        Files.createDirectories(state.resolve("pids"));
        Files.writeString(state.resolve("pids").resolve(name), String.valueOf(process.pid()));
        return process;
    }
}
