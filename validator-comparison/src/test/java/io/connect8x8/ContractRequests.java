package io.connect8x8;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The requests the facade's contract tests validate: {@link ContractTest} is run here, as it is in the facade's
 * build, and every request its {@link SpecValidator} checked is returned (it lives in this package, hence this
 * class's).
 */
public final class ContractRequests {

    private ContractRequests() {
    }

    /**
     * One request as the facade sent it.
     *
     * @param document the document the contract test checked it against ({@code sms.json} or
     *     {@code messaging-apps.json})
     * @param method the HTTP method
     * @param path the path below the API's base URL
     * @param headers the headers sent (names in lower case)
     * @param body the body sent
     */
    public record Request(String document, String method, String path, Map<String, List<String>> headers,
            String body) {
    }

    /**
     * Runs the contract tests and collects what they validated.
     *
     * @return the requests, in the order the tests checked them
     * @throws AssertionError if a contract test failed or none ran
     */
    public static List<Request> collect() {
        LauncherDiscoveryRequest discovery = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(ContractTest.class)).build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(discovery, listener);
        TestExecutionSummary summary = listener.getSummary();
        if (summary.getTotalFailureCount() > 0 || summary.getTestsSucceededCount() == 0) {
            throw new AssertionError("the contract tests did not pass: " + summary.getTestsSucceededCount()
                    + " passed, " + summary.getFailures());
        }
        return SpecValidator.checked().stream()
                .map(c -> new Request(c.document(), c.method(), c.path(), c.headers(), c.body()))
                .toList();
    }
}
