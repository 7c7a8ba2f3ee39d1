package io.rustydb.pgwire;

import java.util.ArrayDeque;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.FlowShape;
import org.apache.pekko.stream.Inlet;
import org.apache.pekko.stream.Outlet;
import org.apache.pekko.stream.stage.AbstractInHandler;
import org.apache.pekko.stream.stage.AbstractOutHandler;
import org.apache.pekko.stream.stage.GraphStage;
import org.apache.pekko.stream.stage.GraphStageLogic;
import org.apache.pekko.util.ByteString;

/**
 * Stream stage that turns the connection's bytes into {@link FrontendMessage}s with
 * {@link PgFramer}. It reads ahead only while no complete message is waiting, so a slow session
 * back-pressures the client. After the framer stops, further bytes are read and dropped until the
 * connection closes.
 */
final class PgFrameDecoder extends GraphStage<FlowShape<ByteString, FrontendMessage>> {
    private final Inlet<ByteString> in = Inlet.create("PgFrameDecoder.in");
    private final Outlet<FrontendMessage> out = Outlet.create("PgFrameDecoder.out");
    private final FlowShape<ByteString, FrontendMessage> shape = FlowShape.of(in, out);
    private final int maxMessageSize;

    PgFrameDecoder(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    @Override
    public FlowShape<ByteString, FrontendMessage> shape() {
        return shape;
    }

    @Override
    public GraphStageLogic createLogic(Attributes inheritedAttributes) {
        return new GraphStageLogic(shape) {
            private final PgFramer framer = new PgFramer(maxMessageSize);
            private final ArrayDeque<FrontendMessage> pending = new ArrayDeque<>();

            {
                setHandler(in, new AbstractInHandler() {
                    @Override
                    public void onPush() {
                        framer.feed(grab(in), pending::add);
                        deliver();
                    }

                    @Override
                    public void onUpstreamFinish() {
                        if (pending.isEmpty()) {
                            completeStage();
                        }
                    }
                });
                setHandler(out, new AbstractOutHandler() {
                    @Override
                    public void onPull() {
                        deliver();
                    }
                });
            }

            private void deliver() {
                if (isAvailable(out) && !pending.isEmpty()) {
                    push(out, pending.poll());
                }
                if (pending.isEmpty()) {
                    if (isClosed(in)) {
                        completeStage();
                    } else if (!hasBeenPulled(in)) {
                        pull(in);
                    }
                }
            }
        };
    }
}
