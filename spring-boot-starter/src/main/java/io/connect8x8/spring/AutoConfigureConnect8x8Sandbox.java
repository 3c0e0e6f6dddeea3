package io.connect8x8.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * Runs a Spring test against the local simulator: the same as {@code connect8x8.sandbox.enabled=true}. The
 * {@code connect8x8-sandbox} module must be on the test class path. The simulator starts with the application
 * context, the {@code Connect8x8Client} bean sends to it, and it posts delivery receipts to the application's webhook
 * endpoint (on the server's port, so use {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} to receive them).
 * The {@link SandboxServer} bean gives the running {@code Sandbox} for assertions.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TestPropertySource(properties = "connect8x8.sandbox.enabled=true")
public @interface AutoConfigureConnect8x8Sandbox {
}
