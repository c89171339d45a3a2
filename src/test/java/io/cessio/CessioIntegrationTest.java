package io.cessio;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * A full application context on the test database, with MockMvc. Every class using this
 * one annotation shares the same cached context, which keeps the suite fast.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// the jobs are driven by hand in tests, with the clock where each test wants it
@SpringBootTest(properties = "cessio.jobs.enabled=false")
@AutoConfigureMockMvc
@Import(TestcontainersConfiguration.class)
@ExtendWith(LedgerInvariantsCheck.class)
public @interface CessioIntegrationTest {

}
