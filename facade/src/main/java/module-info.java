/**
 * The connect8x8 client: {@link io.connect8x8.Connect8x8Client} and its SMS, Messaging Apps and webhook types.
 *
 * <p>Only the API packages are exported. {@code io.connect8x8.internal} (the send pipeline, the mapping to the
 * generated models, the transport) is neither exported nor opened: code on the module path, users and the other
 * connect8x8 modules alike, cannot compile against it or reach it by reflection. The facade reflects only on the
 * generated client's models, which that automatic module opens; nothing reflects on the facade's own classes, so
 * nothing is opened.
 */
// "module": the name keeps the jars' published Automatic-Module-Name, whose "connect8x8" ends in digits (javac
// advises against terminal digits, which look like versions). "requires-transitive-automatic": the generated
// client and OkHttp publish no descriptor, only a stable Automatic-Module-Name, and both are in the API's
// signatures (GeneratedApis, Connect8x8Client.Builder#httpClient), so users must read them.
@SuppressWarnings({"module", "requires-transitive-automatic"})
module io.connect8x8.facade {
    // In the public signatures: GeneratedApis returns the generated APIs; the builder takes an OkHttpClient;
    // RawJson and ChatContent#interactive take and give Gson's JsonObject; ReceiptReceiver#asHttpHandler gives the
    // JDK server's HttpHandler.
    requires transitive io.connect8x8.generated;
    requires transitive okhttp3;
    requires transitive com.google.gson;
    requires transitive jdk.httpserver;
    // Used inside only.
    requires okio;
    // OkHttp and okio are written in Kotlin, and as automatic modules they cannot say that they need its runtime:
    // a named module on the module path is resolved only when something requires it, so the facade does, or the
    // first request would fail with NoClassDefFoundError: kotlin/... (OkHttp 4's known module-path pitfall).
    requires kotlin.stdlib;
    // For the generated client, an automatic module as well: its JSON class loads java.sql.Date, and without this a
    // user's module fails its first send with NoClassDefFoundError: java/sql/Date (ModuleBoundaryTest).
    requires java.sql;
    requires com.google.i18n.phonenumbers.libphonenumber;
    requires org.slf4j;

    exports io.connect8x8;
    exports io.connect8x8.api;
    exports io.connect8x8.sms;
    exports io.connect8x8.chatapps;
    exports io.connect8x8.webhooks;
}
