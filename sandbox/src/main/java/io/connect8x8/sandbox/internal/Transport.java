package io.connect8x8.sandbox.internal;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The server's socket transport: Netty's native epoll transport on Linux when its jar and library load (fewer
 * system calls and no NIO selector bookkeeping per request: the send path's largest cost is the kernel's), else the
 * JDK's NIO. The system property {@code connect8x8.sandbox.transport=nio} forces NIO. Netty 4.1's groups, which 4.2
 * keeps (deprecated for its {@code MultiThreadIoEventLoopGroup}): a Spring Boot 3 application pins Netty 4.1 for its
 * whole class path, the simulator's included, and 4.2's group does not exist there.
 */
final class Transport {

    /** Whether the native transport is used, decided once. */
    static final boolean EPOLL = !"nio".equals(System.getProperty("connect8x8.sandbox.transport")) && Native.available();

    private Transport() {
    }

    /**
     * Event loops of daemon threads.
     *
     * @param threads how many
     * @param name the threads' name prefix
     * @return the group
     */
    @SuppressWarnings("deprecation")
    static EventLoopGroup eventLoops(int threads, String name) {
        DefaultThreadFactory factory = new DefaultThreadFactory(name, true);
        return EPOLL ? Native.eventLoops(threads, factory) : new io.netty.channel.nio.NioEventLoopGroup(threads, factory);
    }

    /**
     * The listening socket's channel class.
     *
     * @return the class
     */
    static Class<? extends ServerChannel> serverChannel() {
        return EPOLL ? Native.serverChannel() : io.netty.channel.socket.nio.NioServerSocketChannel.class;
    }

    /** The epoll classes, referenced only here: a class path without the native transport never loads this. */
    private static final class Native {

        static boolean available() {
            try {
                return io.netty.channel.epoll.Epoll.isAvailable();
            } catch (LinkageError | RuntimeException e) {
                return false;
            }
        }

        @SuppressWarnings("deprecation")
        static EventLoopGroup eventLoops(int threads, DefaultThreadFactory factory) {
            return new io.netty.channel.epoll.EpollEventLoopGroup(threads, factory);
        }

        static Class<? extends ServerChannel> serverChannel() {
            return io.netty.channel.epoll.EpollServerSocketChannel.class;
        }
    }
}
