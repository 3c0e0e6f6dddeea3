/**
 * The connect8x8 client: {@link io.connect8x8.Connect8x8Client} and its SMS and Messaging Apps types. Only the API
 * packages are exported; {@code io.connect8x8.internal} is neither exported nor opened, so no code on the module path
 * can compile against it or reach it by reflection.
 */
// "module": the name keeps the jars' published Automatic-Module-Name, whose "connect8x8" ends in digits.
// "requires-transitive-automatic": the generated client and OkHttp publish only an Automatic-Module-Name, and both
// are in the API's signatures (GeneratedApis, Connect8x8Client.Builder#httpClient).
@SuppressWarnings({"module", "requires-transitive-automatic"})
module io.connect8x8.facade {
    // In the public signatures: the generated APIs, OkHttpClient, and Gson's JsonObject (RawJson, ChatContent).
    requires transitive io.connect8x8.generated;
    requires transitive okhttp3;
    requires transitive com.google.gson;
    requires okio;
    // OkHttp and okio are written in Kotlin and, as automatic modules, cannot require its runtime: without this the
    // first request on the module path fails with NoClassDefFoundError: kotlin/...
    requires kotlin.stdlib;
    // The generated client's JSON class loads java.sql.Date (ModuleBoundaryTest).
    requires java.sql;
    requires com.google.i18n.phonenumbers.libphonenumber;
    requires org.slf4j;

    exports io.connect8x8;
    exports io.connect8x8.api;
    exports io.connect8x8.sms;
    exports io.connect8x8.chatapps;
}
