package id.serambi.admin.console;

import java.io.ByteArrayOutputStream;

import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfWriter;

import com.google.zxing.common.BitMatrix;

import id.serambi.core.account.ActivationLink;
import id.serambi.core.i18n.Messages;

/**
 * The printable handover sheet of an activation link, for offices that hand credentials over on paper: who
 * it is for, the link and its QR code, until when it works, and what to do. It holds no password: the
 * person chooses one through the link.
 */
final class HandoverSheet {
    private static final float QR_SIZE = 170f;

    private HandoverSheet() {
    }

    static byte[] pdf(Messages messages, String agencyName, String personName, String roleName, String letterNumber,
                      ActivationLink link, String expiresText) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.addTitle(messages.get("handover.title"));
        document.open();
        Font title = new Font(Font.HELVETICA, 16, Font.BOLD);
        Font normal = new Font(Font.HELVETICA, 11);
        Font bold = new Font(Font.HELVETICA, 11, Font.BOLD);
        Font mono = new Font(Font.COURIER, 9);
        document.add(new Paragraph(messages.get("handover.title"), title));
        document.add(new Paragraph(agencyName, bold));
        document.add(Chunk.NEWLINE);
        row(document, messages.get("handover.person"), personName, normal, bold);
        row(document, messages.get("handover.username"), link.username(), normal, bold);
        row(document, messages.get("handover.role"), roleName, normal, bold);
        if (letterNumber != null) {
            row(document, messages.get("handover.letter"), letterNumber, normal, bold);
        }
        row(document, messages.get("handover.valid_until"), expiresText, normal, bold);
        document.add(Chunk.NEWLINE);
        document.add(new Paragraph(messages.get("handover.instructions"), normal));
        document.add(Chunk.NEWLINE);
        Paragraph url = new Paragraph(link.url(), mono);
        document.add(url);
        document.add(Chunk.NEWLINE);

        // The QR code drawn as vector squares under the text, centred: sharp at any printer resolution.
        PdfContentByte canvas = writer.getDirectContent();
        BitMatrix matrix = QrCode.matrix(link.url());
        float module = QR_SIZE / matrix.getWidth();
        float left = (PageSize.A4.getWidth() - QR_SIZE) / 2;
        float top = writer.getVerticalPosition(true) - 10;
        canvas.setRGBColorFill(0, 0, 0);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    canvas.rectangle(left + x * module, top - (y + 1) * module, module, module);
                }
            }
        }
        canvas.fill();
        Paragraph spacer = new Paragraph(" ");
        spacer.setSpacingBefore(QR_SIZE + 10);
        document.add(spacer);
        Paragraph note = new Paragraph(messages.get("handover.security"), new Font(Font.HELVETICA, 9, Font.ITALIC));
        note.setAlignment(Element.ALIGN_LEFT);
        document.add(note);
        document.close();
        return out.toByteArray();
    }

    private static void row(Document document, String label, String value, Font normal, Font bold) {
        Paragraph p = new Paragraph();
        p.add(new Chunk(label + ": ", normal));
        p.add(new Chunk(value == null ? "—" : value, bold));
        document.add(p);
    }
}
