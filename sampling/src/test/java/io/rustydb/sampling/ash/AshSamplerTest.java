package io.rustydb.sampling.ash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.common.session.SessionState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class AshSamplerTest {
    static final ActorTestKit KIT = ActorTestKit.create();

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    @Test
    void ticksAtTheIntervalStreamsSamplesAndTakesNewSettingsAtRuntime() throws Exception {
        AshSettings settings = new AshSettings(true, Duration.ofMillis(20), 1000, Duration.ofHours(1), true, true,
                true, true);
        ActiveSessionHistory ash = new ActiveSessionHistory(settings, Materializer.createMaterializer(KIT.system()));
        SessionState busy = new SessionState(1, "u", "db", "a", Instant.now());
        busy.statementStarted("SELECT 1", "sql1");
        CompletableFuture<List<AshSample>> streamed = ash.stream().take(5).runWith(Sink.seq(),
                Materializer.createMaterializer(KIT.system())).toCompletableFuture();
        ActorRef<AshSampler.Command> sampler = KIT.spawn(AshSampler.create(ash, () -> List.of(busy)));

        List<AshSample> first = streamed.get(10, TimeUnit.SECONDS);
        assertEquals(5, first.size());
        assertTrue(first.stream().allMatch(s -> s.sqlId().equals("sql1")));

        TestProbe<Done> probe = KIT.createTestProbe();
        sampler.tell(new AshSampler.Reconfigure(settings.withEnabled(false), probe.ref()));
        probe.expectMessage(Done.getInstance());
        long ticks = ash.stats().ticks();
        Thread.sleep(200);
        assertEquals(ticks, ash.stats().ticks(), "no tick after sampling was disabled");

        sampler.tell(new AshSampler.Reconfigure(settings, probe.ref()));
        probe.expectMessage(Done.getInstance());
        probe.awaitAssert(Duration.ofSeconds(5), () -> {
            assertTrue(ash.stats().ticks() >= ticks + 3);
            return null;
        });
        long sum = ash.buffer().select(s -> true).stream().mapToLong(AshSample::weightMillis).sum();
        assertTrue(sum > 0);
    }
}
