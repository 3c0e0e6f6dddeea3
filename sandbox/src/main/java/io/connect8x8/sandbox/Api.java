package io.connect8x8.sandbox;

/** Which of the two simulated 8x8 APIs a message was sent to. */
public enum Api {
    /** The SMS API, under {@link Sandbox#smsBaseUrl()}. */
    SMS,
    /** The Messaging Apps API (WhatsApp and the other chat apps), under {@link Sandbox#chatAppsBaseUrl()}. */
    CHAT_APPS
}
