//! A one-document PDF writer for the dossier receipt (phiếu xác nhận nộp hồ sơ): A4 pages with
//! the national heading, a title, label–value lines, numbered lists and a QR code.
//!
//! It takes text already in the reader's language, so the domain holds no interface strings.
//! Vietnamese needs a real font: DejaVu Sans (regular and bold, Bitstream Vera licence, see
//! `assets/fonts/LICENSE`) is embedded as a subset of the glyphs used, with a ToUnicode map so
//! that the text can be searched, copied and read aloud — and checked with `pdftotext` in tests.
//! Lines wrap by the font's own advance widths; content that does not fit continues on another
//! page rather than being cut.

use std::collections::BTreeMap;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use unicode_normalization::UnicodeNormalization;

static REGULAR: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf");

/// What the receipt says; every text is already in the reader's language.
#[derive(Clone, Debug, Default)]
pub struct ReceiptDocument {
    /// Issuing authority, first line of the left heading (e.g. "UBND TỈNH TÂY NINH").
    pub authority: String,
    /// The receiving office, second line of the left heading.
    pub office: String,
    /// The national motto's two lines, right heading.
    pub motto: [String; 2],
    /// Document title.
    pub title: String,
    /// The dossier code line, under the title.
    pub code_line: String,
    /// Label–value lines (applicant, procedure, time, fee…).
    pub fields: Vec<(String, String)>,
    /// Heading of the documents list.
    pub documents_heading: String,
    /// One line per document received.
    pub documents: Vec<String>,
    /// Heading of the next-steps list.
    pub steps_heading: String,
    /// What happens next, in order.
    pub steps: Vec<String>,
    /// Address encoded in the QR code (the dossier's status page).
    pub qr_payload: String,
    /// Text beside the QR code.
    pub qr_caption: String,
    /// Small print at the end.
    pub footer: String,
}

/// Why no PDF could be made.
#[derive(Debug, thiserror::Error)]
pub enum ReceiptPdfError {
    /// An embedded font could not be read or subset (a build defect).
    #[error("font: {0}")]
    Font(String),
    /// The QR payload is too long for a QR code.
    #[error("QR code: {0}")]
    Qr(String),
}

const PAGE_WIDTH: f32 = 595.28;
const PAGE_HEIGHT: f32 = 841.89;
const MARGIN: f32 = 56.7; // 20 mm
const CONTENT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
const LABEL_WIDTH: f32 = 150.0;
const QR_SIZE: f32 = 85.0; // 30 mm

/// Which of the two embedded faces.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Weight {
    Regular,
    Bold,
}

/// An embedded face and the glyphs used so far (old glyph id → new id, and the text each stands
/// for, for the ToUnicode map).
struct FontUse {
    data: &'static [u8],
    face: ttf_parser::Face<'static>,
    remapper: subsetter::GlyphRemapper,
    chars: BTreeMap<u16, char>,
}

impl FontUse {
    fn new(data: &'static [u8]) -> Result<Self, ReceiptPdfError> {
        let face =
            ttf_parser::Face::parse(data, 0).map_err(|e| ReceiptPdfError::Font(e.to_string()))?;
        Ok(Self {
            data,
            face,
            remapper: subsetter::GlyphRemapper::new(),
            chars: BTreeMap::new(),
        })
    }

    fn glyph(&self, c: char) -> u16 {
        self.face.glyph_index(c).map(|g| g.0).unwrap_or(0)
    }

    /// Width of `text` at `size` points.
    fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text
            .chars()
            .map(|c| {
                u32::from(
                    self.face
                        .glyph_hor_advance(ttf_parser::GlyphId(self.glyph(c)))
                        .unwrap_or(0),
                )
            })
            .sum();
        units as f32 * size / f32::from(self.face.units_per_em())
    }

    /// `text` as two-byte codes of the subset (CID = new glyph id), recording the glyphs used.
    fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let new = self.remapper.remap(self.glyph(c));
            self.chars.entry(new).or_insert(c);
            out.extend_from_slice(&new.to_be_bytes());
        }
        out
    }

    fn scale(&self, units: f32) -> f32 {
        units * 1000.0 / f32::from(self.face.units_per_em())
    }
}

/// Splits `text` into lines no wider than `max` (a single word wider than `max` is broken
/// between characters).
fn wrap(font: &FontUse, text: &str, size: f32, max: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if font.width(&candidate, size) <= max {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if font.width(word, size) <= max {
                line = word.to_owned();
            } else {
                for c in word.chars() {
                    let mut next = line.clone();
                    next.push(c);
                    if font.width(&next, size) > max && !line.is_empty() {
                        lines.push(std::mem::take(&mut line));
                        line.push(c);
                    } else {
                        line = next;
                    }
                }
            }
        }
        lines.push(line);
    }
    lines
}

