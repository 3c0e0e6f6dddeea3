/** The Spring Boot OTP example: send a WhatsApp code, log its receipts. */
package io.connect8x8.examples.otp;
