package com.example.otp;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.sms.Sms;
import io.connect8x8.sms.SmsResult;

/** What a user's application does with connect8x8: send a one-time code by SMS. */
public final class OtpSender {

    private final Connect8x8Client client;

    /**
     * Creates a sender.
     *
     * @param client the client to send with; the caller owns and closes it
     */
    public OtpSender(Connect8x8Client client) {
        this.client = client;
    }

    /**
     * Sends a code.
     *
     * @param phoneNumber the destination in E.164
     * @param code the code
     * @return the API's answer
     */
    public SmsResult send(String phoneNumber, String code) {
        return client.sms().send(Sms.builder().to(phoneNumber).from("8x8").text("Your code is " + code).build());
    }
}
