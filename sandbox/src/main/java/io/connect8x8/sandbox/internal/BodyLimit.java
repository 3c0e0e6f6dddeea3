package io.connect8x8.sandbox.internal;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * The request body limit: bodies are gathered up to {@code maxBodyBytes}; a larger one is answered 413 in 8x8's
 * envelope as soon as its declared length (or what arrived) is over the limit, never kept, and the connection
 * closed as {@link Responses#closeAfter} does.
 */
final class BodyLimit extends HttpObjectAggregator {

    private final Clock clock;

    BodyLimit(int maxBodyBytes, Clock clock) {
        super(maxBodyBytes, true);
        this.clock = clock;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        Responses.closeAfter(ctx, ctx.writeAndFlush(tooLarge()));
    }

    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        Object response = super.newContinueResponse(start, maxContentLength, pipeline);
        if (response instanceof HttpResponse refused && refused.status().code() >= 400) {
            // The library's own answers (417) carry no body: 8x8's envelope instead, and the connection closes.
            return HttpUtil.getContentLength(start, -1L) > maxContentLength ? tooLarge()
                    : Responses.error(HttpResponseStatus.EXPECTATION_FAILED, 1000, "Unsupported expectation", clock);
        }
        return response;
    }

    private FullHttpResponse tooLarge() {
        return Responses.error(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, 1000, "Request body too large", clock);
    }

    /** Builds the server's own answers. */
    static final class Responses {

        /** How long a connection being closed keeps reading (and throwing away) what its client still sends. */
        static final long LINGER_MILLIS = 2_000;

        private Responses() {
        }

        /**
         * An error answer in 8x8's envelope that closes the connection.
         *
         * @param status the status
         * @param code 8x8's code
         * @param message the message
         * @param clock the simulator's clock, for the timestamp
         * @return the response
         */
        /**
         * Closes a connection whose request cannot be answered further: once the answer is written, the sending
         * side is shut (the client reads the answer, then the end), what the client still sends is read and thrown
         * away, and the connection closes when the client closes it or after {@link #LINGER_MILLIS}. Closing at
         * once would reset the connection while a client still writes its request (a large body or header), and
         * the reset would destroy the answer before the client reads it.
         *
         * @param ctx the connection
         * @param written the answer being written
         */
        static void closeAfter(ChannelHandlerContext ctx, ChannelFuture written) {
            written.addListener(done -> {
                if (!done.isSuccess() || !(ctx.channel() instanceof SocketChannel socket)) {
                    ctx.close();
                    return;
                }
                socket.shutdownOutput();
                ctx.executor().schedule(() -> ctx.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS);
            });
        }

        static FullHttpResponse error(HttpResponseStatus status, int code, String message, Clock clock) {
            byte[] body = Json.bytes(Json.errorBody(code, message, clock.instant()));
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                    Unpooled.wrappedBuffer(body));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            return response;
        }
    }
}
