package id.serambi.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import id.serambi.core.complaint.ComplaintAttachments;
import id.serambi.core.complaint.Filed;
import id.serambi.core.complaint.NewComplaint;
import id.serambi.core.complaint.PublicComplaints;
import id.serambi.core.complaint.TrackingCodes;
import id.serambi.core.i18n.Messages;
import id.serambi.core.portal.PortalQueries;
import id.serambi.core.portal.PortalTenant;
import id.serambi.core.support.FieldError;
import id.serambi.core.support.InvalidInputException;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * Public complaints (pengaduan): the form on an agency's site ({@code /{slug}/pengaduan}, or {@code /pengaduan}
 * on its own host) and on the district portal (choosing the agency), the receipt, and tracking with the
 * register number and tracking code. No account and no national ID number. Abuse is held off without a
 * CAPTCHA: per-address limits counted in the database (all nodes together), a honeypot field, size limits,
 * and a token per form, so that a double submit or a retry files one complaint and shows the same receipt.
 */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller
@PortalApp
@Secured(SecurityRule.IS_ANONYMOUS)
class ComplaintController {
    static final String FORM_COOKIE = "serambi_form";
    /** The trap: hidden from people (off-screen, not focusable); a bot that fills every field fills it. */
    static final String HONEYPOT = "situs_web";
    private static final int HOUR = 3600;
    private static final int TEN_MINUTES = 600;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final PublicComplaints complaints;
    private final PortalQueries portal;
    private final PortalPages pages;
    private final int filingsPerHour;
    private final int lookupsPerTenMinutes;

    ComplaintController(PublicComplaints complaints, PortalQueries portal, PortalPages pages,
                        @Value("${serambi.complaints.filings-per-hour:10}") int filingsPerHour,
                        @Value("${serambi.complaints.lookups-per-ten-minutes:30}") int lookupsPerTenMinutes) {
        this.complaints = complaints;
        this.portal = portal;
        this.pages = pages;
        this.filingsPerHour = filingsPerHour;
        this.lookupsPerTenMinutes = lookupsPerTenMinutes;
    }

    /** On an agency's own host: its form; on the portal: the form with a choice of agency. */
    @Get("/pengaduan")
    HttpResponse<String> form(HttpRequest<?> request) {
        Optional<PortalTenant> host = hostTenant(request);
        if (host.isPresent()) {
            return agencyForm(request, host.get());
        }
        return formPage(request, HttpStatus.OK, null, complaints.services(), Map.of(), Map.of(), null);
    }

    @Get("/{slug}/pengaduan")
    HttpResponse<String> agencyForm(HttpRequest<?> request, String slug) {
        return portal.tenantBySlug(slug).map(t -> agencyForm(request, t)).orElseGet(() -> pages.notFound(request));
    }

    private HttpResponse<String> agencyForm(HttpRequest<?> request, PortalTenant tenant) {
        var service = complaints.service(tenant.id());
        if (service.isEmpty()) {
            // 200, not 404: the portal's 404 handler would replace this notice with the generic "page not found".
            return pages.render(request, HttpStatus.OK, "complaint-notice.jte",
                    Map.of("titleKey", "complaint.off_title", "textKey", "complaint.off_text"));
        }
        return formPage(request, HttpStatus.OK, service.get(), List.of(service.get()), Map.of(), Map.of(), null);
    }

