package id.serambi.portal;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import id.serambi.core.portal.PortalCategory;
import id.serambi.core.portal.PortalPinService;
import id.serambi.core.portal.PortalQueries;
import id.serambi.core.portal.PortalReading;
import id.serambi.core.portal.PortalReading.Filter;
import id.serambi.core.portal.PortalReading.Scope;
import id.serambi.core.portal.PortalTenant;
import id.serambi.core.portal.ReaderPage;
import id.serambi.core.portal.ReaderPost;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * The reader pages (issue 4): the district home and its lists, each agency's site, post pages, documents,
 * galleries and archives by month.
 * <p>
 * One entry point reads the path itself, because the Host decides first what a path means: on an agency's
 * own host, "/berita/x" is that agency's post; on the portal's host it is "/{slug}/berita/x". The routes are
 * all-variable, so every route of another controller with a literal segment (logo, media, assets, search,
 * feeds, complaints) is closer and wins.
 * <p>
 * Portal paths: {@code /}, {@code /berita}, {@code /pengumuman}, {@code /kategori/{c}}, {@code /arsip},
 * {@code /arsip/{yyyy}/{mm}}, then {@code /{slug}} followed by an agency path. Agency paths (also at the
 * agency's own host): {@code /}, {@code /berita}, {@code /berita/{post}}, {@code /pengumuman},
 * {@code /halaman/{page}}, {@code /dokumen}, {@code /galeri}, {@code /galeri/{gallery}}, {@code /arsip},
 * {@code /arsip/{yyyy}/{mm}}. Lists take {@code ?halaman=n} (20 a page).
 */
@Controller
@PortalApp
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class ReaderController {
    static final int PAGE_SIZE = 20;
    static final int HOME_LATEST = 20;
    static final int HOME_ANNOUNCEMENTS = 5;
    static final int RELATED = 4;
    static final List<String> NEWS = List.of("news", "announcement");
    static final List<String> DOCUMENT_CATEGORIES = List.of("berkala", "serta_merta", "setiap_saat");

    private final PortalQueries portal;
    private final PortalReading reading;
    private final PortalPages pages;
    private final ReaderLinks links;

    ReaderController(PortalQueries portal, PortalReading reading, PortalPages pages, ReaderLinks links) {
        this.portal = portal;
        this.reading = reading;
        this.pages = pages;
        this.links = links;
    }

    @Get(uris = {"/", "/{a}", "/{a}/{b}", "/{a}/{b}/{c}", "/{a}/{b}/{c}/{d}"})
    HttpResponse<String> read(HttpRequest<?> request, @Nullable String a, @Nullable String b, @Nullable String c,
                              @Nullable String d) {
        List<String> path = Arrays.stream(request.getPath().split("/")).filter(s -> !s.isEmpty()).toList();
        try {
            Optional<PortalTenant> byHost = hostTenant(request);
            if (byHost.isPresent()) {
                return agency(request, byHost.get(), "", path);
            }
            return district(request, path);
        } catch (BadPage bad) {
            return pages.render(request, HttpStatus.BAD_REQUEST, "bad-request.jte", Map.of());
        }
    }

    private HttpResponse<String> district(HttpRequest<?> request, List<String> path) {
        if (path.isEmpty()) {
            return home(request);
        }
        String first = path.get(0);
        switch (first) {
            case "berita" -> {
                return path.size() == 1 ? districtList(request, "list.news", null, Filter.kinds("news", "announcement"), "/berita") : notFound(request);
            }
            case "pengumuman" -> {
                return path.size() == 1 ? districtList(request, "list.announcements", null, Filter.kinds("announcement"), "/pengumuman") : notFound(request);
            }
            case "kategori" -> {
                if (path.size() != 2) {
                    return notFound(request);
                }
                Optional<PortalCategory> category = reading.category(path.get(1));
                return category.map(c -> districtList(request, "list.category", c.name(),
                                Filter.kinds("news", "announcement").inCategory(c.id()), "/kategori/" + c.slug()))
                        .orElseGet(() -> notFound(request));
            }
            case "arsip" -> {
                return archive(request, Scope.DISTRICT, null, "", path.subList(1, path.size()));
            }
            default -> {
                Optional<PortalTenant> tenant = portal.tenantBySlug(first);
                return tenant.map(t -> agency(request, t, "/" + t.slug(), path.subList(1, path.size())))
                        .orElseGet(() -> notFound(request));
            }
        }
    }

    private HttpResponse<String> home(HttpRequest<?> request) {
        Map<String, Object> model = new HashMap<>();
        model.put("headlines", reading.pinned(PortalPinService.HEADLINES));
        model.put("latest", reading.list(Scope.DISTRICT, Filter.kinds("news"), 1, HOME_LATEST).items());
        model.put("announcements", reading.list(Scope.DISTRICT, Filter.kinds("announcement"), 1, HOME_ANNOUNCEMENTS).items());
        model.put("categories", reading.categories());
        model.put("agencies", reading.agencies());
        model.put("links", links.forDistrict(request));
        return pages.render(request, HttpStatus.OK, "district-home.jte", model);
    }

    private HttpResponse<String> districtList(HttpRequest<?> request, String titleKey, String titleArg, Filter filter, String path) {
        int page = page(request);
        ReaderPage<ReaderPost> list = reading.list(Scope.DISTRICT, filter, page, PAGE_SIZE);
        if (list.items().isEmpty() && page > 1) {
            return notFound(request);
        }
        return pages.render(request, HttpStatus.OK, "post-list.jte", listModel(request, null, "", titleKey, titleArg, list, path, true));
    }

    private HttpResponse<String> agency(HttpRequest<?> request, PortalTenant tenant, String base, List<String> path) {
        if (tenant.suspended()) {
            return pages.render(request, HttpStatus.SERVICE_UNAVAILABLE, "maintenance.jte", Map.of("tenant", tenant));
        }
        Scope scope = Scope.agency(tenant.id());
        int size = path.size();
        String first = size == 0 ? "" : path.get(0);
        if (size == 0) {
            Map<String, Object> model = site(request, tenant, base);
            model.put("news", reading.list(scope, Filter.kinds("news"), 1, HOME_LATEST).items());
            model.put("announcements", reading.list(scope, Filter.kinds("announcement"), 1, HOME_ANNOUNCEMENTS).items());
            return pages.render(request, HttpStatus.OK, "agency-home.jte", model);
        }
        switch (first) {
            case "berita" -> {
                if (size == 1) {
                    return agencyList(request, tenant, base, "list.news", Filter.kinds("news", "announcement"), "/berita");
                }
                return size == 2 ? postPage(request, tenant, base, reading.post(tenant.id(), NEWS, path.get(1)))
                        : notFound(request);
            }
            case "pengumuman" -> {
                return size == 1 ? agencyList(request, tenant, base, "list.announcements", Filter.kinds("announcement"), "/pengumuman")
                        : notFound(request);
            }
            case "halaman" -> {
                return size == 2 ? postPage(request, tenant, base, reading.post(tenant.id(), "page", path.get(1))) : notFound(request);
            }
            case "dokumen" -> {
                return size == 1 ? documents(request, tenant, base) : notFound(request);
            }
            case "galeri" -> {
                if (size == 1) {
                    return galleries(request, tenant, base);
                }
                return size == 2 ? postPage(request, tenant, base, reading.post(tenant.id(), "gallery", path.get(1))) : notFound(request);
            }
            case "arsip" -> {
                return archive(request, scope, tenant, base, path.subList(1, size));
            }
            default -> {
                return notFound(request);
            }
        }
    }

    private HttpResponse<String> agencyList(HttpRequest<?> request, PortalTenant tenant, String base, String titleKey, Filter filter,
                                            String path) {
        int page = page(request);
        ReaderPage<ReaderPost> list = reading.list(Scope.agency(tenant.id()), filter, page, PAGE_SIZE);
        if (list.items().isEmpty() && page > 1) {
            return notFound(request);
        }
        return pages.render(request, HttpStatus.OK, "post-list.jte", listModel(request, tenant, base, titleKey, null, list, base + path, false));
    }

    private HttpResponse<String> archive(HttpRequest<?> request, Scope scope, PortalTenant tenant, String base, List<String> rest) {
        String archivePath = base + "/arsip";
        if (rest.isEmpty()) {
            Map<String, Object> model = tenant == null ? new HashMap<>() : site(request, tenant, base);
            model.put("months", reading.months(scope, NEWS));
            model.put("archivePath", archivePath);
            model.put("links", tenant == null ? links.forDistrict(request) : links.forAgency(request, tenant, base));
            return pages.render(request, HttpStatus.OK, "archive.jte", model);
        }
        if (rest.size() != 2 || !rest.get(0).matches("\\d{4}") || !rest.get(1).matches("\\d{2}")) {
            return notFound(request);
        }
        int year = Integer.parseInt(rest.get(0));
        int month = Integer.parseInt(rest.get(1));
        if (year < 1945 || year > 2100 || month < 1 || month > 12) {
            return notFound(request);
        }
        YearMonth ym = YearMonth.of(year, month);
        int page = page(request);
        ReaderPage<ReaderPost> list = reading.list(scope, new Filter(NEWS, null, ym), page, PAGE_SIZE);
        if (list.items().isEmpty() && page > 1) {
            return notFound(request);
        }
        Map<String, Object> model = listModel(request, tenant, base, "list.archive_month", Reading.monthName(ym, PortalPages.locale(request)),
                list, archivePath + "/" + rest.get(0) + "/" + rest.get(1), tenant == null);
        return pages.render(request, HttpStatus.OK, "post-list.jte", model);
    }

    private HttpResponse<String> postPage(HttpRequest<?> request, PortalTenant tenant, String base, Optional<ReaderPost> found) {
        if (found.isEmpty()) {
            return notFound(request);
        }
        ReaderPost post = found.get();
        Map<String, Object> model = site(request, tenant, base);
        model.put("post", post);
        model.put("related", "page".equals(post.kind()) ? List.of() : reading.related(post, RELATED));
        model.put("gallery", "gallery".equals(post.kind()) ? reading.galleryItems(tenant.id(), post.id()) : List.of());
        return pages.render(request, HttpStatus.OK, "reader-post.jte", model);
    }

    private HttpResponse<String> documents(HttpRequest<?> request, PortalTenant tenant, String base) {
        String category = request.getParameters().getFirst("kategori").filter(s -> !s.isBlank()).orElse(null);
        if (category != null && !DOCUMENT_CATEGORIES.contains(category)) {
            throw new BadPage();
        }
        Integer year = request.getParameters().getFirst("tahun").filter(s -> !s.isBlank()).map(s -> {
            if (!s.matches("\\d{4}")) {
                throw new BadPage();
            }
            return Integer.valueOf(s);
        }).orElse(null);
        int page = page(request);
        var list = reading.documents(tenant.id(), category, year, page, PAGE_SIZE);
        if (list.items().isEmpty() && page > 1) {
            return notFound(request);
        }
        Map<String, Object> model = site(request, tenant, base);
        model.put("documents", list);
        model.put("years", reading.documentYears(tenant.id()));
        model.put("categories", DOCUMENT_CATEGORIES);
        model.put("chosenCategory", category == null ? "" : category);
        model.put("chosenYear", year == null ? "" : year.toString());
        String query = (category == null ? "" : "kategori=" + category + "&") + (year == null ? "" : "tahun=" + year + "&");
        model.put("pager", Pager.of(list, base + "/dokumen", query));
        return pages.render(request, HttpStatus.OK, "documents.jte", model);
    }

    private HttpResponse<String> galleries(HttpRequest<?> request, PortalTenant tenant, String base) {
        int page = page(request);
        ReaderPage<ReaderPost> list = reading.list(Scope.agency(tenant.id()), Filter.kinds("gallery"), page, PAGE_SIZE);
        if (list.items().isEmpty() && page > 1) {
            return notFound(request);
        }
        Map<String, Object> model = site(request, tenant, base);
        model.put("galleries", list.items());
        model.put("covers", list.items().stream().collect(java.util.stream.Collectors.toMap(ReaderPost::id,
                p -> reading.galleryCover(tenant.id(), p.id()))));
        model.put("pager", Pager.of(list, base + "/galeri", ""));
        return pages.render(request, HttpStatus.OK, "galleries.jte", model);
    }

    /** What every page of an agency's site shows around its content: name, logo, menu, contact. */
    private Map<String, Object> site(HttpRequest<?> request, PortalTenant tenant, String base) {
        Map<String, Object> model = new HashMap<>();
        model.put("tenant", tenant);
        model.put("base", base);
        model.put("menu", reading.menu(tenant.id()));
        model.put("links", links.forAgency(request, tenant, base));
        return model;
    }

    private Map<String, Object> listModel(HttpRequest<?> request, PortalTenant tenant, String base, String titleKey, String titleArg,
                                          ReaderPage<ReaderPost> list, String path, boolean showAgency) {
        Map<String, Object> model = tenant == null ? new HashMap<>() : site(request, tenant, base);
        if (tenant == null) {
            model.put("links", links.forDistrict(request));
            model.put("base", "");
        }
        model.put("titleKey", titleKey);
        model.put("titleArg", titleArg == null ? "" : titleArg);
        model.put("posts", list.items());
        model.put("pager", Pager.of(list, path, ""));
        model.put("showAgency", showAgency);
        model.put("archivePath", base + "/arsip");
        return model;
    }

    private HttpResponse<String> notFound(HttpRequest<?> request) {
        return pages.notFound(request);
    }

    /** The 1-based page number of {@code ?halaman=}; anything but a sensible number is the reader's mistake (400). */
    static int page(HttpRequest<?> request) {
        Optional<String> value = request.getParameters().getFirst("halaman");
        if (value.isEmpty() || value.get().isEmpty()) {
            return 1;
        }
        if (!value.get().matches("\\d{1,5}")) {
            throw new BadPage();
        }
        int page = Integer.parseInt(value.get());
        if (page < 1) {
            throw new BadPage();
        }
        return page;
    }

    private Optional<PortalTenant> hostTenant(HttpRequest<?> request) {
        String host = request.getHeaders().get(HttpHeaders.HOST);
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        return portal.tenantByHost(host.toLowerCase(Locale.ROOT).replaceFirst(":\\d+$", ""));
    }

    /** A page number or filter no list has: answered with a friendly 400 page. */
    static final class BadPage extends RuntimeException {
        BadPage() {
            super(null, null, false, false);
        }
    }
}
