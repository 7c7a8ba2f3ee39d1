package io.rustydb.sampling.awr;

import io.rustydb.sampling.ash.ActiveSessionHistory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.pattern.StatusReply;

/**
 * A node's AWR as the rest of the node sees it: asks to its {@link WorkloadRepository}, and
 * reports, comparisons and trends computed from the repository's state.
 */
public final class AwrService {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ActorRef<WorkloadRepository.Command> repository;
    private final ActorSystem<?> system;
    private final AwrSettings settings;

    public AwrService(ActorRef<WorkloadRepository.Command> repository, ActorSystem<?> system, AwrSettings settings) {
        this.repository = repository;
        this.system = system;
        this.settings = settings;
    }

    /** Spawns the repository as a child of {@code context}'s actor, subscribed to {@code ash}'s sample stream. */
    public static AwrService start(ActorContext<?> context, AwrSettings settings, WorkloadRepository.NodeInfo node,
            AwrCounters.Source counters, ActiveSessionHistory ash) {
        ActorRef<WorkloadRepository.Command> ref = context.spawn(WorkloadRepository.create(settings, node, counters,
                id -> ash.identity(id).map(i -> new AwrSnapshot.SessionInfo(i.sessionId(), i.user(), i.program(),
                        i.clientAddress())).orElse(null), ash.stream(), System::currentTimeMillis), "awr");
        return new AwrService(ref, context.getSystem(), settings);
    }

    public AwrSettings settings() {
        return settings;
    }

    public CompletionStage<AwrSnapshot> takeSnapshot() {
        return AskPattern.askWithStatus(repository, WorkloadRepository.TakeSnapshot::new, TIMEOUT, system.scheduler());
    }

    public CompletionStage<Baseline> createBaseline(String name, long start, long end, String description,
            String type) {
        return AskPattern.askWithStatus(repository,
                (ActorRef<StatusReply<Baseline>> r) -> new WorkloadRepository.CreateBaseline(name, start, end,
                        description, type, r), TIMEOUT, system.scheduler());
    }

    public CompletionStage<Baseline> dropBaseline(String name) {
        return AskPattern.askWithStatus(repository,
                (ActorRef<StatusReply<Baseline>> r) -> new WorkloadRepository.DropBaseline(name, r), TIMEOUT,
                system.scheduler());
    }

    public CompletionStage<List<Long>> purge() {
        return AskPattern.ask(repository, WorkloadRepository.Purge::new, TIMEOUT, system.scheduler());
    }

    public CompletionStage<AwrState> state() {
        return AskPattern.ask(repository, WorkloadRepository.GetState::new, TIMEOUT, system.scheduler());
    }

    /** The report from snapshot {@code start} to {@code end}. */
    public static AwrReport report(AwrState state, long start, long end) {
        return AwrReportBuilder.build(state.range(start, end));
    }

    /** The range {@code start..end} against baseline {@code name}. */
    public static AwrComparison compare(AwrState state, String name, long start, long end) {
        Baseline b = state.baseline(name).orElseThrow(() -> AwrException.notFound("baseline '" + name
                + "' does not exist"));
        AwrReport current = report(state, start, end);
        AwrReport base;
        try {
            base = report(state, b.startSnapshotId(), b.endSnapshotId());
        } catch (AwrException e) {
            throw AwrException.invalid("baseline '" + name + "' cannot be reported: " + e.getMessage());
        }
        return AwrComparison.of(b, base, current);
    }
}