    @Post(value = "/pengaduan", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> file(HttpRequest<?> request, @Body Map<String, String> form) {
        return file(request, form, List.of());
    }

    /** The form as browsers send it, with up to three files (images or PDF) as evidence. */
    @Post(value = "/pengaduan", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<String> fileWithAttachments(HttpRequest<?> request, @Nullable @Part("_csrf") String csrf,
                                             @Nullable @Part("token") String token, @Nullable @Part("agency") String agency,
                                             @Nullable @Part("single") String single, @Nullable @Part("name") String name,
                                             @Nullable @Part("phone") String phone, @Nullable @Part("email") String email,
                                             @Nullable @Part("category") String category,
                                             @Nullable @Part("description") String description,
                                             @Nullable @Part("consent") String consent, @Nullable @Part(HONEYPOT) String honeypot,
                                             @Nullable @Part("attachment1") CompletedFileUpload attachment1,
                                             @Nullable @Part("attachment2") CompletedFileUpload attachment2,
                                             @Nullable @Part("attachment3") CompletedFileUpload attachment3) {
        Map<String, String> form = new HashMap<>();
        String[][] fields = {{"_csrf", csrf}, {"token", token}, {"agency", agency}, {"single", single}, {"name", name},
                {"phone", phone}, {"email", email}, {"category", category}, {"description", description},
                {"consent", consent}, {HONEYPOT, honeypot}};
        for (String[] field : fields) {
            if (field[1] != null) {
                form.put(field[0], field[1]);
            }
        }
        List<ComplaintAttachments.Upload> uploads = new ArrayList<>();
        for (CompletedFileUpload upload : java.util.Arrays.asList(attachment1, attachment2, attachment3)) {
            if (upload != null) {
                try {
                    uploads.add(new ComplaintAttachments.Upload(upload.getFilename(), upload.getBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return file(request, form, uploads);
    }

    private HttpResponse<String> file(HttpRequest<?> request, Map<String, String> form, List<ComplaintAttachments.Upload> uploads) {
        if (!csrfValid(request, form.get("_csrf"))) {
            return pages.render(request, HttpStatus.FORBIDDEN, "complaint-notice.jte",
                    Map.of("titleKey", "complaint.expired_title", "textKey", "complaint.expired_text"));
        }
        if (complaints.hit("file:" + addressKey(request), HOUR) > filingsPerHour) {
            return tooMany(request);
        }
        String honeypot = form.get(HONEYPOT);
        if (honeypot != null && !honeypot.isEmpty()) {
            // Pretend it went through; store nothing, say nothing that helps a bot tune itself.
            return pages.render(request, HttpStatus.OK, "complaint-notice.jte",
                    Map.of("titleKey", "complaint.sent_title", "textKey", "complaint.sent_text"));
        }
        var service = complaints.services().stream().filter(s -> s.slug().equals(form.get("agency"))).findFirst();
        String token = form.get("token");
        if (token == null || token.length() < 20 || token.length() > 100) {
            return pages.render(request, HttpStatus.BAD_REQUEST, "complaint-notice.jte",
                    Map.of("titleKey", "complaint.expired_title", "textKey", "complaint.expired_text"));
        }
        Map<String, String> values = new HashMap<>();
        for (String field : List.of("agency", "name", "phone", "email", "category", "description", "consent")) {
            values.put(field, form.getOrDefault(field, ""));
        }
        Messages messages = pages.messages(request);
        if (service.isEmpty()) {
            return formPage(request, HttpStatus.BAD_REQUEST, null, complaints.services(), values,
                    Map.of("agency", messages.get("complaint.error.agency")), token);
        }
        try {
            Filed filed = complaints.file(service.get(), new NewComplaint("web", form.get("name"), form.get("phone"),
                    form.get("email"), form.get("category"), form.get("description"), "on".equals(form.get("consent")), token),
                    new PublicComplaints.ReceiptMail(messages.get("complaint.mail.subject", "{register}"),
                            messages.get("complaint.mail.body", "{register}", TrackingCodes.grouped(TrackingCodes.codeFor(token)),
                                    service.get().name())), uploads);
            return noStore(pages.render(request, HttpStatus.OK, "complaint-receipt.jte",
                    Map.of("filed", filed, "agencyName", service.get().name(), "emailGiven",
                            form.getOrDefault("email", "").isBlank() ? Boolean.FALSE : Boolean.TRUE)));
        } catch (InvalidInputException invalid) {
            Map<String, String> errors = new HashMap<>();
            for (FieldError e : invalid.errors()) {
                errors.merge(e.field(), messages.get(e.messageKey(), e.args().toArray()), (a, b) -> a + " " + b);
            }
            boolean single = request.getParameters().contains("single") || "1".equals(form.get("single"));
            return formPage(request, HttpStatus.BAD_REQUEST, single ? service.get() : null,
                    single ? List.of(service.get()) : complaints.services(), values, errors, token);
        }
    }

    @Get("/pengaduan/lacak")
    HttpResponse<String> trackForm(HttpRequest<?> request) {
        return trackPage(request, HttpStatus.OK, null, false, "", null);
    }

    /** A POST, so that the tracking code never lands in an address bar, a history or a log. */
    @Post(value = "/pengaduan/lacak", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> track(HttpRequest<?> request, @Body Map<String, String> form) {
        if (complaints.hit("track:" + addressKey(request), TEN_MINUTES) > lookupsPerTenMinutes) {
            return tooMany(request);
        }
        String register = form.getOrDefault("register", "");
        var found = complaints.track(register, form.get("code"));
        return trackPage(request, found.isPresent() ? HttpStatus.OK : HttpStatus.NOT_FOUND, found.orElse(null),
                found.isEmpty(), register, found.isPresent() ? form.get("code") : null);
    }

    /** The citizen's word on a delivered answer: solved, or not (reopened with a comment). */
    @Post(value = "/pengaduan/lacak/tanggapan", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> respond(HttpRequest<?> request, @Body Map<String, String> form) {
        if (complaints.hit("track:" + addressKey(request), TEN_MINUTES) > lookupsPerTenMinutes) {
            return tooMany(request);
        }
        String register = form.getOrDefault("register", "");
        String code = form.get("code");
        String comment = form.getOrDefault("comment", "");
        if (comment.length() > 2000) {
            comment = comment.substring(0, 2000);
        }
        var status = complaints.respond(register, code, "yes".equals(form.get("solved")), comment);
        var found = complaints.track(register, code);
        return trackPage(request, found.isPresent() ? HttpStatus.OK : HttpStatus.NOT_FOUND, found.orElse(null),
                found.isEmpty(), register, found.isPresent() ? code : null);
    }

    private HttpResponse<String> trackPage(HttpRequest<?> request, HttpStatus status, Object found, boolean notFound,
                                           String register, String code) {
        Map<String, Object> params = new HashMap<>();
        params.put("complaint", found);
        params.put("notFound", notFound);
        params.put("register", register == null ? "" : register);
        params.put("code", code == null ? "" : code);
        return noStore(pages.render(request, status, "complaint-track.jte", params));
    }

    private HttpResponse<String> tooMany(HttpRequest<?> request) {
        var response = pages.render(request, HttpStatus.TOO_MANY_REQUESTS, "complaint-notice.jte",
                Map.of("titleKey", "complaint.too_many_title", "textKey", "complaint.too_many_text"));
        return ((MutableHttpResponse<String>) response).header(HttpHeaders.RETRY_AFTER, "600");
    }

    private HttpResponse<String> formPage(HttpRequest<?> request, HttpStatus status, PublicComplaints.Service single,
                                          List<PublicComplaints.Service> services, Map<String, String> values,
                                          Map<String, String> errors, String token) {
        Optional<String> existing = formCookie(request);
        String secret = existing.orElseGet(() -> {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        });
        Map<String, Object> params = new HashMap<>();
        params.put("single", single);
        params.put("services", services);
        params.put("values", values);
        params.put("errors", errors);
        params.put("token", token != null ? token : TrackingCodes.newFormToken());
        params.put("csrf", digest("complaint-form:" + secret));
        params.put("honeypot", HONEYPOT);
        var response = (MutableHttpResponse<String>) pages.render(request, status, "complaint-form.jte", params);
        if (existing.isEmpty()) {
            response.cookie(Cookie.of(FORM_COOKIE, secret).path("/").httpOnly(true).sameSite(SameSite.Strict));
        }
        return noStore(response);
    }

    private static HttpResponse<String> noStore(HttpResponse<String> response) {
        return ((MutableHttpResponse<String>) response).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    static boolean csrfValid(HttpRequest<?> request, String submitted) {
        Optional<String> expected = formCookie(request).map(secret -> digest("complaint-form:" + secret));
        return submitted != null && expected.isPresent()
                && MessageDigest.isEqual(expected.get().getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> formCookie(HttpRequest<?> request) {
        return request.getCookies().findCookie(FORM_COOKIE).map(Cookie::getValue).filter(v -> !v.isEmpty() && v.length() <= 100);
    }

    /** The client's address as a hash: counting needs no address in the clear. */
    private static String addressKey(HttpRequest<?> request) {
        String address = request.getRemoteAddress() == null || request.getRemoteAddress().getAddress() == null
                ? "unknown" : request.getRemoteAddress().getAddress().getHostAddress();
        return digest("address:" + address).substring(0, 32);
    }

    private static String digest(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<PortalTenant> hostTenant(HttpRequest<?> request) {
        String host = request.getHeaders().get(HttpHeaders.HOST);
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        return portal.tenantByHost(host.toLowerCase(java.util.Locale.ROOT).replaceFirst(":\\d+$", ""));
    }
}
