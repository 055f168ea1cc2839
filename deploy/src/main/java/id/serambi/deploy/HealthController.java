package id.serambi.deploy;

import java.util.Map;

import id.serambi.core.database.DatabaseHealth;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

/** GET /health: 200 when every database this node uses answers, 503 otherwise; for load balancers and monitoring. */
@Controller("/health")
@Secured(SecurityRule.IS_ANONYMOUS)
class HealthController {
    private final DatabaseHealth database;

    HealthController(DatabaseHealth database) {
        this.database = database;
    }

    @Serdeable
    record Health(String status, String database, Map<String, String> datasources) {
    }

    @Get
    HttpResponse<Health> health() {
        Map<String, String> datasources = database.check();
        boolean up = !datasources.isEmpty() && datasources.values().stream().allMatch("UP"::equals);
        Health health = new Health(up ? "UP" : "DOWN", up ? "UP" : "DOWN", datasources);
        return HttpResponse.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(health);
    }
}
