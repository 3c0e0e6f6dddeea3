package io.connect8x8.specupdates.versions;

import io.connect8x8.generated.messaging.api.MessagingApi;
import io.connect8x8.generated.sms.api.SmsApi;
import java.util.List;

/**
 * The operations the facade's conveniences call by operationId (message status and cancel of both APIs, WhatsApp
 * templates, file upload and download, balance), named as the generated methods of a document version: compiled with
 * the facade's sources against each version spec-updates builds, so that a version without one of them fails the build
 * here, javac naming the method ({@code cannot find symbol ... method getWhatsappTemplatesCall}). The generic path
 * itself binds parameters by name; a changed parameter list fails here too, and then this class is what to adapt.
 * {@code VersionsTest} checks that {@link #IDS} is exactly what the facade's conveniences call.
 */
final class ConvenienceOperations {

    /** The operationIds, as the facade's conveniences spell them (the Verification API's aside: no set here has it). */
    static final List<String> IDS = List.of(
            "sms:get-sms-message-details", "sms:cancel-scheduled-message", "sms:cancel-many-sms-messages",
            "sms:get-account-balance",
            "messaging-apps:get-chatapps-message-details", "messaging-apps:cancel-scheduled-message-1",
            "messaging-apps:cancel-many-chat-apps-messages",
            "messaging-apps:get-whatsapp-templates", "messaging-apps:add-whatsapp-template",
            "messaging-apps:remove-wa-template", "messaging-apps:Upload-File",
            "messaging-apps:Download-File");

    private ConvenienceOperations() {
    }

    /** Never run: it only has to compile. In the order of {@link #IDS}. */
    static void compiles(SmsApi sms, MessagingApi messaging) throws Exception {
        sms.getSmsMessageDetailsCall(null, null, null);
        sms.cancelScheduledMessageCall(null, null, null);
        sms.cancelManySmsMessagesCall(null, null, null);
        sms.getAccountBalanceCall(null, null);
        messaging.getChatappsMessageDetailsCall(null, null, null);
        messaging.cancelScheduledMessage1Call(null, null, null);
        messaging.cancelManyChatAppsMessagesCall(null, null, null);
        messaging.getWhatsappTemplatesCall(null, null, null);
        messaging.addWhatsappTemplateCall(null, null, null, null);
        messaging.removeWaTemplateCall(null, null, null, null);
        messaging.uploadFileCall(null, null, null);
        // This version's Download-File takes the token alone (today's also the file name: MediaFiles adapts).
        messaging.downloadFileCall(null, null);
    }
}
