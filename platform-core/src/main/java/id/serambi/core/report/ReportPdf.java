package id.serambi.core.report;

import java.io.ByteArrayOutputStream;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/** A report as a PDF (A4 landscape): the heading, then each section as a titled table with its notes. */
public final class ReportPdf {
    private ReportPdf() {
    }

    public static byte[] render(Report report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        document.addTitle(report.title());
        document.addCreator("Serambi");
        document.open();
        Font title = new Font(Font.HELVETICA, 15, Font.BOLD);
        Font heading = new Font(Font.HELVETICA, 12, Font.BOLD);
        Font normal = new Font(Font.HELVETICA, 9);
        Font bold = new Font(Font.HELVETICA, 9, Font.BOLD);
        Font small = new Font(Font.HELVETICA, 8, Font.ITALIC);
        document.add(new Paragraph(report.title(), title));
        document.add(new Paragraph("Kabupaten/Kota: " + report.district(), normal));
        document.add(new Paragraph("Cakupan: " + report.scopeName(), normal));
        document.add(new Paragraph("Periode: " + report.periodLabel(), normal));
        document.add(new Paragraph("Dibuat: " + report.generatedAtText(), normal));
        for (ReportSection section : report.sections()) {
            Paragraph h = new Paragraph(section.title(), heading);
            h.setSpacingBefore(14);
            h.setSpacingAfter(6);
            document.add(h);
            PdfPTable table = new PdfPTable(section.header().size());
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            for (String cell : section.header()) {
                PdfPCell c = new PdfPCell(new Phrase(cell, bold));
                c.setGrayFill(0.88f);
                table.addCell(c);
            }
            for (var row : section.rows()) {
                for (int i = 0; i < section.header().size(); i++) {
                    String value = i < row.size() && row.get(i) != null ? row.get(i) : "";
                    PdfPCell c = new PdfPCell(new Phrase(value, normal));
                    if (value.matches("-?\\d+%?")) {
                        c.setHorizontalAlignment(Element.ALIGN_RIGHT);
                    }
                    table.addCell(c);
                }
            }
            if (section.rows().isEmpty()) {
                PdfPCell none = new PdfPCell(new Phrase("—", normal));
                none.setColspan(section.header().size());
                table.addCell(none);
            }
            document.add(table);
            for (String note : section.notes()) {
                document.add(new Paragraph(note, small));
            }
        }
        document.close();
        return out.toByteArray();
    }
}
