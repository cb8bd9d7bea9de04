package org.dailypapers;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class that runs against PostgreSQL ({@code DAILYPAPERS_TEST_POSTGRES_URL}): skipped without it on a
 * developer's machine, failed without it in CI (see {@link RequiredComponent}). Checked before the Spring context
 * (and its schema) is made.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(NeedsPostgres.Check.class)
public @interface NeedsPostgres {

    final class Check implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            RequiredComponent.require(
                    TestDatabases.postgresUrl() != null,
                    "PostgreSQL is not configured: set " + TestDatabases.POSTGRES_URL_ENV
                            + " (.ci/run installs and starts a local server and sets it)");
        }
    }
}