/// Pages being laid out, top to bottom.
struct Layout {
    regular: FontUse,
    bold: FontUse,
    pages: Vec<Content>,
    y: f32,
}

impl Layout {
    fn new() -> Result<Self, ReceiptPdfError> {
        Ok(Self {
            regular: FontUse::new(REGULAR)?,
            bold: FontUse::new(BOLD)?,
            pages: vec![Content::new()],
            y: PAGE_HEIGHT - MARGIN,
        })
    }

    fn font(&self, weight: Weight) -> &FontUse {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// Makes room for `height` points, starting a new page when the current one is full.
    fn room(&mut self, height: f32) {
        if self.y - height < MARGIN {
            self.pages.push(Content::new());
            self.y = PAGE_HEIGHT - MARGIN;
        }
    }

    fn page(&mut self) -> &mut Content {
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Writes one line with its baseline at `baseline`.
    fn text_at(&mut self, x: f32, baseline: f32, weight: Weight, size: f32, text: &str) {
        let (code, name) = match weight {
            Weight::Regular => (self.regular.encode(text), Name(b"F1")),
            Weight::Bold => (self.bold.encode(text), Name(b"F2")),
        };
        let page = self.page();
        page.begin_text();
        page.set_font(name, size);
        page.next_line(x, baseline);
        page.show(Str(&code));
        page.end_text();
    }

    /// Writes `text` wrapped within `[x, x + width]`, centred or flush left, moving down.
    fn paragraph(
        &mut self,
        x: f32,
        width: f32,
        weight: Weight,
        size: f32,
        text: &str,
        centred: bool,
    ) {
        let leading = size * 1.4;
        for line in wrap(self.font(weight), text, size, width) {
            self.room(leading);
            let offset = if centred {
                (width - self.font(weight).width(&line, size)) / 2.0
            } else {
                0.0
            };
            self.y -= leading;
            self.text_at(x + offset, self.y + size * 0.3, weight, size, &line);
        }
    }

    /// Label in bold on the left, value wrapped on the right.
    fn field(&mut self, label: &str, value: &str) {
        let size = 10.5;
        let leading = size * 1.4;
        let labels = wrap(&self.bold, &format!("{label}:"), size, LABEL_WIDTH - 8.0);
        let values = wrap(&self.regular, value, size, CONTENT_WIDTH - LABEL_WIDTH);
        let rows = labels.len().max(values.len());
        for i in 0..rows {
            self.room(leading);
            self.y -= leading;
            let baseline = self.y + size * 0.3;
            if let Some(l) = labels.get(i) {
                self.text_at(MARGIN, baseline, Weight::Bold, size, l);
            }
            if let Some(v) = values.get(i) {
                self.text_at(MARGIN + LABEL_WIDTH, baseline, Weight::Regular, size, v);
            }
        }
        self.y -= 2.0;
    }

    /// A heading and a numbered list with hanging indentation.
    fn list(&mut self, heading: &str, items: &[String]) {
        if items.is_empty() {
            return;
        }
        self.y -= 8.0;
        self.room(40.0);
        self.paragraph(MARGIN, CONTENT_WIDTH, Weight::Bold, 11.5, heading, false);
        let size = 10.5;
        let leading = size * 1.4;
        let indent = 20.0;
        for (n, item) in items.iter().enumerate() {
            let lines = wrap(&self.regular, item, size, CONTENT_WIDTH - indent);
            for (i, line) in lines.iter().enumerate() {
                self.room(leading);
                self.y -= leading;
                let baseline = self.y + size * 0.3;
                if i == 0 {
                    self.text_at(
                        MARGIN,
                        baseline,
                        Weight::Regular,
                        size,
                        &format!("{}.", n + 1),
                    );
                }
                self.text_at(MARGIN + indent, baseline, Weight::Regular, size, line);
            }
        }
    }

    /// The QR code on the left, its caption and address beside it.
    ///
    /// Room is made for the taller of the code and its text before anything is drawn, so the
    /// two never end up on different pages.
    fn qr(&mut self, payload: &str, caption: &str) -> Result<(), ReceiptPdfError> {
        let code = qrcode::QrCode::with_error_correction_level(payload, qrcode::EcLevel::M)
            .map_err(|e| ReceiptPdfError::Qr(e.to_string()))?;
        let modules = code.width();
        let colors = code.to_colors();
        let text_x = MARGIN + QR_SIZE + 14.0;
        let width = CONTENT_WIDTH - QR_SIZE - 14.0;
        let text_height = 10.0
            + wrap(&self.bold, caption, 10.5, width).len() as f32 * 10.5 * 1.4
            + wrap(&self.regular, payload, 9.0, width).len() as f32 * 9.0 * 1.4;
        self.y -= 14.0;
        self.room(QR_SIZE.max(text_height) + 10.0);
        let top = self.y;
        let cell = QR_SIZE / modules as f32;
        let page = self.page();
        page.set_fill_gray(0.0);
        // One rectangle per horizontal run of dark modules keeps the page stream small; the
        // 0.01 pt overlap hides hairline seams between rows in some viewers.
        for (row, line) in colors.chunks(modules).enumerate() {
            let mut col = 0;
            while col < modules {
                let start = col;
                while col < modules && line[col] == qrcode::Color::Dark {
                    col += 1;
                }
                if col > start {
                    page.rect(
                        MARGIN + start as f32 * cell,
                        top - (row as f32 + 1.0) * cell,
                        (col - start) as f32 * cell + 0.01,
                        cell + 0.01,
                    );
                } else {
                    col += 1;
                }
            }
        }
        page.fill_nonzero();
        self.y = top - 10.0;
        self.paragraph(text_x, width, Weight::Bold, 10.5, caption, false);
        self.paragraph(text_x, width, Weight::Regular, 9.0, payload, false);
        self.y = self.y.min(top - QR_SIZE);
        Ok(())
    }

    /// A horizontal rule under the last line, `width` wide, centred in `[x, x + span]`.
    fn rule(&mut self, x: f32, span: f32, width: f32) {
        let y = self.y - 3.0;
        let start = x + (span - width) / 2.0;
        let page = self.page();
        page.set_line_width(0.6);
        page.move_to(start, y);
        page.line_to(start + width, y);
        page.stroke();
    }
}

/// The national heading: authority and office on the left, the motto on the right.
///
/// Weights follow the administrative-document layout of Decree 30/2020/NĐ-CP, Appendix I: the
/// governing authority in upright capitals, the issuing office in bold capitals, both lines of
/// the national motto in bold, each block underlined by a short rule.
fn heading(layout: &mut Layout, doc: &ReceiptDocument) {
    let half = CONTENT_WIDTH / 2.0;
    let top = layout.y;
    layout.paragraph(
        MARGIN,
        half - 6.0,
        Weight::Regular,
        9.5,
        &doc.authority,
        true,
    );
    layout.paragraph(MARGIN, half - 6.0, Weight::Bold, 9.5, &doc.office, true);
    layout.rule(MARGIN, half - 6.0, 60.0);
    let left_bottom = layout.y;
    layout.y = top;
    let right = MARGIN + half + 6.0;
    layout.paragraph(right, half - 6.0, Weight::Bold, 9.5, &doc.motto[0], true);
    layout.paragraph(right, half - 6.0, Weight::Bold, 9.5, &doc.motto[1], true);
    let motto_width = layout.bold.width(&doc.motto[1], 9.5);
    layout.rule(right, half - 6.0, motto_width);
    layout.y = layout.y.min(left_bottom) - 18.0;
}

/// Renders the receipt as PDF bytes.
pub fn render(doc: &ReceiptDocument) -> Result<Vec<u8>, ReceiptPdfError> {
    let nfc = |s: &str| s.nfc().collect::<String>();
    let doc = ReceiptDocument {
        authority: nfc(&doc.authority),
        office: nfc(&doc.office),
        motto: [nfc(&doc.motto[0]), nfc(&doc.motto[1])],
        title: nfc(&doc.title),
        code_line: nfc(&doc.code_line),
        fields: doc.fields.iter().map(|(l, v)| (nfc(l), nfc(v))).collect(),
        documents_heading: nfc(&doc.documents_heading),
        documents: doc.documents.iter().map(|d| nfc(d)).collect(),
        steps_heading: nfc(&doc.steps_heading),
        steps: doc.steps.iter().map(|s| nfc(s)).collect(),
        qr_payload: doc.qr_payload.clone(),
        qr_caption: nfc(&doc.qr_caption),
        footer: nfc(&doc.footer),
    };

    let mut layout = Layout::new()?;
    heading(&mut layout, &doc);
    layout.paragraph(MARGIN, CONTENT_WIDTH, Weight::Bold, 14.0, &doc.title, true);
    layout.y -= 2.0;
    layout.paragraph(
        MARGIN,
        CONTENT_WIDTH,
        Weight::Bold,
        12.0,
        &doc.code_line,
        true,
    );
    layout.y -= 12.0;
    for (label, value) in &doc.fields {
        layout.field(label, value);
    }
    layout.list(&doc.documents_heading, &doc.documents);
    layout.list(&doc.steps_heading, &doc.steps);
    layout.qr(&doc.qr_payload, &doc.qr_caption)?;
    layout.y -= 14.0;
    layout.paragraph(
        MARGIN,
        CONTENT_WIDTH,
        Weight::Regular,
        8.5,
        &doc.footer,
        false,
    );

    write_pdf(layout, &doc.title)
}

fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}

/// Assembles the pages and the two subset fonts into a file.
fn write_pdf(layout: Layout, title: &str) -> Result<Vec<u8>, ReceiptPdfError> {
    let mut pdf = Pdf::new();
    let mut next = 1;
    let mut alloc = || {
        let r = Ref::new(next);
        next += 1;
        r
    };
    let catalog = alloc();
    let tree = alloc();
    let info = alloc();
    let fonts = [(alloc(), Name(b"F1")), (alloc(), Name(b"F2"))];
    let pages: Vec<(Ref, Ref)> = layout.pages.iter().map(|_| (alloc(), alloc())).collect();

    let mut catalog_writer = pdf.catalog(catalog);
    catalog_writer.pages(tree);
    catalog_writer.lang(TextStr("vi"));
    catalog_writer.finish();
    pdf.document_info(info)
        .title(TextStr(title))
        .producer(TextStr("Cổng dịch vụ công"));
    pdf.pages(tree)
        .kids(pages.iter().map(|(page, _)| *page))
        .count(pages.len() as i32);
    for ((page_id, content_id), content) in pages.iter().zip(layout.pages) {
        let mut page = pdf.page(*page_id);
        page.media_box(Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT));
        page.parent(tree);
        page.contents(*content_id);
        let mut resources = page.resources();
        let mut font_dict = resources.fonts();
        for (font_ref, name) in &fonts {
            font_dict.pair(*name, *font_ref);
        }
        font_dict.finish();
        resources.finish();
        page.finish();
        let data = deflate(&content.finish());
        pdf.stream(*content_id, &data).filter(Filter::FlateDecode);
    }

