/**
 * The auto-configurations of the connect8x8 starter, listed in
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}. Not to be used directly.
 */
package io.connect8x8.spring.autoconfigure;
