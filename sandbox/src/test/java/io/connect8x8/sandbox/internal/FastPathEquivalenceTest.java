package io.connect8x8.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The send validators' fast path ({@link CompiledSchema}) never accepts a body the validator library would refuse:
 * valid bodies of every send, and each broken at every place in every way below (field removed, wrong JSON type,
 * null, empty and very long strings, unknown enum values, bad dates, extra fields), are judged by both; wherever
 * the fast path says "valid", the library finds nothing. And the valid bodies do take the fast path.
 */
class FastPathEquivalenceTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<JsonNode> REPLACEMENTS = List.of(NODES.nullNode(), NODES.numberNode(7),
            NODES.numberNode(7.5), NODES.booleanNode(true), NODES.textNode(""), NODES.textNode("x".repeat(40_000)),
            NODES.textNode("+6591234567"), NODES.textNode("6591234567\n"), NODES.textNode("gsm7"),
            NODES.textNode("NOT_AN_ENUM_VALUE"), NODES.textNode("2026-13-45T99:00:00Z"),
            NODES.textNode("2026-12-01T09:00:00Z"), NODES.textNode("https://example.com/a.png"),
            NODES.objectNode(), NODES.arrayNode(), NODES.arrayNode().add("x"));
    private static final List<String> EXTRA_FIELDS = List.of("scheduled", "expiry", "encoding", "source", "country",
            "clientMessageId", "dlrCallbackUrl", "track", "channels", "content", "user", "type", "template",
            "destinations", "messages", "includeMessagesInResponse", "clientBatchId", "unknownField");

    private static JsonNode json(String text) {
        return Json.parse(text.replace('\'', '"').getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static final List<JsonNode> SMS = List.of(
            json("{'destination':'+6591234567','text':'Hello from the benchmark','clientMessageId':'bench'}"),
            json("{'destination':'6591234567','text':'Hi','source':'8x8','encoding':'GSM7',"
                    + "'scheduled':'2026-12-01T09:00:00Z','expiry':'2026-12-02T09:00:00Z','country':'SG'}"));
    private static final List<JsonNode> SMS_BATCH = List.of(
            json("{'messages':[{'destination':'+6591234567','text':'a'},{'destination':'+6591234568','text':'b',"
                    + "'encoding':'UCS2'}],'clientBatchId':'b1'}"),
            json("{'destinations':['+6591234567','+6591234568'],'template':{'text':'t','source':'8x8',"
                    + "'encoding':'AUTO'},'includeMessagesInResponse':true}"));
    private static final List<JsonNode> CHAT = List.of(
            json("{'user':{'msisdn':'+6591234567'},'type':'text','content':{'text':'hello'}}"),
            json("{'user':{'msisdn':'+6591234567'},'type':'template','content':{'template':{"
                    + "'name':'your_authentication_template_name','language':'en_US','components':["
                    + "{'type':'body','parameters':[{'type':'text','text':'123456'}]},"
                    + "{'type':'button','subType':'url','index':0,'parameters':[{'type':'text','text':'123456'}]}]}}}"),
            json("{'user':{'msisdn':'+6591234567'},'type':'image','content':{'url':'https://example.com/a.png'},"
                    + "'channels':[{'channel':'WhatsApp','fallbackAfter':60},{'channel':'SMS'}],"
                    + "'clientMessageId':'c1','dlrCallbackUrl':'https://example.com/dlr'}"));
    private static final List<JsonNode> CHAT_BATCH = List.of(
            json("{'messages':[{'user':{'msisdn':'+6591234567'},'type':'text','content':{'text':'a'}}],"
                    + "'clientBatchId':'cb'}"));

    @Test
    void theFastPathNeverAcceptsWhatTheLibraryRefuses() {
        SpecValidator sms = Specs.shared().sms.join();
        SpecValidator chatApps = Specs.shared().chatApps.join();
        int[] tally = new int[3];
        check(sms, false, SMS, tally);
        check(sms, true, SMS_BATCH, tally);
        check(chatApps, false, CHAT, tally);
        check(chatApps, true, CHAT_BATCH, tally);
        assertTrue(tally[0] > 1_000, "bodies judged: " + tally[0]);
        // Both sides were exercised: broken variants the library refuses, and variants beyond the valid bases (an
        // optional field left out) that the fast path still takes. A fast path that refused everything would pass
        // the equivalence above vacuously.
        int bases = SMS.size() + SMS_BATCH.size() + CHAT.size() + CHAT_BATCH.size();
        assertTrue(tally[1] > bases, "variants the fast path took: " + tally[1]);
        assertTrue(tally[2] > bases, "variants the library refused: " + tally[2] + " of " + tally[0]);
    }

    @Test
    void validSendsTakeTheFastPath() {
        SpecValidator sms = Specs.shared().sms.join();
        JsonNode bench = SMS.get(0).deepCopy();
        assertEquals(List.of(), sms.validateWithLibrary(false, bench));
        assertTrue(sms.certainlyValid(false, bench), "the benchmark's SMS");
        assertTrue(sms.certainlyValid(true, SMS_BATCH.get(0).deepCopy()), "an SMS batch");
        SpecValidator chatApps = Specs.shared().chatApps.join();
        JsonNode text = CHAT.get(0).deepCopy();
        assertEquals(List.of(), chatApps.normaliseAndValidate(SpecValidator.SINGLE, text));
        assertTrue(chatApps.certainlyValid(false, text), "a text message");
    }

    /**
     * Judges each body and every broken variant of it by both; adds to {@code tally} the bodies judged, those the
     * fast path took and those the library refused.
     */
    private static void check(SpecValidator validator, boolean batch, List<JsonNode> bases, int[] tally) {
        String path = batch ? SpecValidator.BATCH : SpecValidator.SINGLE;
        for (JsonNode base : bases) {
            for (JsonNode body : variants(base)) {
                // As the simulator does: enum spellings normalised (in place) first, then validated.
                JsonNode normalised = body.deepCopy();
                validator.normaliseAndValidate(path, normalised);
                boolean refused = !validator.validateWithLibrary(batch, normalised).isEmpty();
                if (validator.certainlyValid(batch, normalised)) {
                    assertFalse(refused, "the fast path accepted what the library refuses: " + normalised);
                    tally[1]++;
                }
                tally[2] += refused ? 1 : 0;
                tally[0]++;
            }
        }
    }

    /** The body, and the body broken at each place (objects' fields and arrays' elements, at any depth). */
    private static List<JsonNode> variants(JsonNode base) {
        List<JsonNode> variants = new ArrayList<>();
        variants.add(base.deepCopy());
        List<List<Object>> places = new ArrayList<>();
        collect(base, new ArrayList<>(), places);
        for (List<Object> place : places) {
            variants.add(edit(base, place, null));
            for (JsonNode replacement : REPLACEMENTS) {
                variants.add(edit(base, place, replacement));
            }
        }
        for (List<Object> place : objects(base)) {
            for (String field : EXTRA_FIELDS) {
                for (JsonNode replacement : REPLACEMENTS) {
                    JsonNode copy = base.deepCopy();
                    JsonNode target = at(copy, place);
                    if (target instanceof ObjectNode object && !object.has(field)) {
                        object.set(field, replacement.deepCopy());
                        variants.add(copy);
                    }
                }
            }
        }
        return variants;
    }

    private static void collect(JsonNode node, List<Object> path, List<List<Object>> places) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                List<Object> child = new ArrayList<>(path);
                child.add(name);
                places.add(child);
                collect(node.get(name), child, places);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> child = new ArrayList<>(path);
                child.add(i);
                places.add(child);
                collect(node.get(i), child, places);
            }
        }
    }

    private static List<List<Object>> objects(JsonNode base) {
        List<List<Object>> places = new ArrayList<>();
        places.add(List.of());
        List<List<Object>> all = new ArrayList<>();
        collect(base, new ArrayList<>(), all);
        for (List<Object> place : all) {
            if (at(base, place).isObject()) {
                places.add(place);
            }
        }
        return places;
    }

    private static JsonNode at(JsonNode node, List<Object> path) {
        JsonNode current = node;
        for (Object step : path) {
            current = step instanceof String name ? current.get(name) : current.get((Integer) step);
        }
        return current;
    }

    /** A copy with the value at the place replaced, or removed when the replacement is null. */
    private static JsonNode edit(JsonNode base, List<Object> place, JsonNode replacement) {
        JsonNode copy = base.deepCopy();
        JsonNode parent = at(copy, place.subList(0, place.size() - 1));
        Object last = place.get(place.size() - 1);
        if (parent instanceof ObjectNode object) {
            if (replacement == null) {
                object.remove((String) last);
            } else {
                object.set((String) last, replacement.deepCopy());
            }
        } else if (parent instanceof ArrayNode array) {
            if (replacement == null) {
                array.remove((Integer) last);
            } else {
                array.set((Integer) last, replacement.deepCopy());
            }
        }
        return copy;
    }
}