    for ((font_ref, _), (font, tag)) in fonts.iter().zip([
        (&layout.regular, "AAAAAB+DejaVuSans"),
        (&layout.bold, "AAAAAC+DejaVuSans-Bold"),
    ]) {
        let (cid, descriptor, file, cmap) = (alloc(), alloc(), alloc(), alloc());
        let base = Name(tag.as_bytes());
        let mut type0 = pdf.type0_font(*font_ref);
        type0.base_font(base);
        type0.encoding_predefined(Name(b"Identity-H"));
        type0.descendant_font(cid);
        type0.to_unicode(cmap);
        type0.finish();

        let system = SystemInfo {
            registry: Str(b"Adobe"),
            ordering: Str(b"Identity"),
            supplement: 0,
        };
        let widths: Vec<f32> = font
            .remapper
            .remapped_gids()
            .map(|old| {
                font.scale(f32::from(
                    font.face
                        .glyph_hor_advance(ttf_parser::GlyphId(old))
                        .unwrap_or(0),
                ))
            })
            .collect();
        let mut cid_font = pdf.cid_font(cid);
        cid_font.subtype(CidFontType::Type2);
        cid_font.base_font(base);
        cid_font.system_info(system);
        cid_font.font_descriptor(descriptor);
        cid_font.default_width(0.0);
        cid_font.cid_to_gid_map_predefined(Name(b"Identity"));
        cid_font.widths().consecutive(0, widths);
        cid_font.finish();

        let bbox = font.face.global_bounding_box();
        pdf.font_descriptor(descriptor)
            .name(base)
            .flags(FontFlags::NON_SYMBOLIC)
            .bbox(Rect::new(
                font.scale(f32::from(bbox.x_min)),
                font.scale(f32::from(bbox.y_min)),
                font.scale(f32::from(bbox.x_max)),
                font.scale(f32::from(bbox.y_max)),
            ))
            .italic_angle(0.0)
            .ascent(font.scale(f32::from(font.face.ascender())))
            .descent(font.scale(f32::from(font.face.descender())))
            .cap_height(font.scale(f32::from(
                font.face.capital_height().unwrap_or(font.face.ascender()),
            )))
            .stem_v(80.0)
            .font_file2(file);

        let subset = subsetter::subset(font.data, 0, &font.remapper)
            .map_err(|e| ReceiptPdfError::Font(e.to_string()))?;
        pdf.stream(file, &deflate(&subset))
            .filter(Filter::FlateDecode);

        let mut unicode = UnicodeCmap::new(
            Name(b"Custom"),
            SystemInfo {
                registry: Str(b"Adobe"),
                ordering: Str(b"UCS"),
                supplement: 0,
            },
        );
        for (gid, c) in &font.chars {
            unicode.pair(*gid, *c);
        }
        pdf.cmap(cmap, &deflate(&unicode.finish()))
            .filter(Filter::FlateDecode);
    }
    Ok(pdf.finish())
}

#[cfg(test)]
mod tests;
