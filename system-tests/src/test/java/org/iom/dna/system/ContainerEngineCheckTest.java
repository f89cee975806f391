package org.iom.dna.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check `./mvnw -Pcontainers` runs first (deploy/containers/check-engine.sh): without an answering container
 * engine it stops the build with one line saying what to do instead; with Docker or Podman answering it lets it on.
 * The engines are stand-ins on the PATH, so that the test means the same on every host.
 */
class ContainerEngineCheckTest {

    private static final Path CHECK = Deployables.REPO.resolve("deploy/containers/check-engine.sh");

    @TempDir
    Path bin;

    private record Outcome(int exit, String stdout, String stderr) {}

    private void engine(String name, int exit) throws IOException {
        Path script = bin.resolve(name);
        Files.writeString(script, "#!/bin/sh\nexit " + exit + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Outcome check() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", CHECK.toString());
        // Only the stand-ins: a host's real docker or podman must not decide the outcome.
        builder.environment().put("PATH", bin.toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        return new Outcome(process.exitValue(), out, err);
    }

    @Test
    void shouldStopWithOneLineWhenNoEngineAnswers() throws Exception {
        engine("docker", 1); // the client is installed, its daemon is not running (as on our machines)

        Outcome outcome = check();

        assertEquals(1, outcome.exit());
        assertEquals("", outcome.stdout());
        assertEquals(1, outcome.stderr().lines().count(), outcome.stderr());
        assertTrue(outcome.stderr().startsWith("-Pcontainers needs a container engine"), outcome.stderr());
        assertTrue(outcome.stderr().contains("deploy/local/suite infra"), "says what to do instead");
    }

    @Test
    void shouldLetTheBuildOnWhenDockerOrPodmanAnswers() throws Exception {
        engine("podman", 0);
        assertEquals(new Outcome(0, "", ""), check());

        engine("docker", 0);
        assertEquals(new Outcome(0, "", ""), check());
    }
}
