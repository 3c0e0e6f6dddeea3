package io.connect8x8.webhooks;

/** Webhook bodies as 8x8 documents them, shared by the parser and receiver tests. */
final class WebhookSamples {

    private WebhookSamples() {
    }

    /** The SMS receipt sample of 8x8's "Delivery receipts for outbound SMS" page. */
    static final String SMS_RECEIPT = """
            {
              "namespace": "SMS",
              "eventType": "outbound_message_status_changed",
              "description": "SMS outbound message delivery receipt",
              "payload": {
                "umid": "9e09ac86-bd74-5465-851d-1eb5a5fdbb9a",
                "batchId": "3e09ac86-bd74-5465-851d-1eb5a5fdbb9b",
                "clientMessageId": "1e09ac86-bd74-5465-851d-1eb5a5fdbb9b",
                "clientBatchId": "2e09ac86-bd74-5465-851d-1eb5a5fdbb9b",
                "subAccountId": "SubAccount-1",
                "source": "8x8",
                "destination": "+12025550293",
                "status": {
                  "state": "undelivered",
                  "detail": "rejected_by_operator",
                  "timestamp": "2016-01-01T00:00:00Z",
                  "errorCode": 15,
                  "errorMessage": "Invalid destination"
                },
                "price": {
                  "total": 0.0375,
                  "perSms": 0.0125,
                  "currency": "USD"
                },
                "smsCount": 3
              }
            }
            """;

    /** A current (version 9) WhatsApp receipt: the documented fields plus the {@code whatsapp} object. */
    static final String CHAT_APPS_RECEIPT_V9 = """
            {
              "namespace": "ChatApps",
              "eventType": "outbound_message_status_changed",
              "description": "ChatApps outbound message delivery receipt",
              "version": 9,
              "payload": {
                "umid": "0b1e2f36-8c3a-4f6e-9d6b-6a2d3c1e0f01",
                "batchId": "5c2d6e1a-0b7f-4e55-8a8e-1f2d3c4b5a60",
                "clientMessageId": "order-42",
                "clientBatchId": "campaign-7",
                "subAccountId": "Acme_WA",
                "channel": "whatsapp",
                "user": {
                  "msisdn": "+6512345678",
                  "channelUserId": "6512345678"
                },
                "status": {
                  "state": "undelivered",
                  "detail": "rejected_by_operator",
                  "timestamp": "2025-05-05T09:15:57.1234567Z",
                  "errorCode": 15,
                  "errorMessage": "Invalid destination"
                },
                "whatsapp": {
                  "providerErrorCode": "131026",
                  "pricingCategory": "utility"
                }
              }
            }
            """;

    /** The older WhatsApp receipt of 8x8's "Delivery receipts for Outbound Messaging Apps" page: no version. */
    static final String CHAT_APPS_RECEIPT_V8 = """
            {
              "namespace": "ChatApps",
              "eventType": "outbound_message_status_changed",
              "description": "ChatApps outbound message delivery receipt",
              "payload": {
                "umid": "0b1e2f36-8c3a-4f6e-9d6b-6a2d3c1e0f02",
                "batchId": "5c2d6e1a-0b7f-4e55-8a8e-1f2d3c4b5a60",
                "clientMessageId": "order-43",
                "clientBatchId": "campaign-7",
                "subAccountId": "Acme_WA",
                "channel": "whatsapp",
                "user": {
                  "msisdn": "+6512345678",
                  "channelUserId": "6512345678"
                },
                "status": {
                  "state": "delivered",
                  "detail": "delivered_to_recipient",
                  "timestamp": "2025-05-05T09:15:57.00Z"
                }
              }
            }
            """;

    /** The inbound SMS sample of 8x8's "Inbound SMS" page. */
    static final String SMS_INBOUND = """
            {
              "namespace": "SMS",
              "eventType": "inbound_message_received",
              "description": "SMS inbound message",
              "payload": {
                "umid": "9e09ac86-bd74-5465-851d-1eb5a5fdbb9a",
                "subAccountId": "SubAccount-1",
                "timestamp": "2016-01-01T14:34:56.017Z",
                "source": "+6581968289",
                "destination": "+4534735477",
                "body": "Test MO message",
                "encoding": "GSM7",
                "smsCount": 2,
                "price": {
                  "total": 0.0446592,
                  "perSms": 0.0446592,
                  "currency": "EUR"
                }
              }
            }
            """;

    /** The inbound text sample of 8x8's "Inbound Messaging Apps message" page. */
    static final String CHAT_APPS_INBOUND_TEXT = """
            {
              "namespace": "ChatApps",
              "eventType": "inbound_message_received",
              "description": "ChatApps inbound message",
              "payload": {
                "umid": "9e09ac86-bd74-5465-851d-1eb5a5fdbb9a",
                "subAccountId": "SubAccount-1",
                "timestamp": "2016-01-01T14:34:56.017Z",
                "user": {
                  "msisdn": "+12025550023",
                  "channelUserId": "12025550023"
                },
                "recipient": {
                  "channel": "whatsapp",
                  "channelId": "269a57f4-3522-eb11-8278-00155d9f27ac"
                },
                "type": "Text",
                "content": {
                  "text": "Test message"
                },
                "replyToUmid": "777a57f4-bd74-eb11-851d-00155d9fer55"
              }
            }
            """;

    /** A version 9 WhatsApp receipt with the given umid, state, detail (may be null) and timestamp. */
    static String chatAppsReceipt(String umid, String state, String detail, String timestamp) {
        return """
                {"namespace": "ChatApps", "eventType": "outbound_message_status_changed", "version": 9,
                 "payload": {"umid": "%s", "channel": "whatsapp", "user": {"msisdn": "+6512345678"},
                  "status": {"state": "%s", %s"timestamp": "%s"}}}
                """.formatted(umid, state, detail == null ? "" : "\"detail\": \"" + detail + "\", ", timestamp);
    }
}
