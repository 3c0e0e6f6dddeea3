package io.connect8x8.sandbox.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One connection's requests, in order: a request HTTP cannot frame is answered 400 in 8x8's envelope and the
 * connection closed (nothing after it can be trusted); a request target that is no path (or a path with a broken
 * percent escape) is answered 400 and the connection kept; every other request goes to the {@link Router}, on the
 * event loop when it cannot wait ({@link Router#answersAtOnce}), else on a request thread. Requests a client sends
 * before reading the answers (pipelining) are answered one after the other, in order.
 */
final class HttpChannel extends SimpleChannelInboundHandler<FullHttpRequest> implements Exchange.Sink {

    private static final System.Logger LOG = System.getLogger(HttpChannel.class.getName());
    /** The answers' type that is the simulator's own constant. */
    private static final String JSON = "application/json";
    /** Headers without the name and value checks, for answers whose headers are all the simulator's constants. */
    private static final HttpHeadersFactory OWN_HEADERS = DefaultHttpHeadersFactory.headersFactory()
            .withValidation(false);

    private final Router router;
    private final Executor requestThreads;
    private final Clock clock;
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private Pending current;

    /** A request whose body was copied out of the channel's buffers, waiting for its turn. */
    private record Pending(Exchange exchange, HttpVersion version, boolean keepAlive, String invalid) {
    }

    HttpChannel(Router router, Executor requestThreads, Clock clock) {
        this.router = router;
        this.requestThreads = requestThreads;
        this.clock = clock;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        DecoderResult result = request.decoderResult();
        if (!result.isSuccess()) {
            // The decoder stops reading the connection after a framing error: answer, then close.
            waiting.clear();
            BodyLimit.Responses.closeAfter(ctx, ctx.writeAndFlush(BodyLimit.Responses.error(
                    HttpResponseStatus.BAD_REQUEST, 1000, framingError(result.cause()), clock)));
            return;
        }
        String uri = request.uri();
        int query = uri.indexOf('?');
        String rawPath = pathOf(query < 0 ? uri : uri.substring(0, query));
        String path = rawPath == null ? null : UriDecoding.path(rawPath);
        byte[] body = ByteBufUtil.getBytes(request.content());
        String invalid = rawPath == null ? "Invalid request target: not a path"
                : path == null ? "Invalid request path: a broken percent escape, or not UTF-8" : null;
        waiting.add(new Pending(new Exchange(request.method().name(), path == null ? "" : path,
                query < 0 ? null : uri.substring(query + 1), request.headers(), body, this),
                request.protocolVersion(), HttpUtil.isKeepAlive(request), invalid));
        if (current == null) {
            next();
        }
    }

    private void next() {
        Pending pending = waiting.poll();
        current = pending;
        if (pending == null) {
            return;
        }
        Exchange exchange = pending.exchange();
        if (pending.invalid() != null) {
            // The framing is sound: the connection stays open.
            exchange.send(400, "application/json", Json.bytes(Json.errorBody(1000, pending.invalid(),
                    clock.instant())));
        } else if (router.answersAtOnce(exchange)) {
            router.handle(exchange);
        } else {
            requestThreads.execute(() -> router.handle(exchange));
        }
    }

    /** Writes an exchange's answer; called once per exchange, from the event loop or a request thread. */
    @Override
    public void answer(Exchange exchange, int status, String contentType, byte[] body) {
        if (!ctx.executor().inEventLoop()) {
            try {
                ctx.executor().execute(() -> answer(exchange, status, contentType, body));
            } catch (RejectedExecutionException closed) {
                // The simulator closed (its loops ended and the connection with them) while a request thread, woken
                // by the close from a latency wait, answered: there is nobody left to answer.
            }
            return;
        }
        Pending pending = current;
        if (pending == null || pending.exchange() != exchange) {
            return;
        }
        if (status < 0) {
            ctx.close();
            return;
        }
        Map<String, String> extra = exchange.responseHeadersIfAny();
        ByteBuf content = body == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body);
        FullHttpResponse response;
        HttpHeaders headers;
        boolean keepAlive;
        if (extra.isEmpty() && JSON.equals(contentType)) {
            // A JSON answer with no header of its own (every send's): the simulator's own constant names and values,
            // which need no checking, and no trailers to make (a full answer with a length writes none).
            response = new DefaultFullHttpResponse(pending.version(), HttpResponseStatus.valueOf(status), content,
                    OWN_HEADERS.newHeaders(), EmptyHttpHeaders.INSTANCE);
            headers = response.headers();
            headers.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
            keepAlive = pending.keepAlive();
        } else {
            response = new DefaultFullHttpResponse(pending.version(), HttpResponseStatus.valueOf(status), content);
            headers = response.headers();
            for (Map.Entry<String, String> header : extra.entrySet()) {
                headers.set(header.getKey(), header.getValue());
            }
            if (contentType != null) {
                headers.set(HttpHeaderNames.CONTENT_TYPE, contentType);
            }
            keepAlive = pending.keepAlive() && !"close".equalsIgnoreCase(headers.get(HttpHeaderNames.CONNECTION));
        }
        if (status != 204 && status != 304) {
            headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body == null ? 0 : body.length);
        }
        HttpUtil.setKeepAlive(response, keepAlive);
        if (!keepAlive) {
            waiting.clear();
            BodyLimit.Responses.closeAfter(ctx, ctx.writeAndFlush(response));
            return;
        }
        // Nothing waits on this write: the void promise spares the encoder a promise per buffer it writes (and
        // their combiner); a failed write reaches exceptionCaught, which closes the connection.
        ctx.writeAndFlush(response, ctx.voidPromise());
        next();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent && current == null) {
            // A connection silent for the idle time, with no request being answered, is closed.
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(System.Logger.Level.DEBUG, "sandbox connection failed", cause);
        ctx.close();
    }

    private static String framingError(Throwable cause) {
        if (cause instanceof TooLongHttpHeaderException) {
            return "Request header fields too large";
        }
        if (cause instanceof TooLongHttpLineException) {
            return "Request line too long";
        }
        String detail = cause == null || cause.getMessage() == null ? cause == null ? "" : cause.getClass()
                .getSimpleName() : cause.getMessage();
        return "Malformed HTTP request" + (detail.isEmpty() ? "" : ": " + detail);
    }

    /** The path of an origin-form ({@code /a/b}) or absolute-form ({@code http://host/a/b}) target, else null. */
    private static String pathOf(String target) {
        if (target.startsWith("/")) {
            return target;
        }
        int scheme = target.indexOf("://");
        if (scheme > 0 && target.regionMatches(true, 0, "http", 0, 4)) {
            int slash = target.indexOf('/', scheme + 3);
            return slash < 0 ? "/" : target.substring(slash);
        }
        return null;
    }
}
