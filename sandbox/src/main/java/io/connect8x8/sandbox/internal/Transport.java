package io.connect8x8.sandbox.internal;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's socket transport: Netty's io_uring transport where it runs (Linux x86-64 with io_uring allowed, Netty
 * 4.2), else the JDK's NIO. Most of a send's cost is the kernel's, a {@code read} and a {@code write} system call
 * per request; io_uring submits an event loop's reads and writes in batches instead (docs/benchmarks-simulator.md).
 *
 * @param ioUring whether this is io_uring (else NIO)
 */
record Transport(boolean ioUring) {

    /** The system property that forces NIO when set to {@code nio}. */
    static final String PROPERTY = "connect8x8.sandbox.transport";

    private static final Logger LOG = LoggerFactory.getLogger(Transport.class);

    /** {@return io_uring where it runs, unless the system property asks for NIO; read at each server's start} */
    static Transport choose() {
        return new Transport(!"nio".equals(System.getProperty(PROPERTY)) && IoUring.AVAILABLE);
    }

    /**
     * A server's event loops: one that accepts connections and those that serve them, of one transport.
     *
     * @param transport the transport they run on
     * @param acceptor the accepting loop
     * @param workers the serving loops
     */
    record Loops(Transport transport, EventLoopGroup acceptor, EventLoopGroup workers) {
    }

    /**
     * Starts a server's event loops on the {@linkplain #choose() chosen} transport. Netty's availability check
     * creates one small ring; the loops' own rings can still fail (a memory limit reached, a Netty io_uring property
     * out of range), and then the server starts on NIO with a warning rather than not at all.
     *
     * @param threads how many serving loops
     * @return the loops
     */
    static Loops start(int threads) {
        Transport chosen = choose();
        if (chosen.ioUring) {
            EventLoopGroup acceptor = null;
            try {
                acceptor = chosen.eventLoops(1, "sandbox-accept");
                return new Loops(chosen, acceptor, chosen.eventLoops(threads, "sandbox-http"));
            } catch (RuntimeException | LinkageError e) {
                if (acceptor != null) {
                    acceptor.shutdownGracefully(0, 0, TimeUnit.SECONDS);
                }
                LOG.warn("io_uring event loops could not start ({}); serving on NIO", e.toString());
            }
        }
        Transport nio = new Transport(false);
        return new Loops(nio, nio.eventLoops(1, "sandbox-accept"), nio.eventLoops(threads, "sandbox-http"));
    }

    /**
     * Event loops of daemon threads.
     *
     * @param threads how many
     * @param name the threads' name prefix
     * @return the group
     */
    @SuppressWarnings("deprecation")
    EventLoopGroup eventLoops(int threads, String name) {
        DefaultThreadFactory factory = new DefaultThreadFactory(name, true);
        // NIO through Netty 4.1's group, which 4.2 keeps: a Spring Boot 3 application pins Netty 4.1 for its whole
        // class path, the simulator's included, and 4.2's MultiThreadIoEventLoopGroup does not exist there.
        return ioUring ? IoUring.eventLoops(threads, factory)
                : new io.netty.channel.nio.NioEventLoopGroup(threads, factory);
    }

    /** {@return the listening socket's channel class, of the same transport as the event loops} */
    Class<? extends ServerChannel> serverChannel() {
        return ioUring ? IoUring.serverChannel() : io.netty.channel.socket.nio.NioServerSocketChannel.class;
    }

    /** {@return "io_uring" or "nio"} */
    @Override
    public String toString() {
        return ioUring ? "io_uring" : "nio";
    }

    /** The io_uring classes, referenced only here: a class path without them, or Netty 4.1's, never loads them. */
    static final class IoUring {

        /** Whether io_uring runs here: its classes, its native library and the kernel's consent. */
        static final boolean AVAILABLE = available();

        private IoUring() {
        }

        private static boolean available() {
            try {
                // Netty 4.1 (Spring Boot 3) has no IoHandlerFactory: the 4.2 io_uring jar cannot run on it.
                Class.forName("io.netty.channel.IoHandlerFactory", false, Transport.class.getClassLoader());
                return io.netty.channel.uring.IoUring.isAvailable();
            } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
                return false;
            }
        }

        private static EventLoopGroup eventLoops(int threads, DefaultThreadFactory factory) {
            return new io.netty.channel.MultiThreadIoEventLoopGroup(threads, factory,
                    io.netty.channel.uring.IoUringIoHandler.newFactory());
        }

        private static Class<? extends ServerChannel> serverChannel() {
            return io.netty.channel.uring.IoUringServerSocketChannel.class;
        }
    }
}
