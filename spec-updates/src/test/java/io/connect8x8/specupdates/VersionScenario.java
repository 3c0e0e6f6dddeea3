package io.connect8x8.specupdates;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.api.ApiResult;
import io.connect8x8.api.OperationCall;
import io.connect8x8.api.OperationNotFoundException;
import io.connect8x8.api.Operations;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.chatapps.ChatResult;
import io.connect8x8.sms.Sms;
import io.connect8x8.sms.SmsResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a user does with the facade, run by {@link VersionsTest} inside the facade compiled against another published
 * version of 8x8's documents (a class loader of its own, so every {@code io.connect8x8} class here is that build's):
 * a typed SMS and chat send (the hand-written mapping), each operation the conveniences call (message details and
 * cancel of both APIs, templates list, file upload, balance), and one operation through the generic path. The input
 * holds {@code url} (the loopback server) and {@code file} (a file to upload); the answer is one line per call.
 */
public final class VersionScenario implements Function<Map<String, String>, List<String>> {

    /** The key the scenario's client sends. */
    static final String KEY = "test-key-0123456789";
    /** An account id as 8x8's documents declare one, 32 hex digits: the generic path checks it against them. */
    static final String ACCOUNT = "0123456789abcdef0123456789abcdef";

    @Override
    public List<String> apply(Map<String, String> input) {
        String url = input.get("url");
        List<String> lines = new ArrayList<>();
        try (Connect8x8Client client = Connect8x8Client.builder().apiKey(KEY).subAccountId("acme.sub_1")
                .accountId(ACCOUNT).smsBaseUrl(url + "sms").chatAppsBaseUrl(url + "chat")
                .idGenerator(() -> "id-1").build()) {
            SmsResult sms = client.sms().send(Sms.builder().to("+6512345678").text("Hi").build());
            lines.add("sms " + sms.umid() + " " + sms.status());
            ChatResult chat = client.chatApps().send(ChatMessage.builder().to("+6512345678").text("Hi").build());
            lines.add("chat " + chat.umid() + " " + chat.state());
            Operations api = client.api();
            lines.add(line(api.sms().status("u-1")));
            lines.add(line(api.sms().cancel("u-2")));
            lines.add(line(api.chatApps().status("u-3")));
            lines.add(line(api.chatApps().cancel("u-4")));
            lines.add(line(api.whatsAppTemplates().list("ch-1")));
            ApiResult upload = api.files().upload(Path.of(input.get("file")));
            lines.add(line(upload));
            lines.add("url " + api.files().url(upload));
            ApiResult balance = api.balance();
            lines.add(line(balance) + " " + balance.model().getClass().getName() + " "
                    + balance.operation().artifact());
            lines.add(line(api.call(OperationCall.of("messaging-apps:Download-File").param("token", "t-1"))));
            try {
                api.call(OperationCall.of("messaging-apps:get-call-permission-status"));
                lines.add("called get-call-permission-status");
            } catch (OperationNotFoundException e) {
                // The hint names this module's artifact (its index says so), and the published one to add.
                lines.add("not found " + e.operationId() + " "
                        + e.getMessage().substring(e.getMessage().indexOf('(')));
            }
        }
        return lines;
    }

    private static String line(ApiResult result) {
        return result.operation().qualifiedId() + " " + result.status();
    }
}
