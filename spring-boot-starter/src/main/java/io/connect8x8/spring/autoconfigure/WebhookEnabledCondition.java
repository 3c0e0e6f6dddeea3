package io.connect8x8.spring.autoconfigure;

import io.connect8x8.spring.WebhookAuthorizationCheck;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Registers the webhook endpoint when {@code connect8x8.webhook.enabled} is true, or, when it is unset, when the
 * application chose how requests are authenticated ({@code connect8x8.webhook.authorization} or
 * {@code connect8x8.webhook.authorization-disabled}, or a {@link WebhookAuthorizationCheck} bean) or runs in sandbox
 * mode. An application that only sends gets
 * no endpoint.
 */
class WebhookEnabledCondition extends SpringBootCondition implements ConfigurationCondition {

    /** When beans are registered, as for {@code @ConditionalOnBean}: the application's own are known by then. */
    @Override
    public ConfigurationPhase getConfigurationPhase() {
        return ConfigurationPhase.REGISTER_BEAN;
    }

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment env = context.getEnvironment();
        Boolean enabled = env.getProperty("connect8x8.webhook.enabled", Boolean.class);
        if (enabled != null) {
            return enabled ? ConditionOutcome.match("connect8x8.webhook.enabled=true")
                    : ConditionOutcome.noMatch("connect8x8.webhook.enabled=false");
        }
        if (env.containsProperty("connect8x8.webhook.authorization")
                || env.getProperty("connect8x8.webhook.authorization-disabled", Boolean.class, false)
                || env.getProperty("connect8x8.sandbox.enabled", Boolean.class, false)) {
            return ConditionOutcome.match("webhook authorization chosen, or sandbox mode");
        }
        // The application's own configuration is registered before the auto-configurations are evaluated.
        ConfigurableListableBeanFactory beans = context.getBeanFactory();
        if (beans != null && beans.getBeanNamesForType(WebhookAuthorizationCheck.class, true, false).length > 0) {
            return ConditionOutcome.match("a WebhookAuthorizationCheck bean");
        }
        return ConditionOutcome.noMatch("no connect8x8.webhook.authorization, authorization-disabled, "
                + "WebhookAuthorizationCheck bean or sandbox");
    }
}
