package id.serambi.core.safety;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The text of an attached PDF, read within limits: a PDF is uploaded by a person and may be huge, have
 * thousands of pages, or be built to make a parser spin. Whatever happens, the caller gets what could be read
 * and an outcome saying whether that is all of it.
 */
public final class PdfText {
    /** Bounds on one extraction; {@link #DEFAULT} suits documents attached to news and PPID lists. */
    public record Limits(long maxBytes, int maxPages, Duration maxTime, int maxChars) {
        public static final Limits DEFAULT = new Limits(25L * 1024 * 1024, 300, Duration.ofSeconds(10), 2_000_000);
    }

    public enum Outcome {
        COMPLETE, PAGE_LIMIT, TIME_LIMIT, CHAR_LIMIT, TOO_LARGE, ENCRYPTED, UNREADABLE;

        /** Whether every page's text was read. */
        public boolean complete() {
            return this == COMPLETE;
        }
    }

    public record Result(String text, int pagesRead, int pageCount, Outcome outcome) {
    }

    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "pdf-text");
        thread.setDaemon(true);
        return thread;
    });

    private PdfText() {
    }

    public static Result extract(byte[] pdf, Limits limits) {
        if (pdf == null || pdf.length == 0) {
            return new Result("", 0, 0, Outcome.UNREADABLE);
        }
        if (pdf.length > limits.maxBytes()) {
            return new Result("", 0, 0, Outcome.TOO_LARGE);
        }
        Progress progress = new Progress();
        long deadline = System.nanoTime() + limits.maxTime().toNanos();
        Future<Outcome> work = WORKERS.submit(() -> read(pdf, limits, deadline, progress));
        try {
            Outcome outcome = work.get(limits.maxTime().toMillis(), TimeUnit.MILLISECONDS);
            return progress.result(outcome);
        } catch (TimeoutException e) {
            // One page can hang inside the parser; stop waiting, keep the pages read so far. The worker stops at
            // the next page boundary (it checks the deadline and its interrupt flag).
            work.cancel(true);
            return progress.result(Outcome.TIME_LIMIT);
        } catch (ExecutionException e) {
            return progress.result(e.getCause() instanceof InvalidPasswordException ? Outcome.ENCRYPTED
                    : Outcome.UNREADABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            work.cancel(true);
            return progress.result(Outcome.TIME_LIMIT);
        }
    }

    private static Outcome read(byte[] pdf, Limits limits, long deadline, Progress progress) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf, "", null, null,
                MemoryUsageSetting.setupMainMemoryOnly(limits.maxBytes() * 4).streamCache)) {
            if (document.isEncrypted() && !document.getCurrentAccessPermission().canExtractContent()) {
                return Outcome.ENCRYPTED;
            }
            int pages = document.getNumberOfPages();
            progress.pageCount(pages);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= pages; page++) {
                if (page > limits.maxPages()) {
                    return Outcome.PAGE_LIMIT;
                }
                if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                    return Outcome.TIME_LIMIT;
                }
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                if (!progress.append(stripper.getText(document), limits.maxChars())) {
                    return Outcome.CHAR_LIMIT;
                }
            }
            return Outcome.COMPLETE;
        }
    }

    /** What the worker has read so far, shared with the waiting caller. */
    private static final class Progress {
        private final StringBuilder text = new StringBuilder();
        private int pagesRead;
        private int pageCount;

        synchronized void pageCount(int count) {
            pageCount = count;
        }

        /** Appends one page; false when the text limit is reached (the page is cut at the limit). */
        synchronized boolean append(String page, int maxChars) {
            int room = maxChars - text.length();
            if (page.length() > room) {
                text.append(page, 0, Math.max(0, room));
                return false;
            }
            text.append(page).append('\n');
            pagesRead++;
            return true;
        }

        synchronized Result result(Outcome outcome) {
            return new Result(text.toString(), pagesRead, pageCount, outcome);
        }
    }
}
