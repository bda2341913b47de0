#!/usr/bin/env python3
"""Write seed/templates/*.docx: blank template forms (mẫu đơn, tờ khai) citizens download
from a procedure's page and fill by hand or on a computer.

The wording follows the official forms named in each procedure (civil-status forms of
Thông tư 04/2020/TT-BTP as amended by Thông tư 04/2024/TT-BTP, the building-permit
application of Nghị định 175/2024/NĐ-CP, the criminal-record request of Thông tư
13/2011/TT-BTP); the layout is simplified. The files are plain Office Open XML written with
the standard library, with fixed timestamps so that regenerating gives identical bytes.

``TEMPLATE_FILES`` maps the start of a document's ``template`` text (as written in
build_procedures.py) to its file; build_procedures.py imports it.

Run: python3 scripts/seed/make_templates.py
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "seed" / "templates"
STAMP = (2025, 7, 1, 0, 0, 0)
DOTS = "…" * 30

HEADER = [
    ("center", True, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("center", True, "Độc lập - Tự do - Hạnh phúc"),
    ("center", False, "―――――――――――"),
]
SIGN = [
    ("left", False, "Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về cam đoan của mình."),
    ("right", False, "Làm tại: …………………, ngày …… tháng …… năm ………"),
    ("right", True, "Người yêu cầu"),
    ("right", False, "(Ký, ghi rõ họ, chữ đệm, tên)"),
]


def line(label: str) -> tuple[str, bool, str]:
    return ("left", False, f"{label}: {DOTS}")


REQUESTER = [
    line("Họ, chữ đệm, tên người yêu cầu"),
    line("Nơi cư trú"),
    line("Giấy tờ tùy thân (số định danh cá nhân / CCCD)"),
]

FORMS: dict[str, tuple[str, str, list]] = {
    "Tờ khai đăng ký khai sinh": ("to-khai-dang-ky-khai-sinh.docx", "TỜ KHAI ĐĂNG KÝ KHAI SINH", [
        line("Kính gửi"), *REQUESTER, line("Quan hệ với người được khai sinh"),
        ("left", True, "Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:"),
        line("Họ, chữ đệm, tên"), line("Ngày, tháng, năm sinh"), line("ghi bằng chữ"),
        line("Giới tính"), line("Dân tộc"), line("Quốc tịch"), line("Nơi sinh"), line("Quê quán"),
        line("Họ, chữ đệm, tên người mẹ"), line("Năm sinh; dân tộc; quốc tịch; nơi cư trú của người mẹ"),
        line("Họ, chữ đệm, tên người cha"), line("Năm sinh; dân tộc; quốc tịch; nơi cư trú của người cha"),
        *SIGN]),
    "Tờ khai đăng ký kết hôn": ("to-khai-dang-ky-ket-hon.docx", "TỜ KHAI ĐĂNG KÝ KẾT HÔN", [
        line("Kính gửi"),
        ("left", True, "Thông tin bên nữ"), line("Họ, chữ đệm, tên"), line("Ngày, tháng, năm sinh"),
        line("Dân tộc; quốc tịch"), line("Nơi cư trú"), line("Giấy tờ tùy thân"), line("Kết hôn lần thứ mấy"),
        ("left", True, "Thông tin bên nam"), line("Họ, chữ đệm, tên"), line("Ngày, tháng, năm sinh"),
        line("Dân tộc; quốc tịch"), line("Nơi cư trú"), line("Giấy tờ tùy thân"), line("Kết hôn lần thứ mấy"),
        ("left", False, "Chúng tôi cam đoan những lời khai trên đây là đúng sự thật, việc kết hôn của chúng tôi là tự nguyện, không vi phạm quy định của Luật Hôn nhân và gia đình Việt Nam."),
        ("right", False, "Làm tại: …………………, ngày …… tháng …… năm ………"),
        ("left", True, "Bên nữ (Ký, ghi rõ họ, chữ đệm, tên)                    Bên nam (Ký, ghi rõ họ, chữ đệm, tên)"),
    ]),
    "Tờ khai đăng ký khai tử": ("to-khai-dang-ky-khai-tu.docx", "TỜ KHAI ĐĂNG KÝ KHAI TỬ", [
        line("Kính gửi"), *REQUESTER, line("Quan hệ với người đã chết"),
        ("left", True, "Đề nghị cơ quan đăng ký khai tử cho người có tên dưới đây:"),
        line("Họ, chữ đệm, tên"), line("Ngày, tháng, năm sinh"), line("Giới tính"), line("Dân tộc; quốc tịch"),
        line("Giấy tờ tùy thân"), line("Nơi cư trú cuối cùng"), line("Đã chết vào lúc (giờ, phút, ngày, tháng, năm)"),
        line("Nơi chết"), line("Nguyên nhân chết"), line("Số Giấy báo tử / giấy tờ thay Giấy báo tử"),
        *SIGN]),
    "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân": ("to-khai-xac-nhan-tinh-trang-hon-nhan.docx", "TỜ KHAI CẤP GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN", [
        line("Kính gửi"), *REQUESTER, line("Quan hệ với người được cấp Giấy xác nhận"),
        ("left", True, "Đề nghị cấp Giấy xác nhận tình trạng hôn nhân cho người có tên dưới đây:"),
        line("Họ, chữ đệm, tên"), line("Ngày, tháng, năm sinh"), line("Giới tính"), line("Dân tộc; quốc tịch"),
        line("Giấy tờ tùy thân"), line("Nơi cư trú"), line("Tình trạng hôn nhân"),
        line("Mục đích sử dụng Giấy xác nhận tình trạng hôn nhân"),
        *SIGN]),
    "Tờ khai cấp bản sao trích lục hộ tịch": ("to-khai-cap-ban-sao-trich-luc-ho-tich.docx", "TỜ KHAI CẤP BẢN SAO TRÍCH LỤC HỘ TỊCH", [
        line("Kính gửi"), *REQUESTER, line("Quan hệ với người được cấp bản sao trích lục"),
        ("left", True, "Đề nghị cấp bản sao trích lục hộ tịch cho người có tên dưới đây:"),
        line("Họ, chữ đệm, tên"), line("Ngày, tháng, năm sinh"), line("Loại việc hộ tịch đã đăng ký (khai sinh, kết hôn, khai tử…)"),
        line("Số, ngày đăng ký; cơ quan đã đăng ký"), line("Số lượng bản sao đề nghị cấp"),
        *SIGN]),
    "Đơn đề nghị cấp giấy phép xây dựng": ("don-de-nghi-cap-giay-phep-xay-dung.docx", "ĐƠN ĐỀ NGHỊ CẤP GIẤY PHÉP XÂY DỰNG", [
        ("center", False, "(Sử dụng cho công trình không theo tuyến / nhà ở riêng lẻ)"),
        line("Kính gửi"),
        ("left", True, "1. Thông tin về chủ đầu tư"), line("Tên chủ đầu tư (chủ hộ)"), line("Người đại diện; chức vụ"),
        line("Địa chỉ liên hệ"), line("Số điện thoại"),
        ("left", True, "2. Thông tin công trình"), line("Địa điểm xây dựng (lô đất, thửa đất số, tờ bản đồ số)"),
        line("Địa chỉ (số nhà, đường, xã/phường, tỉnh)"),
        ("left", True, "3. Nội dung đề nghị cấp phép"), line("Loại công trình; cấp công trình"),
        line("Diện tích xây dựng tầng 1 (m²)"), line("Tổng diện tích sàn (m²)"), line("Chiều cao công trình (m)"),
        line("Số tầng (tầng hầm, tầng trên mặt đất, tầng lửng, tum)"),
        ("left", True, "4. Đơn vị hoặc người chủ nhiệm thiết kế"), line("Tên; mã số chứng chỉ năng lực / hành nghề"),
        line("5. Dự kiến thời gian hoàn thành công trình (tháng)"),
        ("left", False, "Tôi xin cam đoan làm theo đúng giấy phép được cấp, nếu sai tôi xin hoàn toàn chịu trách nhiệm và bị xử lý theo quy định của pháp luật."),
        ("right", False, "……………, ngày …… tháng …… năm ………"),
        ("right", True, "Người làm đơn / Đại diện chủ đầu tư"),
        ("right", False, "(Ký, ghi rõ họ tên, đóng dấu nếu có)"),
    ]),
    "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp": ("to-khai-cap-phieu-ly-lich-tu-phap.docx", "TỜ KHAI YÊU CẦU CẤP PHIẾU LÝ LỊCH TƯ PHÁP", [
        ("center", False, "(Mẫu số 03/2013/TT-LLTP)"),
        line("Kính gửi"), line("1. Họ và tên"), line("2. Tên gọi khác (nếu có)"), line("3. Giới tính"),
        line("4. Ngày, tháng, năm sinh"), line("5. Nơi sinh"), line("6. Quốc tịch"), line("7. Nơi thường trú"),
        line("8. Nơi tạm trú"), line("9. Số CCCD / số định danh cá nhân; ngày cấp; nơi cấp"),
        line("10. Họ và tên cha; mẹ; vợ/chồng"), line("11. Quá trình cư trú của bản thân (từ đủ 14 tuổi)"),
        line("12. Yêu cầu cấp Phiếu lý lịch tư pháp số (1 hoặc 2); số lượng Phiếu"),
        line("13. Mục đích yêu cầu cấp Phiếu lý lịch tư pháp"),
        *SIGN]),
}

TEMPLATE_FILES = {prefix: f"templates/{name}" for prefix, (name, _, _) in FORMS.items()}

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""


def paragraph(align: str, bold: bool, text: str, size: int = 26) -> str:
    props = f'<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>{"<w:b/>" if bold else ""}<w:sz w:val="{size}"/>'
    jc = {"left": "both", "center": "center", "right": "right"}[align]
    return (f'<w:p><w:pPr><w:jc w:val="{jc}"/><w:spacing w:after="80"/></w:pPr>'
            f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>')


def document(title: str, body: list) -> str:
    paras = [paragraph(*p) for p in HEADER]
    paras.append(paragraph("center", True, title, 28))
    paras += [paragraph(*p) for p in body]
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            + "".join(paras)
            + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="0" w:footer="0" w:gutter="0"/></w:sectPr>'
            '</w:body></w:document>')


def write(path: Path, title: str, body: list) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
                           ("word/document.xml", document(title, body))]:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, text.encode("utf-8"))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, title, body in FORMS.values():
        write(OUT / name, title, body)
    print(f"wrote {len(FORMS)} template forms to {OUT}")


if __name__ == "__main__":
    main()
