package io.tierwatch.order.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import io.tierwatch.order.Http;
import io.tierwatch.order.Orders;
import io.tierwatch.testsupport.ForgedTokens;
import io.tierwatch.testsupport.RealInfrastructure;

/**
 * With the issuer unreachable a token cannot be checked: that is this service's outage, a 503 with
 * Retry-After the caller retries, not a 500, and not a 401 that would send it for another token.
 */
@ExtendWith(RealInfrastructure.class)
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=order-service", "tierwatch.security.issuer-uri=http://127.0.0.1:1"})
class IssuerDownIT {

    @LocalServerPort
    int port;

    @Test
    void answers503WhileTheIssuersKeysCannotBeFetched() {
        String token = ForgedTokens.fromAnotherIssuer("order-service", "orders:write"); // well-formed, so it is checked

        Http.Response response = Http.anonymous(port).as(token)
                .post("/api/v1/orders", Orders.order(Orders.unique("ord"), Orders.unique("cust")));

        assertThat(response.status()).as(response.body()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
