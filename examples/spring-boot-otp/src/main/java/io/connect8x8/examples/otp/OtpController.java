package io.connect8x8.examples.otp;

import io.connect8x8.ValidationException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /otp?to=...} sends a code; {@code GET /otp/{umid}} answers the latest receipt's state. */
@RestController
public class OtpController {

    private final OtpService otp;
    private final ReceiptLog receipts;

    /**
     * Creates the controller.
     *
     * @param otp      sends codes
     * @param receipts the receipts received so far
     */
    public OtpController(OtpService otp, ReceiptLog receipts) {
        this.otp = otp;
        this.receipts = receipts;
    }

    /**
     * Sends a code.
     *
     * @param to the recipient's number in E.164 form
     * @return the message id
     */
    @PostMapping("/otp")
    public Map<String, String> send(@RequestParam("to") String to) {
        return Map.of("umid", otp.send(to));
    }

    /**
     * The latest state of a code's message.
     *
     * @param umid the message id
     * @return the state, or 404 before the first receipt
     */
    @GetMapping("/otp/{umid}")
    public ResponseEntity<Map<String, String>> state(@PathVariable("umid") String umid) {
        return receipts.latest(umid)
                .map(receipt -> ResponseEntity.ok(Map.of("umid", umid, "state", receipt.state())))
                .orElse(ResponseEntity.notFound().build());
    }

    /**
     * Answers a bad number with 400 and the field, before anything was sent.
     *
     * @param e the facade's validation error
     * @return the answer
     */
    @ExceptionHandler(ValidationException.class)
    public ResponseEntity<Map<String, String>> invalid(ValidationException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("field", e.field(), "problem", e.problem()));
    }
}
