#!/usr/bin/env python3
"""Write seed/forms/<procedure code>.json: the online application forms of the most used
procedures of seed/procedures.json, in the schema of domain/src/forms.rs (FormSchema).

The importer (domain::catalogue_import::attach_forms) reads forms/<code>.json beside the
import file and stores the form in the procedure version; a procedure without a file gets
the default form (one free-text field and one slot per document).

What the forms ask follows the official declaration of each procedure (civil status:
Thông tư 04/2020/TT-BTP as amended by Thông tư 04/2024/TT-BTP; residence: Mẫu CT01 of
Thông tư 66/2023/TT-BCA; criminal record: Mẫu số 03/2013/TT-LLTP; building permit:
Nghị định 175/2024/NĐ-CP; land: Mẫu 04/ĐK and 11/ĐK of Nghị định 101/2024/NĐ-CP; business
registration: the Ministry of Finance forms; social assistance: Mẫu 1a–1đ of Nghị định
20/2021/NĐ-CP; driving licence: Thông tư 12/2025/TT-BCA). The applicant's own identity
(name, citizen ID, date of birth, address, phone, e-mail) is asked by the portal's separate
"applicant" step, so the forms ask only about the subject of the procedure (the child, the
deceased, the spouse-to-be, the plot, the business…) and the applicant's relationship to
that person where the official form does.

Rules the script holds itself to, on top of the schema checks of validate.py:
- one document slot per document of the procedure, in the same order, required as there;
- a field's visible_if names a field that has no visible_if of its own: the form engine
  (forms::is_visible and the browser's conditional.rs) looks at the controller's value only,
  so a chain could show a field whose controller is hidden. Where a detail depends on two
  things (a parent is known, and is a foreign national), one choice with three options
  controls both.

Run: python3 scripts/seed/make_forms.py   (then python3 scripts/seed/validate.py)
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seed"
OUT = SEED / "forms"

SCANS = ["pdf", "jpg", "png"]
PDF = ["pdf"]
OFFICE = ["pdf", "docx", "jpg", "png"]
EARLIEST = "1900-01-01"


# --- builders -------------------------------------------------------------------------------

def L(vi: str, en: str) -> dict:
    return {"vi": vi, "en": en}


def when(field: str, *values: str) -> dict:
    return {"field": field, "any_of": list(values)}


def field(key: str, kind: str, vi: str, en: str, *, required: bool = False, hint=None,
          max_length: int | None = None, lo: str | None = None, hi: str | None = None,
          options=None, visible_if=None, fields=None, min_items=None, max_items=None) -> dict:
    f: dict = {"key": key, "type": kind, "label": L(vi, en)}
    if hint:
        f["hint"] = L(*hint)
    f["required"] = required
    if max_length is not None:
        f["max_length"] = max_length
    if lo is not None:
        f["min"] = lo
    if hi is not None:
        f["max"] = hi
    if options:
        f["options"] = [{"value": v, "label": L(ovi, oen)} for v, ovi, oen in options]
    if visible_if:
        f["visible_if"] = visible_if
    if fields:
        f["fields"] = fields
    if min_items is not None:
        f["min_items"] = min_items
    if max_items is not None:
        f["max_items"] = max_items
    return f


def text(key, vi, en, n=100, req=False, hint=None, show=None):
    return field(key, "text", vi, en, required=req, hint=hint, max_length=n, visible_if=show)


def area(key, vi, en, n=1000, req=False, hint=None, show=None):
    return field(key, "textarea", vi, en, required=req, hint=hint, max_length=n, visible_if=show)


def num(key, vi, en, lo=None, hi=None, req=False, hint=None, show=None):
    return field(key, "number", vi, en, required=req, hint=hint, lo=lo, hi=hi, visible_if=show)


def date(key, vi, en, lo=EARLIEST, hi="today", req=False, hint=None, show=None):
    return field(key, "date", vi, en, required=req, hint=hint, lo=lo, hi=hi, visible_if=show)


def choice(key, vi, en, options, req=True, hint=None, show=None):
    return field(key, "choice", vi, en, required=req, hint=hint, options=options, visible_if=show)


def check(key, vi, en, req=False, hint=None, show=None):
    return field(key, "checkbox", vi, en, required=req, hint=hint, visible_if=show)


def addr(key, vi, en, req=True, hint=None, show=None):
    return field(key, "address", vi, en, required=req, hint=hint, visible_if=show)


def cid(key, vi, en, req=True, hint=None, show=None):
    return field(key, "citizen_id", vi, en, required=req, hint=hint, visible_if=show)


def phone(key, vi, en, req=False, hint=None, show=None):
    return field(key, "phone", vi, en, required=req, hint=hint, visible_if=show)


def email(key, vi, en, req=False, hint=None, show=None):
    return field(key, "email", vi, en, required=req, hint=hint, visible_if=show)


def group(key, vi, en, fields, lo=0, hi=10, hint=None, show=None):
    return field(key, "group", vi, en, hint=hint, fields=fields, min_items=lo, max_items=hi,
                 visible_if=show)


def slot(key, vi, en, required, files=1, types=SCANS, mb=10, hint=None, online=False) -> dict:
    """A document slot; `online` marks the declaration the form's own fields replace (kept to
    match the catalogue's documents, never asked for: Nghị định 45/2020/NĐ-CP)."""
    s: dict = {"key": key, "label": L(vi, en)}
    if hint:
        s["hint"] = L(*hint)
    s["required"] = required
    s["max_files"] = files
    s["types"] = list(types)
    s["max_mb"] = mb
    if online:
        s["filled_online"] = True
    return s


# --- shared pieces --------------------------------------------------------------------------

SEX = [("nam", "Nam", "Male"), ("nu", "Nữ", "Female")]
ETHNIC_HINT = ("Ví dụ: Kinh, Khmer, Chăm, Hoa.", "For example: Kinh, Khmer, Cham, Hoa.")
NAME_HINT = ("Viết đủ dấu tiếng Việt, ví dụ: Nguyễn Minh An.",
             "With full Vietnamese spelling, for example: Nguyễn Minh An.")
AREA_HINT = ("Tính bằng mét vuông; số thập phân dùng dấu phẩy, ví dụ: 125,4.",
             "In square metres; use a comma for decimals, for example: 125,4.")


def sex(key="gioi_tinh", vi="Giới tính", en="Sex", show=None):
    return choice(key, vi, en, SEX, show=show)


def ethnic(key="dan_toc", vi="Dân tộc", en="Ethnic group", req=True, show=None):
    return text(key, vi, en, 30, req, ETHNIC_HINT, show)


def template_slot(vi: str, en: str, files: int = 2) -> dict:
    """The paper declaration the catalogue lists; the online form replaces it."""
    return slot("to_khai", vi, en, True, files, SCANS, 10, online=True)


ID_SLOT = slot(
    "giay_to_tuy_than", "Giấy tờ tùy thân của người yêu cầu", "Applicant's identity document", True, 2,
    SCANS, 10, ("Ảnh chụp hai mặt thẻ Căn cước/Căn cước công dân, hoặc trang thông tin của hộ chiếu còn giá trị.",
                "A photo of both sides of the citizen ID card, or of the data page of a valid passport."))


def authority_slot(required=False) -> dict:
    return slot("van_ban_uy_quyen", "Văn bản ủy quyền", "Power of attorney", required, 3, SCANS, 10, (
        "Chỉ khi bạn làm thủ tục thay người khác theo ủy quyền; văn bản ủy quyền phải được chứng thực, trừ trường hợp người ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột.",
        "Only when you act for someone else under a power of attorney; it must be certified unless "
        "it is given by a grandparent, parent, child, spouse or sibling."))


def parent(prefix: str, vi: str, en: str, unknown_vi: str, unknown_en: str) -> list[dict]:
    """A parent's details, shown by one choice (Vietnamese / foreign / not known): no chains."""
    who = f"thong_tin_{prefix}"
    known = ("viet_nam", "nuoc_ngoai")
    return [
        choice(who, f"Thông tin người {vi}", f"The {en}", [
            ("viet_nam", f"{vi.capitalize()} là công dân Việt Nam", f"The {en} is a Vietnamese citizen"),
            ("nuoc_ngoai", f"{vi.capitalize()} là người nước ngoài", f"The {en} is a foreign national"),
            ("chua_xac_dinh", unknown_vi, unknown_en),
        ]),
        text(f"ho_ten_{prefix}", f"Họ, chữ đệm, tên người {vi}", f"{en.capitalize()}'s full name", 100, True,
             NAME_HINT, when(who, *known)),
        date(f"ngay_sinh_{prefix}", f"Ngày, tháng, năm sinh của người {vi}", f"{en.capitalize()}'s date of birth",
             req=True, show=when(who, *known)),
        ethnic(f"dan_toc_{prefix}", f"Dân tộc của người {vi}", f"{en.capitalize()}'s ethnic group",
               show=when(who, "viet_nam")),
        cid(f"so_dinh_danh_{prefix}", f"Số định danh cá nhân của người {vi}",
            f"{en.capitalize()}'s personal ID number", show=when(who, "viet_nam"),
            hint=("12 chữ số, in trên thẻ Căn cước/Căn cước công dân.", "12 digits, printed on the citizen ID card.")),
        addr(f"noi_cu_tru_{prefix}", f"Nơi cư trú của người {vi}", f"{en.capitalize()}'s place of residence",
             show=when(who, "viet_nam")),
        text(f"quoc_tich_{prefix}", f"Quốc tịch của người {vi}", f"{en.capitalize()}'s nationality", 60, True,
             show=when(who, "nuoc_ngoai")),
        text(f"ho_chieu_{prefix}", f"Số hộ chiếu hoặc giấy tờ thay hộ chiếu của người {vi}",
             f"{en.capitalize()}'s passport (or equivalent document) number", 30, True, show=when(who, "nuoc_ngoai")),
        text(f"noi_cu_tru_{prefix}_nuoc_ngoai", f"Nơi cư trú của người {vi}", f"{en.capitalize()}'s place of residence",
             200, True, ("Địa chỉ ở Việt Nam hoặc ở nước ngoài.", "An address in Viet Nam or abroad."),
             when(who, "nuoc_ngoai")),
    ]


def place_of_birth() -> list[dict]:
    return [
        choice("noi_sinh_la", "Nơi sinh là", "Place of birth", [
            ("co_so_y_te", "Cơ sở y tế", "A health facility"),
            ("ngoai_co_so_y_te", "Ngoài cơ sở y tế (tại nhà, trên đường đi…)", "Outside a health facility (at home, on the way…)"),
        ]),
        text("ten_co_so_y_te", "Tên cơ sở y tế nơi sinh", "Name of the health facility", 200, True,
             ("Ví dụ: Bệnh viện Đa khoa tỉnh Tây Ninh.", "For example: Tây Ninh General Hospital."),
             when("noi_sinh_la", "co_so_y_te")),
        addr("noi_sinh", "Địa chỉ nơi sinh", "Address of the place of birth"),
        text("que_quan", "Quê quán", "Place of origin (quê quán)", 200, True,
             ("Theo quê quán của cha hoặc mẹ, do cha mẹ thỏa thuận; ví dụ: xã Hưng Điền, tỉnh Tây Ninh.",
              "The father's or the mother's place of origin, as the parents agree; for example: xã Hưng Điền, tỉnh Tây Ninh.")),
    ]


def child(prefix_vi: str = "người được khai sinh") -> list[dict]:
    return [
        text("ho_ten_nguoi_duoc_khai_sinh", f"Họ, chữ đệm, tên {prefix_vi}", "Full name of the person being registered",
             100, True, NAME_HINT),
        date("ngay_sinh", "Ngày, tháng, năm sinh", "Date of birth", req=True),
        sex(),
        ethnic(),
    ]


def relationship(key: str, vi: str, en: str, options) -> dict:
    return choice(key, vi, en, options)


RELATIVES = [
    ("ban_than", "Bản thân", "Myself"),
    ("vo_chong", "Vợ, chồng", "Spouse"),
    ("cha_me", "Cha, mẹ", "Parent"),
    ("con", "Con", "Child"),
    ("nguoi_than_khac", "Người thân thích khác", "Other relative"),
    ("nguoi_duoc_uy_quyen", "Người được ủy quyền", "Authorised representative"),
]

MEMBER = [
    text("ho_ten", "Họ, chữ đệm, tên", "Full name", 100, True, NAME_HINT),
    date("ngay_sinh", "Ngày, tháng, năm sinh", "Date of birth", req=True),
    sex(),
    cid("so_dinh_danh", "Số định danh cá nhân", "Personal ID number", req=False,
        hint=("Bỏ trống nếu chưa có (trẻ em chưa được cấp).", "Leave empty if none has been issued yet.")),
    text("quan_he_voi_chu_ho", "Quan hệ với chủ hộ", "Relationship to the head of household", 50, True,
         ("Ví dụ: vợ, con, cháu.", "For example: wife, son, grandchild.")),
]


# --- the forms ------------------------------------------------------------------------------

FORMS: dict[str, dict] = {}

# Đăng ký khai sinh — Tờ khai đăng ký khai sinh (TT 04/2020/TT-BTP, amended by TT 04/2024/TT-BTP).
FORMS["1.001193"] = {
    "fields": [
        relationship("quan_he_voi_nguoi_duoc_khai_sinh", "Quan hệ với người được khai sinh",
                     "Your relationship to the person being registered", [
                         ("me", "Mẹ", "Mother"),
                         ("cha", "Cha", "Father"),
                         ("ong_ba", "Ông, bà", "Grandparent"),
                         ("anh_chi", "Anh, chị", "Brother or sister"),
                         ("nguoi_than_khac", "Người thân thích khác", "Other relative"),
                         ("nguoi_nuoi_duong", "Cá nhân, tổ chức đang nuôi dưỡng trẻ", "Person or organisation caring for the child"),
                     ]),
        choice("truong_hop_khai_sinh", "Trường hợp khai sinh", "Kind of registration", [
            ("thong_thuong", "Khai sinh thông thường", "Ordinary birth registration"),
            ("tre_bi_bo_roi", "Trẻ bị bỏ rơi", "Abandoned child"),
            ("mang_thai_ho", "Trẻ sinh ra do mang thai hộ", "Child born through surrogacy"),
        ], hint=("Trẻ bị bỏ rơi hoặc sinh ra do mang thai hộ cần thêm giấy tờ ở bước Giấy tờ.",
                 "An abandoned child or a child born through surrogacy needs one more document in the Documents step.")),
        *child(),
        choice("quoc_tich", "Quốc tịch", "Nationality", [
            ("viet_nam", "Việt Nam", "Vietnamese"),
            ("nuoc_ngoai", "Quốc tịch nước ngoài (cha hoặc mẹ là người nước ngoài và cha mẹ đã thỏa thuận)",
             "Foreign (a parent is a foreign national and the parents have so agreed)"),
        ]),
        text("quoc_tich_nuoc_ngoai", "Tên quốc tịch nước ngoài", "Foreign nationality", 60, True,
             show=when("quoc_tich", "nuoc_ngoai")),
        *place_of_birth(),
        *parent("me", "mẹ", "mother", "Chưa xác định được người mẹ", "The mother is not known"),
        *parent("cha", "cha", "father", "Chưa có thông tin về người cha", "There is no information on the father"),
        num("so_ban_sao_trich_luc", "Số bản sao Trích lục khai sinh đề nghị cấp", "Copies of the birth extract requested",
            "0", "20", hint=("Ngoài bản chính Giấy khai sinh; để trống nếu không cần.",
                             "Besides the original birth certificate; leave empty if you need none.")),
    ],
    "documents": [
        template_slot("Tờ khai đăng ký khai sinh", "Birth registration declaration"),
        slot("giay_chung_sinh", "Giấy chứng sinh (hoặc văn bản làm chứng, giấy cam đoan về việc sinh)",
             "Medical birth certificate (or a witness statement or sworn statement on the birth)", True, 2, SCANS, 10,
             ("Bản chụp rõ nét bản chính Giấy chứng sinh do cơ sở y tế cấp.",
              "A clear photo of the original birth certificate issued by the health facility.")),
        slot("bien_ban_tre_bi_bo_roi", "Biên bản xác nhận việc trẻ bị bỏ rơi", "Record confirming the child was abandoned",
             False, 3),
        slot("van_ban_mang_thai_ho", "Văn bản chứng minh việc mang thai hộ", "Documents proving the surrogacy", False, 5),
        ID_SLOT,
        authority_slot(),
    ],
}

# Liên thông khai sinh – thường trú – thẻ BHYT – thẻ căn cước (Nghị định 63/2024/NĐ-CP).
FORMS["3.000722"] = {
    "fields": [
        relationship("quan_he_voi_tre", "Quan hệ với trẻ", "Your relationship to the child", [
            ("me", "Mẹ", "Mother"),
            ("cha", "Cha", "Father"),
            ("ong_ba", "Ông, bà", "Grandparent"),
            ("nguoi_than_khac", "Người thân thích khác", "Other relative"),
        ]),
        text("ho_ten_nguoi_duoc_khai_sinh", "Họ, chữ đệm, tên của trẻ", "Child's full name", 100, True, NAME_HINT),
        date("ngay_sinh", "Ngày, tháng, năm sinh", "Date of birth", req=True,
             hint=("Thủ tục liên thông áp dụng cho trẻ em dưới 6 tuổi.", "This joint procedure is for children under 6.")),
        sex(),
        ethnic(),
        *place_of_birth(),
        *parent("me", "mẹ", "mother", "Chưa xác định được người mẹ", "The mother is not known"),
        *parent("cha", "cha", "father", "Chưa có thông tin về người cha", "There is no information on the father"),
        addr("noi_thuong_tru", "Nơi đăng ký thường trú của trẻ", "Where the child is to be registered as a permanent resident",
             hint=("Thường là nơi thường trú của cha hoặc mẹ.", "Usually the permanent residence of the father or the mother.")),
        text("ho_ten_chu_ho", "Họ, chữ đệm, tên chủ hộ", "Head of household's full name", 100, True, NAME_HINT),
        cid("so_dinh_danh_chu_ho", "Số định danh cá nhân của chủ hộ", "Head of household's personal ID number"),
        text("quan_he_voi_chu_ho", "Quan hệ của trẻ với chủ hộ", "Child's relationship to the head of household", 50, True,
             ("Ví dụ: con, cháu.", "For example: son, daughter, grandchild.")),
        text("noi_kham_chua_benh_ban_dau", "Nơi đăng ký khám bệnh, chữa bệnh bảo hiểm y tế ban đầu",
             "Health-insurance primary care facility", 200, True,
             ("Ví dụ: Trạm Y tế phường Tân Ninh.", "For example: Tân Ninh ward health station.")),
        check("cap_the_can_cuoc", "Đề nghị cấp thẻ căn cước cho trẻ", "Issue an identity card to the child",
              hint=("Không bắt buộc với trẻ dưới 6 tuổi; thẻ được cấp miễn phí lần đầu.",
                    "Optional under 6; the first card is free.")),
        choice("nhan_the_can_cuoc", "Nơi nhận thẻ căn cước", "Where to receive the identity card", [
            ("tai_co_quan_cong_an", "Tại cơ quan Công an nơi làm thủ tục", "At the police office handling the request"),
            ("qua_buu_chinh", "Qua dịch vụ bưu chính đến địa chỉ thường trú", "By post to the permanent address"),
        ], show=when("cap_the_can_cuoc", "true")),
    ],
    "documents": [
        slot("to_khai_lien_thong", "Tờ khai điện tử liên thông", "Joint electronic declaration", True, 2, SCANS, 10,
             ("Nếu bạn đã khai trên Cổng Dịch vụ công quốc gia, tải lên bản tờ khai đã lưu.",
              "If you filled it in on the National Public Service Portal, upload the saved declaration.")),
        slot("giay_chung_sinh", "Bản chụp Giấy chứng sinh", "Copy of the medical birth certificate", True, 2),
        slot("cho_o_hop_phap", "Giấy tờ chứng minh chỗ ở hợp pháp", "Proof of lawful residence", False, 5, SCANS, 10,
             ("Chỉ khi thông tin chưa có trong cơ sở dữ liệu.", "Only when the information is not in the databases yet.")),
        authority_slot(),
    ],
}

# Đăng ký kết hôn — Tờ khai đăng ký kết hôn (TT 04/2020/TT-BTP, amended by TT 04/2024/TT-BTP).
FORMS["1.000894"] = {
    "fields": [
        choice("ben_nguoi_nop", "Bạn là", "You are", [
            ("ben_nu", "Bên nữ", "The bride"),
            ("ben_nam", "Bên nam", "The groom"),
        ], hint=("Nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi mới được kết hôn.", "The man must be at least 20 and the woman at least 18.")),
        ethnic("dan_toc_nguoi_nop", "Dân tộc của bạn", "Your ethnic group"),
        num("lan_ket_hon_nguoi_nop", "Bạn kết hôn lần thứ mấy", "Which marriage this is for you", "1", "10", True,
            ("Ghi 1 nếu kết hôn lần đầu.", "Enter 1 for a first marriage.")),
        text("ho_ten_ben_kia", "Họ, chữ đệm, tên người kết hôn với bạn", "Full name of the person you are marrying", 100, True, NAME_HINT),
        date("ngay_sinh_ben_kia", "Ngày, tháng, năm sinh của người kết hôn với bạn", "Their date of birth", req=True),
        ethnic("dan_toc_ben_kia", "Dân tộc của người kết hôn với bạn", "Their ethnic group"),
        cid("so_dinh_danh_ben_kia", "Số định danh cá nhân của người kết hôn với bạn", "Their personal ID number"),
        addr("noi_cu_tru_ben_kia", "Nơi cư trú của người kết hôn với bạn", "Their place of residence",
             hint=("Nếu người đó thường trú ở xã khác, có thể cần Giấy xác nhận tình trạng hôn nhân của họ.",
                   "If they live in another commune, their marital-status certificate may be needed.")),
        num("lan_ket_hon_ben_kia", "Người kết hôn với bạn: kết hôn lần thứ mấy", "Which marriage this is for them", "1", "10", True),
        check("da_ly_hon_o_nuoc_ngoai", "Một trong hai bên đã ly hôn tại cơ quan có thẩm quyền nước ngoài",
              "One of us divorced before a foreign authority",
              hint=("Khi đó cần Trích lục ghi chú ly hôn ở bước Giấy tờ.", "The extract recording that divorce is then needed in the Documents step.")),
        num("so_ban_sao_trich_luc", "Số bản sao Trích lục kết hôn đề nghị cấp", "Copies of the marriage extract requested", "0", "20"),
        check("cam_doan_tu_nguyen", "Chúng tôi cam đoan việc kết hôn là tự nguyện, không vi phạm quy định của Luật Hôn nhân và gia đình",
              "We declare that we marry of our own free will and that the marriage breaks no rule of the Law on Marriage and Family",
              req=True),
    ],
    "documents": [
        template_slot("Tờ khai đăng ký kết hôn", "Marriage registration declaration"),
        slot("giay_xac_nhan_tinh_trang_hon_nhan", "Giấy xác nhận tình trạng hôn nhân", "Marital-status certificate", False, 2),
        slot("trich_luc_ghi_chu_ly_hon", "Trích lục ghi chú ly hôn", "Extract recording a foreign divorce", False, 2),
        slot("giay_to_tuy_than", "Giấy tờ tùy thân của hai bên", "Identity documents of both of you", True, 4, SCANS, 10,
             ("Hai mặt thẻ Căn cước/Căn cước công dân hoặc hộ chiếu của cả bên nam và bên nữ.",
              "Both sides of the ID card, or the passport data page, of each of you.")),
    ],
}

# Cấp Giấy xác nhận tình trạng hôn nhân (TT 04/2020/TT-BTP, amended by TT 04/2024/TT-BTP).
FORMS["1.004873"] = {
    "fields": [
        relationship("quan_he_voi_nguoi_duoc_cap", "Quan hệ với người được cấp Giấy xác nhận",
                     "Your relationship to the person the certificate is for", RELATIVES),
        sex("gioi_tinh", "Giới tính của người được cấp", "Sex of the person the certificate is for"),
        ethnic("dan_toc", "Dân tộc của người được cấp", "Their ethnic group"),
        choice("tinh_trang_hon_nhan", "Tình trạng hôn nhân hiện nay", "Current marital status", [
            ("chua_ket_hon", "Chưa đăng ký kết hôn với ai", "Never married"),
            ("dang_co_vo_chong", "Đang có vợ hoặc chồng", "Married"),
            ("da_ly_hon", "Đã ly hôn, chưa kết hôn lại", "Divorced, not remarried"),
            ("vo_chong_da_chet", "Vợ hoặc chồng đã chết, chưa kết hôn lại", "Widowed, not remarried"),
        ]),
        text("ho_ten_vo_chong", "Họ, chữ đệm, tên vợ hoặc chồng", "Spouse's full name", 100, True, NAME_HINT,
             when("tinh_trang_hon_nhan", "dang_co_vo_chong")),
        text("giay_to_cham_dut_hon_nhan", "Bản án, quyết định ly hôn hoặc trích lục khai tử của vợ/chồng",
             "Divorce judgment or decision, or the spouse's death extract", 200, True,
             ("Ghi số, ngày, cơ quan cấp.", "Give its number, date and issuing body."),
             when("tinh_trang_hon_nhan", "da_ly_hon", "vo_chong_da_chet")),
        check("xac_nhan_thoi_gian_truoc", "Xác nhận tình trạng hôn nhân trong thời gian cư trú ở nơi khác trước đây",
              "Certify the status for an earlier period of residence elsewhere"),
        text("noi_cu_tru_truoc_day", "Nơi cư trú trước đây", "Earlier place of residence", 200, True,
             show=when("xac_nhan_thoi_gian_truoc", "true")),
        date("cu_tru_tu_ngay", "Cư trú từ ngày", "Resident from", req=True, show=when("xac_nhan_thoi_gian_truoc", "true")),
        date("cu_tru_den_ngay", "Đến ngày", "Until", req=True, show=when("xac_nhan_thoi_gian_truoc", "true")),
        choice("muc_dich_su_dung", "Mục đích sử dụng Giấy xác nhận", "Purpose of the certificate", [
            ("ket_hon", "Để đăng ký kết hôn ở Việt Nam", "To marry in Viet Nam"),
            ("ket_hon_nuoc_ngoai", "Để kết hôn với người nước ngoài hoặc tại nước ngoài", "To marry a foreign national or abroad"),
            ("khac", "Mục đích khác", "Another purpose"),
        ], hint=("Giấy xác nhận dùng để kết hôn chỉ có giá trị cho việc kết hôn với người được ghi tên.",
                 "A certificate for marriage is valid only for marrying the person named in it.")),
        text("ho_ten_nguoi_du_dinh_ket_hon", "Họ, chữ đệm, tên người dự định kết hôn", "Full name of the intended spouse", 100, True,
             show=when("muc_dich_su_dung", "ket_hon", "ket_hon_nuoc_ngoai")),
        date("ngay_sinh_nguoi_du_dinh_ket_hon", "Ngày sinh của người dự định kết hôn", "Intended spouse's date of birth", req=True,
             show=when("muc_dich_su_dung", "ket_hon", "ket_hon_nuoc_ngoai")),
        text("quoc_tich_nguoi_du_dinh_ket_hon", "Quốc tịch của người dự định kết hôn", "Intended spouse's nationality", 60, True,
             show=when("muc_dich_su_dung", "ket_hon_nuoc_ngoai")),
        text("noi_du_dinh_dang_ky_ket_hon", "Nơi dự định đăng ký kết hôn (cơ quan, nước)", "Where you intend to marry (authority, country)",
             200, True, show=when("muc_dich_su_dung", "ket_hon_nuoc_ngoai")),
        text("muc_dich_khac", "Ghi rõ mục đích", "State the purpose", 200, True,
             ("Ví dụ: bổ sung hồ sơ vay vốn, mua bán nhà đất.", "For example: a loan application, a property sale."),
             when("muc_dich_su_dung", "khac")),
        num("so_luong", "Số lượng Giấy xác nhận đề nghị cấp", "Number of certificates requested", "1", "10", True),
    ],
    "documents": [
        template_slot("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", "Marital-status certificate declaration"),
        slot("giay_to_ly_hon_hoac_khai_tu", "Giấy tờ chứng minh việc ly hôn hoặc vợ/chồng đã chết",
             "Proof of divorce or of the spouse's death", False, 3),
        slot("giay_xac_nhan_da_cap", "Giấy xác nhận tình trạng hôn nhân đã cấp trước đây", "Marital-status certificate issued before",
             False, 2, SCANS, 10, ("Khi đề nghị cấp lại vì hết hạn hoặc để dùng vào mục đích khác.",
                                   "When asking again because it expired or for another purpose.")),
        ID_SLOT,
    ],
}

DEATH_PLACE = [
    choice("noi_chet_la", "Nơi chết là", "Place of death", [
        ("co_so_y_te", "Cơ sở y tế", "A health facility"),
        ("tai_nha", "Tại nhà", "At home"),
        ("noi_khac", "Nơi khác", "Elsewhere"),
    ]),
    text("ten_co_so_y_te", "Tên cơ sở y tế", "Name of the health facility", 200, True, show=when("noi_chet_la", "co_so_y_te")),
    addr("noi_chet", "Địa chỉ nơi chết", "Address of the place of death"),
]

DECEASED = [
    text("ho_ten_nguoi_chet", "Họ, chữ đệm, tên người đã chết", "Full name of the deceased", 100, True, NAME_HINT),
    date("ngay_sinh_nguoi_chet", "Ngày, tháng, năm sinh", "Date of birth", req=True),
    sex(),
    ethnic(),
]

DEATH_NOTICE = [
    text("so_giay_bao_tu", "Số Giấy báo tử hoặc giấy tờ thay Giấy báo tử", "Number of the death notice (or replacing document)", 50, True),
    date("ngay_cap_giay_bao_tu", "Ngày cấp Giấy báo tử", "Date the death notice was issued", req=True),
    text("noi_cap_giay_bao_tu", "Cơ quan cấp Giấy báo tử", "Body that issued the death notice", 200, True,
         ("Ví dụ: Bệnh viện Đa khoa tỉnh Tây Ninh; Ủy ban nhân dân xã nơi người đó chết.",
          "For example: the hospital, or the People's Committee of the commune where the person died.")),
]

# Đăng ký khai tử — Tờ khai đăng ký khai tử (TT 04/2020/TT-BTP, amended by TT 04/2024/TT-BTP).
FORMS["1.000656"] = {
    "fields": [
        relationship("quan_he_voi_nguoi_chet", "Quan hệ với người đã chết", "Your relationship to the deceased", [
            ("vo_chong", "Vợ, chồng", "Spouse"),
            ("con", "Con", "Child"),
            ("cha_me", "Cha, mẹ", "Parent"),
            ("anh_chi_em", "Anh, chị, em", "Sibling"),
            ("nguoi_than_khac", "Người thân thích khác", "Other relative"),
            ("khac", "Cá nhân, tổ chức khác", "Another person or organisation"),
        ]),
        *DECEASED,
        choice("quoc_tich", "Quốc tịch của người đã chết", "Nationality of the deceased", [
            ("viet_nam", "Việt Nam", "Vietnamese"),
            ("nuoc_ngoai", "Nước ngoài hoặc không quốc tịch", "Foreign or stateless"),
        ]),
        cid("so_dinh_danh", "Số định danh cá nhân của người đã chết", "Personal ID number of the deceased", req=False,
            hint=("Nếu có.", "If known."), show=when("quoc_tich", "viet_nam")),
        text("quoc_tich_nuoc_ngoai", "Quốc tịch", "Nationality", 60, True,
             ("Ghi “không quốc tịch” nếu người đó không có quốc tịch.", "Write “stateless” if the person had no nationality."),
             when("quoc_tich", "nuoc_ngoai")),
        text("ho_chieu", "Số hộ chiếu hoặc giấy tờ thay hộ chiếu", "Passport (or equivalent document) number", 30, True,
             show=when("quoc_tich", "nuoc_ngoai")),
        addr("noi_cu_tru_cuoi_cung", "Nơi cư trú cuối cùng", "Last place of residence"),
        date("ngay_chet", "Ngày chết", "Date of death", req=True),
        text("gio_chet", "Giờ, phút chết", "Time of death", 5, False, ("Dạng giờ:phút, ví dụ 14:30.", "As hours:minutes, for example 14:30.")),
        *DEATH_PLACE,
        text("nguyen_nhan_chet", "Nguyên nhân chết", "Cause of death", 200, True,
             ("Theo Giấy báo tử, ví dụ: bệnh, tuổi già.", "As on the death notice, for example: illness, old age.")),
        *DEATH_NOTICE,
        num("so_ban_sao_trich_luc", "Số bản sao Trích lục khai tử đề nghị cấp", "Copies of the death extract requested", "0", "20"),
    ],
    "documents": [
        template_slot("Tờ khai đăng ký khai tử", "Death registration declaration"),
        slot("giay_bao_tu", "Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử", "Death notice or a document replacing it", True, 3),
        ID_SLOT,
        authority_slot(),
    ],
}

# Liên thông khai tử – xóa thường trú – mai táng phí, tử tuất (Nghị định 63/2024/NĐ-CP).
FORMS["2.002913"] = {
    "fields": [
        relationship("quan_he_voi_nguoi_chet", "Quan hệ với người đã chết", "Your relationship to the deceased", [
            ("vo_chong", "Vợ, chồng", "Spouse"),
            ("con", "Con", "Child"),
            ("cha_me", "Cha, mẹ", "Parent"),
            ("anh_chi_em", "Anh, chị, em", "Sibling"),
            ("nguoi_than_khac", "Người thân thích khác", "Other relative"),
        ]),
        *DECEASED,
        cid("so_dinh_danh", "Số định danh cá nhân của người đã chết", "Personal ID number of the deceased",
            hint=("Dùng để xóa đăng ký thường trú.", "Used to close the permanent-residence registration.")),
        addr("noi_thuong_tru", "Nơi thường trú của người đã chết", "Permanent residence of the deceased"),
        date("ngay_chet", "Ngày chết", "Date of death", req=True),
        *DEATH_PLACE,
        text("nguyen_nhan_chet", "Nguyên nhân chết", "Cause of death", 200, True),
        *DEATH_NOTICE,
        choice("mai_tang_phi", "Đề nghị giải quyết mai táng phí, trợ cấp tuất", "Funeral allowance and survivors' benefit", [
            ("khong", "Không đề nghị", "Not requested"),
            ("tai_khoan", "Có, nhận qua tài khoản ngân hàng", "Yes, paid into a bank account"),
            ("tien_mat", "Có, nhận tiền mặt", "Yes, paid in cash"),
        ]),
        choice("dien_huong", "Người đã chết thuộc diện", "The deceased was", [
            ("bao_hiem_xa_hoi", "Đang hưởng lương hưu, trợ cấp bảo hiểm xã hội hoặc đang đóng bảo hiểm xã hội",
             "Receiving a pension or social-insurance benefit, or contributing to social insurance"),
            ("nguoi_co_cong", "Người có công với cách mạng", "A person with meritorious services to the revolution"),
            ("bao_tro_xa_hoi", "Đối tượng bảo trợ xã hội", "A social-assistance beneficiary"),
        ], show=when("mai_tang_phi", "tai_khoan", "tien_mat")),
        text("so_so_bhxh", "Mã số bảo hiểm xã hội của người đã chết", "Social-insurance number of the deceased", 15, False,
             ("Nếu có; 10 chữ số trên sổ hoặc thẻ.", "If any; the 10 digits on the book or card."),
             when("mai_tang_phi", "tai_khoan", "tien_mat")),
        text("ngan_hang", "Ngân hàng", "Bank", 100, True, show=when("mai_tang_phi", "tai_khoan")),
        text("so_tai_khoan", "Số tài khoản", "Account number", 30, True, show=when("mai_tang_phi", "tai_khoan")),
        text("chu_tai_khoan", "Chủ tài khoản", "Account holder", 100, True, show=when("mai_tang_phi", "tai_khoan")),
        group("than_nhan_huong_tuat", "Thân nhân đề nghị hưởng trợ cấp tuất", "Relatives claiming the survivors' benefit", [
            text("ho_ten", "Họ, chữ đệm, tên", "Full name", 100, True, NAME_HINT),
            date("ngay_sinh", "Ngày, tháng, năm sinh", "Date of birth", req=True),
            cid("so_dinh_danh", "Số định danh cá nhân", "Personal ID number", req=False),
            text("quan_he", "Quan hệ với người đã chết", "Relationship to the deceased", 50, True,
                 ("Ví dụ: vợ, con, mẹ.", "For example: wife, son, mother.")),
        ], 0, 10, ("Vợ/chồng, con, cha mẹ đủ điều kiện hưởng trợ cấp tuất hằng tháng hoặc một lần.",
                   "Spouse, children or parents entitled to a monthly or lump-sum survivors' benefit."),
              when("mai_tang_phi", "tai_khoan", "tien_mat")),
    ],
    "documents": [
        slot("to_khai_lien_thong", "Tờ khai điện tử liên thông", "Joint electronic declaration", True, 2),
        slot("giay_bao_tu", "Bản chụp Giấy báo tử hoặc giấy tờ thay thế", "Copy of the death notice or a document replacing it", True, 3),
        slot("giay_to_huong_che_do", "Giấy tờ chứng minh thuộc đối tượng hưởng mai táng phí, tử tuất",
             "Proof of entitlement to the funeral allowance or survivors' benefit", False, 5),
        authority_slot(),
    ],
}

# Cấp bản sao Trích lục hộ tịch (TT 04/2020/TT-BTP, amended by TT 04/2024/TT-BTP).
FORMS["2.000635"] = {
    "fields": [
        relationship("quan_he_voi_nguoi_duoc_cap", "Quan hệ với người có tên trong trích lục",
                     "Your relationship to the person named in the extract", RELATIVES),
        group("ban_sao_de_nghi", "Bản sao trích lục đề nghị cấp", "Extract copies requested", [
            choice("loai_viec", "Loại việc hộ tịch đã đăng ký", "Civil-status event registered", [
                ("khai_sinh", "Khai sinh", "Birth"),
                ("ket_hon", "Kết hôn", "Marriage"),
                ("khai_tu", "Khai tử", "Death"),
                ("nhan_cha_me_con", "Nhận cha, mẹ, con", "Recognition of parentage"),
                ("giam_ho", "Giám hộ", "Guardianship"),
                ("thay_doi_cai_chinh", "Thay đổi, cải chính, bổ sung hộ tịch", "Change or correction of civil status"),
                ("khac", "Việc hộ tịch khác", "Another civil-status event"),
            ]),
            text("ho_ten", "Họ, chữ đệm, tên người có tên trong trích lục", "Full name of the person named", 100, True, NAME_HINT),
            date("ngay_sinh", "Ngày, tháng, năm sinh", "Date of birth"),
            text("so_dang_ky", "Số đăng ký (số, quyển số)", "Registration number (number, book)", 50, False,
                 ("Nếu biết; ghi trên bản chính giấy tờ hộ tịch.", "If known; it is on the original civil-status paper.")),
            date("ngay_dang_ky", "Ngày đăng ký", "Date of registration"),
            text("noi_dang_ky", "Cơ quan đã đăng ký", "Authority that registered it", 200, True,
                 ("Ví dụ: UBND xã Hưng Điền, tỉnh Long An (cũ).", "For example: the People's Committee of the commune, with the old name if it changed.")),
            num("so_luong", "Số bản sao", "Number of copies", "1", "20", True),
        ], 1, 10, ("Thêm một dòng cho mỗi việc hộ tịch cần bản sao.", "Add one entry for each civil-status event you need copies of.")),
        text("muc_dich", "Mục đích sử dụng", "What the copies are for", 200, False),
    ],
    "documents": [
        template_slot("Tờ khai cấp bản sao Trích lục hộ tịch", "Request for civil-status extract copies"),
        slot("van_ban_yeu_cau", "Văn bản yêu cầu của cơ quan, tổ chức", "Written request of the agency or organisation", False, 3,
             SCANS, 10, ("Chỉ khi cơ quan, tổ chức yêu cầu cấp.", "Only when an agency or organisation asks for the copies.")),
        ID_SLOT,
        authority_slot(),
    ],
    # The fee is per copy: the copies asked for are the sum of this number over the entries.
    "fee_quantity_field": "ban_sao_de_nghi.so_luong",
}

# Chứng thực bản sao từ bản chính (Nghị định 23/2015/NĐ-CP, 07/2025/NĐ-CP).
FORMS["2.000815"] = {
    "fields": [
        group("giay_to", "Giấy tờ, văn bản cần chứng thực bản sao", "Papers to certify copies of", [
            text("ten_giay_to", "Tên giấy tờ, văn bản", "Name of the paper", 200, True,
                 ("Ví dụ: Bằng tốt nghiệp trung học phổ thông.", "For example: upper-secondary school diploma.")),
            text("co_quan_cap", "Cơ quan cấp", "Issued by", 200, False),
            num("so_trang", "Số trang của bản chính", "Pages in the original", "1", "500", True),
            num("so_ban", "Số bản sao cần chứng thực", "Certified copies needed", "1", "50", True),
        ], 1, 20, ("Phí: 2.000 đồng/trang cho trang thứ nhất và thứ hai, 1.000 đồng/trang từ trang thứ ba (tối đa 200.000 đồng/bản).",
                   "Fee: 2,000 dong a page for the first two pages, 1,000 dong a page from the third (at most 200,000 dong a copy).")),
        check("nhan_ban_sao_dien_tu", "Nhận bản sao chứng thực điện tử", "Receive electronic certified copies",
              hint=("Bản sao điện tử có giá trị sử dụng thay cho bản giấy khi nộp hồ sơ trực tuyến.",
                    "Electronic certified copies can be used instead of paper ones in online filings.")),
    ],
    "documents": [
        slot("ban_chinh", "Bản chính giấy tờ, văn bản", "The original papers", True, 20, SCANS, 20,
             ("Bản quét đủ các trang, rõ chữ, đúng chiều; bản chính phải xuất trình khi nhận kết quả.",
              "A readable scan of every page; show the original when you collect the result.")),
        slot("ban_sao_tu_chuan_bi", "Bản sao do bạn tự chuẩn bị", "Copies you prepared yourself", False, 20, SCANS, 20),
    ],
}

# Chứng thực chữ ký (Nghị định 23/2015/NĐ-CP, 07/2025/NĐ-CP).
FORMS["2.000884"] = {
    "fields": [
        text("ten_giay_to", "Tên giấy tờ, văn bản cần chứng thực chữ ký", "Paper on which the signature is to be certified", 200, True,
             ("Ví dụ: Giấy ủy quyền, Đơn đề nghị.", "For example: an authorisation, an application letter.")),
        num("so_trang", "Số trang", "Pages", "1", "200", True),
        num("so_ban", "Số bản cần chứng thực", "Copies to certify", "1", "50", True,
            ("Phí 10.000 đồng cho mỗi trường hợp.", "The fee is 10,000 dong per request.")),
        choice("hinh_thuc", "Hình thức xác nhận", "How you will confirm it", [
            ("ky", "Ký trước mặt người thực hiện chứng thực", "Sign in front of the certifying officer"),
            ("diem_chi", "Điểm chỉ", "Fingerprint"),
            ("khong_the_ky", "Không thể ký và không thể điểm chỉ (cần người làm chứng)", "Unable to sign or fingerprint (a witness is needed)"),
        ]),
        text("ho_ten_nguoi_lam_chung", "Họ, chữ đệm, tên người làm chứng", "Witness's full name", 100, True, NAME_HINT,
             when("hinh_thuc", "khong_the_ky")),
        cid("so_dinh_danh_nguoi_lam_chung", "Số định danh cá nhân của người làm chứng", "Witness's personal ID number",
            show=when("hinh_thuc", "khong_the_ky")),
        area("noi_dung_tom_tat", "Tóm tắt nội dung giấy tờ", "Short summary of the paper", 500, False),
    ],
    "documents": [
        ID_SLOT,
        slot("van_ban_can_ky", "Giấy tờ, văn bản sẽ ký", "The paper you will sign", True, 20, OFFICE, 20,
             ("Bản chưa ký; bạn ký trước mặt người thực hiện chứng thực.", "Unsigned; you sign it in front of the certifying officer.")),
    ],
}

RESIDENCE_HEAD = [
    text("ho_ten_chu_ho", "Họ, chữ đệm, tên chủ hộ", "Head of household's full name", 100, True,
         ("Nếu bạn là chủ hộ, ghi tên của bạn.", "If you are the head of household, give your own name.")),
    cid("so_dinh_danh_chu_ho", "Số định danh cá nhân của chủ hộ", "Head of household's personal ID number"),
    text("quan_he_voi_chu_ho", "Quan hệ của bạn với chủ hộ", "Your relationship to the head of household", 50, True,
         ("Ví dụ: chủ hộ, vợ, con, người ở thuê.", "For example: head of household, wife, son, tenant.")),
]

# Đăng ký tạm trú — Tờ khai thay đổi thông tin cư trú (Mẫu CT01, TT 66/2023/TT-BCA).
FORMS["1.004194"] = {
    "fields": [
        addr("noi_tam_tru", "Địa chỉ nơi đăng ký tạm trú", "Address of the temporary residence"),
        choice("loai_cho_o", "Chỗ ở", "Your accommodation", [
            ("thue", "Nhà thuê", "Rented"),
            ("muon_o_nho", "Nhà mượn, ở nhờ", "Lent to you, or staying with someone"),
            ("so_huu", "Nhà thuộc sở hữu của bạn", "Owned by you"),
            ("khac", "Chỗ ở hợp pháp khác (ký túc xá, cơ sở lưu trú…)", "Other lawful accommodation (dormitory, lodging…)"),
        ]),
        num("thoi_han_tam_tru", "Thời hạn tạm trú đề nghị (tháng)", "Length of stay requested (months)", "1", "24", True,
            ("Tối đa 2 năm; có thể gia hạn.", "At most 2 years; it can be extended.")),
        *RESIDENCE_HEAD,
        choice("hinh_thuc_dang_ky", "Hình thức đăng ký", "How you register", [
            ("1", "Cá nhân, hộ gia đình (7.000 đồng)", "As a person or household (7,000 dong)"),
            ("3", "Theo danh sách, ví dụ người lao động của một doanh nghiệp (5.000 đồng/người)",
             "As a list, for example a company's workers (5,000 dong each)"),
        ]),
        group("thanh_vien_cung_dang_ky", "Người cùng đăng ký tạm trú với bạn", "People registering with you", MEMBER, 0, 20,
              ("Thành viên hộ gia đình hoặc người trong danh sách cùng thay đổi nơi cư trú.",
               "Household members, or people on the list, moving with you.")),
        area("ghi_chu", "Nội dung khác cần trình bày", "Anything else to tell the police", 500),
    ],
    "documents": [
        slot("to_khai_ct01", "Tờ khai thay đổi thông tin cư trú (Mẫu CT01)", "Residence change declaration (form CT01)", True, 2, online=True),
        slot("cho_o_hop_phap", "Giấy tờ chứng minh chỗ ở hợp pháp", "Proof of lawful accommodation", True, 5, SCANS, 10,
             ("Ví dụ: hợp đồng thuê nhà; văn bản cho mượn, cho ở nhờ (không cần công chứng).",
              "For example: a lease, or a letter lending you the place (no notarisation needed).")),
    ],
    "fee_item_field": "hinh_thuc_dang_ky",
}

# Đăng ký thường trú — Mẫu CT01, TT 66/2023/TT-BCA; cases of Điều 20 Luật Cư trú 2020.
FORMS["1.004222"] = {
    "fields": [
        addr("noi_thuong_tru", "Địa chỉ nơi đăng ký thường trú", "Address of the permanent residence"),
        choice("truong_hop", "Trường hợp đăng ký", "Your case", [
            ("so_huu", "Chỗ ở hợp pháp thuộc quyền sở hữu của bạn", "Lawful accommodation you own"),
            ("ve_o_voi_nguoi_than", "Về ở với vợ/chồng, cha mẹ, con hoặc người thân", "Moving in with a spouse, parent, child or other relative"),
            ("thue_muon_o_nho", "Thuê, mượn, ở nhờ", "Rented, lent to you, or staying with someone"),
            ("khac", "Trường hợp khác (cơ sở tín ngưỡng, tôn giáo, trợ giúp xã hội…)", "Another case (religious establishment, social-assistance facility…)"),
        ]),
        text("dien_tich_cho_o", "Diện tích sàn chỗ ở thuê, mượn, ở nhờ (m²)", "Floor area of the rented or lent accommodation (m²)", 20, True,
             ("Phải bảo đảm diện tích tối thiểu theo quy định của HĐND tỉnh.", "It must meet the minimum area per person set by the provincial council."),
             when("truong_hop", "thue_muon_o_nho")),
        *RESIDENCE_HEAD,
        choice("y_kien_dong_y", "Ý kiến đồng ý của chủ hộ, chủ sở hữu chỗ ở", "Consent of the head of household or owner", [
            ("vneid", "Chủ hộ, chủ sở hữu xác nhận qua ứng dụng VNeID", "Given in the VNeID app"),
            ("van_ban", "Bằng văn bản riêng (tải lên ở bước Giấy tờ)", "In a separate letter (upload it in the Documents step)"),
        ], show=when("truong_hop", "ve_o_voi_nguoi_than", "thue_muon_o_nho")),
        group("thanh_vien_cung_dang_ky", "Người cùng đăng ký thường trú với bạn", "People registering with you", MEMBER, 0, 20,
              ("Thành viên hộ gia đình cùng chuyển đến.", "Household members moving with you.")),
        area("ghi_chu", "Nội dung khác cần trình bày", "Anything else to tell the police", 500),
    ],
    "documents": [
        slot("to_khai_ct01", "Tờ khai thay đổi thông tin cư trú (Mẫu CT01)", "Residence change declaration (form CT01)", True, 2, online=True),
        slot("cho_o_hop_phap", "Giấy tờ chứng minh chỗ ở hợp pháp", "Proof of lawful accommodation", True, 5, SCANS, 10,
             ("Không cần nếu thông tin đã có trong cơ sở dữ liệu.", "Not needed if the information is already in the databases.")),
        slot("quan_he_nhan_than", "Giấy tờ chứng minh quan hệ nhân thân", "Proof of family relationship", False, 5, SCANS, 10,
             ("Khi về ở với người thân, ví dụ giấy khai sinh, trích lục kết hôn.", "When moving in with a relative, e.g. a birth or marriage extract.")),
        slot("y_kien_dong_y", "Văn bản đồng ý của chủ hộ, chủ sở hữu chỗ ở", "Consent letter of the head of household or owner", False, 2),
    ],
}

# Xác nhận thông tin về cư trú — Mẫu CT01 (TT 66/2023/TT-BCA), result Mẫu CT07.
FORMS["1.010041"] = {
    "fields": [
        choice("noi_dung_xac_nhan", "Nội dung đề nghị xác nhận", "What to confirm", [
            ("hien_tai", "Thông tin cư trú hiện tại (nơi thường trú, tạm trú)", "Current residence (permanent, temporary)"),
            ("qua_trinh", "Quá trình cư trú trong một khoảng thời gian", "Places of residence over a period"),
            ("thanh_vien_ho", "Thông tin về các thành viên trong hộ gia đình", "The members of your household"),
        ]),
        date("tu_ngay", "Từ ngày", "From", req=True, show=when("noi_dung_xac_nhan", "qua_trinh")),
        date("den_ngay", "Đến ngày", "Until", req=True, show=when("noi_dung_xac_nhan", "qua_trinh")),
        text("muc_dich", "Mục đích sử dụng", "What the confirmation is for", 200, True,
             ("Ví dụ: bổ sung hồ sơ xin việc, nhập học.", "For example: a job or school application.")),
        num("so_ban", "Số bản giấy đề nghị cấp", "Paper copies requested", "0", "5", False,
            ("Để trống nếu chỉ cần bản điện tử trên VNeID.", "Leave empty if the electronic copy in VNeID is enough.")),
    ],
    "documents": [
        slot("to_khai_ct01", "Tờ khai thay đổi thông tin cư trú (Mẫu CT01)", "Residence change declaration (form CT01)", True, 2, online=True),
    ],
}

PLOT = [
    text("so_thua", "Thửa đất số", "Plot number", 20, True),
    text("so_to_ban_do", "Tờ bản đồ số", "Map sheet number", 20, True),
    addr("dia_chi_thua_dat", "Địa chỉ thửa đất", "Address of the plot"),
]

CO_USER = [
    text("ho_ten", "Họ, chữ đệm, tên", "Full name", 100, True, NAME_HINT),
    date("ngay_sinh", "Ngày, tháng, năm sinh", "Date of birth", req=True),
    cid("so_dinh_danh", "Số định danh cá nhân", "Personal ID number"),
    text("quan_he", "Quan hệ với bạn", "Relationship to you", 50, True, ("Ví dụ: vợ, chồng, con.", "For example: wife, husband, son.")),
]

# Đăng ký đất đai, cấp Giấy chứng nhận lần đầu — Mẫu số 04/ĐK (Nghị định 101/2024/NĐ-CP).
FORMS["TN.DATDAI.001"] = {
    "fields": [
        choice("de_nghi", "Đề nghị", "You ask for", [
            ("dang_ky_va_cap_gcn", "Đăng ký đất đai và cấp Giấy chứng nhận", "Registration and a land-use certificate"),
            ("chi_dang_ky", "Chỉ đăng ký đất đai, chưa cấp Giấy chứng nhận", "Registration only, no certificate yet"),
        ]),
        group("nguoi_cung_su_dung", "Người cùng sử dụng đất, cùng sở hữu tài sản", "Co-users of the land and co-owners of the assets",
              CO_USER, 0, 10, ("Ngoài bạn; ví dụ vợ hoặc chồng, các thành viên hộ gia đình có chung quyền sử dụng đất.",
                               "Besides you; for example your spouse or household members who share the land-use right.")),
        *PLOT,
        text("dien_tich", "Diện tích thửa đất (m²)", "Area of the plot (m²)", 20, True, AREA_HINT),
        choice("muc_dich_su_dung", "Mục đích sử dụng đất", "Land use", [
            ("ont", "Đất ở tại nông thôn (ONT)", "Rural residential land (ONT)"),
            ("odt", "Đất ở tại đô thị (ODT)", "Urban residential land (ODT)"),
            ("cln", "Đất trồng cây lâu năm (CLN)", "Perennial crop land (CLN)"),
            ("bhk", "Đất trồng cây hằng năm khác (BHK)", "Other annual crop land (BHK)"),
            ("luc", "Đất trồng lúa (LUC, LUK)", "Paddy land (LUC, LUK)"),
            ("khac", "Mục đích khác", "Another use"),
        ]),
        text("muc_dich_khac", "Ghi rõ mục đích sử dụng", "State the use", 100, True, show=when("muc_dich_su_dung", "khac")),
        date("thoi_diem_bat_dau_su_dung", "Thời điểm bắt đầu sử dụng đất", "Since when the land has been used", req=True),
        choice("nguon_goc", "Nguồn gốc sử dụng đất", "How you came to use the land", [
            ("nhan_chuyen_nhuong", "Nhận chuyển nhượng, mua bán", "Bought"),
            ("thua_ke_tang_cho", "Được thừa kế, tặng cho", "Inherited or given"),
            ("nha_nuoc_giao", "Được Nhà nước giao, cho thuê", "Allocated or leased by the State"),
            ("tu_khai_hoang", "Tự khai hoang, sử dụng ổn định", "Cleared and used without dispute"),
            ("khac", "Nguồn gốc khác", "Another origin"),
        ]),
        area("nguon_goc_chi_tiet", "Trình bày nguồn gốc", "Describe the origin", 1000, False,
             ("Ví dụ: mua của ông Nguyễn Văn B năm 1998 bằng giấy viết tay.", "For example: bought from Mr B in 1998 by a handwritten deed.")),
        check("dang_ky_tai_san", "Đề nghị chứng nhận quyền sở hữu nhà ở, tài sản gắn liền với đất", "Also certify ownership of the house or other assets on the land"),
        text("loai_tai_san", "Loại tài sản", "Kind of asset", 100, True, ("Ví dụ: nhà ở riêng lẻ 2 tầng.", "For example: a two-storey detached house."),
             when("dang_ky_tai_san", "true")),
        text("dien_tich_xay_dung", "Diện tích xây dựng (m²)", "Built area (m²)", 20, True, AREA_HINT, when("dang_ky_tai_san", "true")),
        text("dien_tich_san", "Tổng diện tích sàn (m²)", "Total floor area (m²)", 20, True, AREA_HINT, when("dang_ky_tai_san", "true")),
        num("so_tang", "Số tầng", "Storeys", "1", "50", True, show=when("dang_ky_tai_san", "true")),
        num("nam_hoan_thanh", "Năm hoàn thành xây dựng", "Year the building was completed", "1900", "2100", True,
            show=when("dang_ky_tai_san", "true")),
        check("ghi_no_nghia_vu_tai_chinh", "Đề nghị ghi nợ tiền sử dụng đất, lệ phí trước bạ", "Ask to defer the land-use levy and registration fee"),
    ],
    "documents": [
        slot("don_dang_ky", "Đơn đăng ký đất đai, tài sản gắn liền với đất (Mẫu số 04/ĐK)", "Land and asset registration application (form 04/ĐK)",
             True, 3, online=True),
        slot("giay_to_quyen_su_dung_dat", "Giấy tờ về quyền sử dụng đất (Điều 137 Luật Đất đai)", "Papers on the land-use right (Article 137 of the Land Law)",
             False, 10, SCANS, 20),
        slot("giay_to_tai_san", "Giấy tờ về tài sản gắn liền với đất", "Papers on the assets on the land", False, 10, SCANS, 20),
        slot("chung_tu_nghia_vu_tai_chinh", "Chứng từ thực hiện nghĩa vụ tài chính, miễn giảm", "Receipts of financial obligations, or exemptions",
             False, 5),
        slot("trich_do_dia_chinh", "Mảnh trích đo bản đồ địa chính", "Cadastral survey extract of the plot", False, 3, SCANS, 20),
    ],
}

# Đăng ký biến động do chuyển nhượng, tặng cho, thừa kế, góp vốn — Mẫu số 11/ĐK (Nghị định 101/2024/NĐ-CP).
FORMS["TN.DATDAI.004"] = {
    "fields": [
        choice("loai_bien_dong", "Nội dung biến động", "Kind of change", [
            ("chuyen_nhuong", "Chuyển nhượng", "Transfer (sale)"),
            ("tang_cho", "Tặng cho", "Gift"),
            ("thua_ke", "Thừa kế", "Inheritance"),
            ("gop_von", "Góp vốn", "Contribution as capital"),
        ]),
        text("so_phat_hanh_gcn", "Số phát hành (số seri) Giấy chứng nhận đã cấp", "Serial number of the certificate issued", 20, True,
             ("Hai chữ cái và sáu chữ số ở trang 1, ví dụ: CS 123456.", "Two letters and six digits on page 1, for example: CS 123456.")),
        text("so_vao_so", "Số vào sổ cấp Giấy chứng nhận", "Certificate register number", 20, False),
        *PLOT,
        text("dien_tich_bien_dong", "Diện tích chuyển quyền (m²)", "Area changing hands (m²)", 20, True, AREA_HINT),
        group("ben_chuyen_quyen", "Bên chuyển quyền", "Transferring party", [
            text("ho_ten", "Họ, chữ đệm, tên", "Full name", 100, True, NAME_HINT),
            date("ngay_sinh", "Ngày, tháng, năm sinh", "Date of birth"),
            text("giay_to_tuy_than", "Số định danh cá nhân hoặc số giấy tờ tùy thân", "Personal ID or identity document number", 20, True,
                 ("Theo Giấy chứng nhận đã cấp (có thể là số Chứng minh nhân dân cũ).", "As on the certificate (may be an old 9-digit ID card number).")),
        ], 1, 10,
              ("Người đứng tên trên Giấy chứng nhận; khi thừa kế, ghi người để lại di sản.",
               "The holders named on the certificate; for an inheritance, the person who left the estate.")),
        group("ben_nhan_cung", "Người cùng nhận chuyển quyền với bạn", "Others receiving the rights with you", CO_USER, 0, 10,
              ("Ví dụ vợ hoặc chồng cùng đứng tên.", "For example a spouse to be named with you.")),
        text("so_cong_chung", "Số công chứng, chứng thực hợp đồng hoặc văn bản", "Notarisation or certification number of the contract", 50, True),
        date("ngay_cong_chung", "Ngày công chứng, chứng thực", "Date of notarisation or certification", req=True),
        text("noi_cong_chung", "Tổ chức hành nghề công chứng hoặc cơ quan chứng thực", "Notary office or certifying authority", 200, True),
        num("gia_tri_chuyen_nhuong", "Giá trị ghi trên hợp đồng (đồng)", "Price in the contract (dong)", "0", None, False,
            ("Dùng để tính thuế thu nhập cá nhân, lệ phí trước bạ.", "Used for income tax and the registration fee.")),
        choice("cap_gcn", "Đề nghị", "You ask for", [
            ("cap_moi", "Cấp Giấy chứng nhận mới", "A new certificate"),
            ("xac_nhan_tren_gcn", "Xác nhận thay đổi trên Giấy chứng nhận đã cấp", "The change noted on the existing certificate"),
        ]),
    ],
    "documents": [
        slot("don_dang_ky_bien_dong", "Đơn đăng ký biến động đất đai (Mẫu số 11/ĐK)", "Application to register the change (form 11/ĐK)", True, 3, online=True),
        slot("hop_dong", "Hợp đồng, văn bản đã công chứng hoặc chứng thực", "Notarised or certified contract or deed", True, 10, PDF, 20,
             ("Bản quét PDF đủ các trang.", "A PDF scan of every page.")),
        slot("giay_chung_nhan", "Bản gốc Giấy chứng nhận đã cấp", "Original certificate issued", True, 4, SCANS, 20,
             ("Bản quét đủ các trang; nộp bản gốc khi nhận kết quả.", "A scan of every page; hand in the original when you collect the result.")),
        slot("to_khai_thue", "Tờ khai thuế thu nhập cá nhân, tờ khai lệ phí trước bạ", "Income-tax and registration-fee returns", True, 5),
    ],
}

# Đăng ký thành lập công ty TNHH một thành viên — Giấy đề nghị đăng ký doanh nghiệp (Nghị định 168/2025/NĐ-CP).
INDUSTRY = [
    text("ma_nganh", "Mã ngành (cấp 4)", "Industry code (level 4)", 4, True,
         ("Theo Hệ thống ngành kinh tế Việt Nam, ví dụ: 4711.", "From the Vietnamese industry classification, for example: 4711.")),
    text("ten_nganh", "Tên ngành", "Industry", 300, True, ("Ví dụ: Bán lẻ lương thực, thực phẩm trong cửa hàng.", "For example: food retail in shops.")),
    check("nganh_chinh", "Ngành kinh doanh chính", "Main line of business"),
]

FORMS["TN.DOANHNGHIEP.002"] = {
    "fields": [
        text("ten_tieng_viet", "Tên công ty viết bằng tiếng Việt", "Company name in Vietnamese", 200, True,
             ("Gồm “Công ty trách nhiệm hữu hạn” (hoặc “Công ty TNHH”) và tên riêng; không trùng tên doanh nghiệp đã đăng ký.",
              "“Công ty trách nhiệm hữu hạn” (or “Công ty TNHH”) plus a proper name not already registered.")),
        text("ten_tieng_nuoc_ngoai", "Tên công ty viết bằng tiếng nước ngoài", "Company name in a foreign language", 200),
        text("ten_viet_tat", "Tên công ty viết tắt", "Abbreviated name", 100),
        addr("dia_chi_tru_so", "Địa chỉ trụ sở chính", "Head office address"),
        phone("dien_thoai", "Điện thoại di động của công ty", "Company mobile phone"),
        email("thu_dien_tu", "Thư điện tử của công ty", "Company e-mail"),
        num("von_dieu_le", "Vốn điều lệ (đồng)", "Charter capital (dong)", "1", None, True),
        choice("tai_san_gop_von", "Tài sản góp vốn", "Capital contributed as", [
            ("tien", "Đồng Việt Nam", "Vietnamese dong"),
            ("ngoai_te", "Ngoại tệ tự do chuyển đổi", "Freely convertible foreign currency"),
            ("tai_san_khac", "Vàng, quyền sử dụng đất, tài sản khác", "Gold, land-use rights or other assets"),
        ]),
        group("nganh_nghe", "Ngành, nghề kinh doanh", "Lines of business", INDUSTRY, 1, 50,
              ("Chọn đúng một ngành chính.", "Tick exactly one main line.")),
        choice("chu_so_huu", "Chủ sở hữu công ty", "Owner of the company", [
            ("ca_nhan", "Cá nhân (là bạn)", "An individual (you)"),
            ("to_chuc", "Tổ chức", "An organisation"),
        ]),
        text("ten_to_chuc_chu_so_huu", "Tên tổ chức chủ sở hữu", "Name of the owning organisation", 200, True, show=when("chu_so_huu", "to_chuc")),
        text("ma_so_doanh_nghiep_chu_so_huu", "Mã số doanh nghiệp hoặc số quyết định thành lập của tổ chức", "Its enterprise code or founding decision number",
             20, True, show=when("chu_so_huu", "to_chuc")),
        choice("mo_hinh_quan_ly", "Mô hình tổ chức quản lý", "Management structure", [
            ("chu_tich", "Chủ tịch công ty, Giám đốc hoặc Tổng giám đốc", "Company president and a director or general director"),
            ("hoi_dong_thanh_vien", "Hội đồng thành viên, Giám đốc hoặc Tổng giám đốc", "Members' council and a director or general director"),
        ]),
        text("ho_ten_nguoi_dai_dien", "Họ, chữ đệm, tên người đại diện theo pháp luật", "Legal representative's full name", 100, True, NAME_HINT),
        text("chuc_danh_nguoi_dai_dien", "Chức danh", "Title", 50, True, ("Ví dụ: Giám đốc.", "For example: Director.")),
        cid("so_dinh_danh_nguoi_dai_dien", "Số định danh cá nhân của người đại diện theo pháp luật", "Legal representative's personal ID number"),
        addr("noi_cu_tru_nguoi_dai_dien", "Nơi cư trú của người đại diện theo pháp luật", "Legal representative's residence"),
        date("ngay_bat_dau_hoat_dong", "Ngày dự kiến bắt đầu hoạt động", "Planned start of business", lo=None, hi=None),
        num("so_lao_dong", "Số lao động dự kiến", "Expected number of employees", "0", "100000"),
        choice("phuong_phap_thue_gtgt", "Phương pháp tính thuế giá trị gia tăng", "VAT method", [
            ("khau_tru", "Khấu trừ", "Credit-invoice method"),
            ("truc_tiep_doanh_thu", "Trực tiếp trên doanh thu", "Direct method on turnover"),
        ], req=False),
    ],
    "documents": [
        slot("giay_de_nghi", "Giấy đề nghị đăng ký doanh nghiệp", "Enterprise registration application", True, 2, ["pdf"], 10,
             ("Bản PDF có chữ ký của người đại diện theo pháp luật.", "A PDF signed by the legal representative.")),
        slot("dieu_le", "Điều lệ công ty", "Company charter", True, 1, ["pdf", "docx"], 20),
        slot("giay_to_nguoi_dai_dien", "Bản sao giấy tờ pháp lý của người đại diện theo pháp luật", "Copy of the legal representative's identity papers",
             True, 2),
        slot("giay_to_chu_so_huu", "Giấy tờ pháp lý của chủ sở hữu (và văn bản cử người đại diện nếu là tổ chức)",
             "Owner's legal papers (and the appointment of its representative if the owner is an organisation)", True, 5),
        slot("giay_chung_nhan_dang_ky_dau_tu", "Bản sao Giấy chứng nhận đăng ký đầu tư", "Copy of the investment registration certificate", False, 3,
             ["pdf"], 10, ("Chỉ khi nhà đầu tư nước ngoài thành lập công ty.", "Only for a company founded by a foreign investor.")),
    ],
}

# Đổi giấy phép lái xe — Đơn đề nghị đổi, cấp lại giấy phép lái xe (Thông tư 12/2025/TT-BCA).
FORMS["3.000347"] = {
    "fields": [
        group("giay_phep", "Giấy phép lái xe đề nghị đổi", "Licences to exchange", [
            text("so_giay_phep", "Số giấy phép lái xe", "Licence number", 15, True, ("12 chữ số in trên giấy phép.", "The 12 digits on the licence.")),
            text("hang", "Hạng", "Class", 10, True, ("Ví dụ: A1, B2, C.", "For example: A1, B2, C.")),
            date("ngay_cap", "Ngày cấp", "Date of issue", req=True),
            date("ngay_het_han", "Ngày hết hạn", "Expiry date", hi=None, hint=("Bỏ trống nếu không thời hạn.", "Leave empty if it does not expire.")),
            text("noi_cap", "Cơ quan cấp", "Issued by", 200, True, ("Ví dụ: Sở Giao thông vận tải Tây Ninh.", "For example: Tây Ninh Department of Transport.")),
        ], 1, 3, ("Mỗi giấy phép (thẻ) một dòng; các hạng được tích hợp trong giấy phép mới.",
                  "One entry per licence card; the classes are merged into the new licence.")),
        choice("ly_do_doi", "Lý do đổi", "Reason", [
            ("het_han", "Hết hạn hoặc sắp hết hạn", "Expired or about to expire"),
            ("hu_hong", "Bị hỏng", "Damaged"),
            ("mau_cu", "Giấy phép bằng giấy bìa hoặc mẫu cũ", "Old paper or old-style licence"),
            ("thay_doi_thong_tin", "Thay đổi thông tin nhân thân", "Change of personal details"),
        ]),
        area("thong_tin_thay_doi", "Thông tin nhân thân đã thay đổi", "Personal details that changed", 500, True,
             show=when("ly_do_doi", "thay_doi_thong_tin")),
        date("ngay_kham_suc_khoe", "Ngày khám sức khỏe", "Date of the medical examination", req=True,
             hint=("Giấy khám sức khỏe có giá trị 12 tháng.", "The medical certificate is valid for 12 months.")),
        text("co_so_kham_suc_khoe", "Cơ sở y tế cấp giấy khám sức khỏe", "Health facility that issued the medical certificate", 200, True),
    ],
    "documents": [
        slot("don_de_nghi", "Đơn đề nghị đổi giấy phép lái xe", "Application to exchange the driving licence", True, 2, online=True),
        slot("giay_kham_suc_khoe", "Giấy khám sức khỏe của người lái xe", "Driver's medical certificate", True, 2, SCANS, 10,
             ("Không cần nếu cơ sở y tế đã chia sẻ dữ liệu điện tử.", "Not needed if the health facility shared it electronically.")),
        slot("giay_phep_lai_xe", "Giấy phép lái xe đang sử dụng", "Current driving licence", True, 6, SCANS, 10,
             ("Hai mặt của mỗi giấy phép.", "Both sides of each licence.")),
        ID_SLOT,
    ],
}

# Đăng ký thành lập hộ kinh doanh — Giấy đề nghị đăng ký hộ kinh doanh (Nghị định 168/2025/NĐ-CP).
FORMS["1.001612"] = {
    "fields": [
        text("ten_ho_kinh_doanh", "Tên hộ kinh doanh", "Name of the household business", 200, True,
             ("Gồm “Hộ kinh doanh” và tên riêng, ví dụ: Hộ kinh doanh Tạp hóa Minh An.",
              "“Hộ kinh doanh” plus a proper name, for example: Hộ kinh doanh Tạp hóa Minh An.")),
        addr("dia_diem_kinh_doanh", "Địa điểm kinh doanh", "Business premises"),
        phone("dien_thoai", "Điện thoại di động của hộ kinh doanh", "Business mobile phone"),
        email("thu_dien_tu", "Thư điện tử", "E-mail"),
        group("nganh_nghe", "Ngành, nghề kinh doanh", "Lines of business", [
            text("ten_nganh", "Ngành, nghề", "Line of business", 300, True, ("Ví dụ: Bán lẻ tạp hóa.", "For example: grocery retail.")),
            text("ma_nganh", "Mã ngành (nếu biết)", "Industry code (if known)", 4),
        ], 1, 20),
        num("von_kinh_doanh", "Vốn kinh doanh (đồng)", "Business capital (dong)", "0", None, True),
        num("so_lao_dong", "Số lao động dự kiến", "Expected number of workers", "0", "1000"),
        choice("quyen_su_dung_dia_diem", "Địa điểm kinh doanh là", "The premises are", [
            ("so_huu", "Thuộc sở hữu của bạn hoặc gia đình", "Owned by you or your family"),
            ("thue_muon", "Thuê, mượn", "Rented or lent"),
        ]),
        choice("chu_the_dang_ky", "Người thành lập hộ kinh doanh", "Who founds the business", [
            ("ca_nhan", "Cá nhân bạn", "You alone"),
            ("thanh_vien_ho_gia_dinh", "Các thành viên hộ gia đình (bạn là chủ hộ kinh doanh)", "Members of your household (you manage it)"),
        ]),
        group("thanh_vien_ho_gia_dinh", "Thành viên hộ gia đình tham gia", "Household members taking part", [
            text("ho_ten", "Họ, chữ đệm, tên", "Full name", 100, True, NAME_HINT),
            date("ngay_sinh", "Ngày, tháng, năm sinh", "Date of birth", req=True),
            cid("so_dinh_danh", "Số định danh cá nhân", "Personal ID number"),
            text("quan_he", "Quan hệ với bạn", "Relationship to you", 50, True),
        ], 1, 20, show=when("chu_the_dang_ky", "thanh_vien_ho_gia_dinh")),
        date("ngay_bat_dau_kinh_doanh", "Ngày dự kiến bắt đầu kinh doanh", "Planned start of business", lo=None, hi=None),
        choice("phuong_phap_tinh_thue", "Phương pháp tính thuế", "Tax method", [
            ("ke_khai", "Kê khai", "Self-declared"),
            ("khoan", "Khoán", "Flat-rate (khoán)"),
        ], req=False),
    ],
    "documents": [
        slot("giay_de_nghi", "Giấy đề nghị đăng ký hộ kinh doanh", "Household business registration application", True, 2, online=True),
        slot("bien_ban_hop", "Biên bản họp thành viên hộ gia đình", "Minutes of the household members' meeting", False, 3),
        slot("van_ban_uy_quyen_chu_ho", "Văn bản ủy quyền cho thành viên làm chủ hộ kinh doanh", "Authorisation of a member to manage the business",
             False, 3),
        slot("giay_to_dia_diem", "Giấy tờ chứng minh quyền sử dụng địa điểm kinh doanh", "Proof of the right to use the premises", False, 5,
             SCANS, 10, ("Ví dụ: hợp đồng thuê mặt bằng.", "For example: the lease of the premises.")),
    ],
}

# Cấp Phiếu lý lịch tư pháp — Tờ khai Mẫu số 03/2013/TT-LLTP.
FORMS["TN.LLTP.001"] = {
    "fields": [
        choice("loai_phieu", "Loại Phiếu lý lịch tư pháp", "Kind of criminal record certificate", [
            ("phieu_1", "Phiếu số 1", "Certificate no. 1"),
            ("phieu_2", "Phiếu số 2 (ghi đủ án tích, kể cả đã xóa; phải tự yêu cầu, không ủy quyền)",
             "Certificate no. 2 (lists all convictions, including spent ones; only in person, not by proxy)"),
        ]),
        check("xac_nhan_cam_dam_nhiem", "Yêu cầu xác nhận về việc có bị cấm đảm nhiệm chức vụ, thành lập, quản lý doanh nghiệp, hợp tác xã",
              "Include whether I am barred from holding posts or founding or managing enterprises or cooperatives",
              show=when("loai_phieu", "phieu_1")),
        num("so_luong_phieu", "Số lượng Phiếu", "Number of certificates", "1", "10", True,
            ("Từ Phiếu thứ 3 trở đi thu thêm 5.000 đồng/Phiếu.", "From the third certificate on, 5,000 dong more each.")),
        text("muc_dich", "Mục đích yêu cầu cấp Phiếu", "Purpose", 200, True, ("Ví dụ: bổ sung hồ sơ xin việc.", "For example: a job application.")),
        choice("doi_tuong_phi", "Mức phí", "Fee", [
            ("0", "Thông thường (200.000 đồng)", "Standard (200,000 dong)"),
            ("1", "Học sinh, sinh viên, người có công với cách mạng, thân nhân liệt sĩ (100.000 đồng)",
             "Students, people with meritorious services, relatives of fallen soldiers (100,000 dong)"),
        ]),
        text("ten_goi_khac", "Tên gọi khác", "Other names", 100),
        sex(),
        text("noi_sinh", "Nơi sinh", "Place of birth", 200, True,
             ("Xã/phường, tỉnh/thành phố (hoặc nước) nơi sinh, theo giấy khai sinh.", "Commune and province (or country) as on the birth certificate.")),
        choice("quoc_tich", "Quốc tịch", "Nationality", [
            ("viet_nam", "Việt Nam", "Vietnamese"),
            ("nuoc_ngoai", "Nước ngoài (người nước ngoài đang cư trú tại Việt Nam)", "Foreign (a foreign national living in Viet Nam)"),
        ]),
        text("quoc_tich_nuoc_ngoai", "Quốc tịch", "Nationality", 60, True, show=when("quoc_tich", "nuoc_ngoai")),
        text("so_ho_chieu", "Số hộ chiếu", "Passport number", 30, True, show=when("quoc_tich", "nuoc_ngoai")),
        date("ngay_nhap_canh", "Ngày nhập cảnh Việt Nam gần nhất", "Latest entry into Viet Nam", req=True, show=when("quoc_tich", "nuoc_ngoai")),
        addr("noi_tam_tru", "Nơi tạm trú", "Temporary residence", req=False, hint=("Nếu có.", "If any.")),
        text("ho_ten_cha", "Họ, chữ đệm, tên cha", "Father's full name", 100, False),
        text("ho_ten_me", "Họ, chữ đệm, tên mẹ", "Mother's full name", 100, False),
        text("ho_ten_vo_chong", "Họ, chữ đệm, tên vợ hoặc chồng", "Spouse's full name", 100, False),
        group("qua_trinh_cu_tru", "Quá trình cư trú, nghề nghiệp, nơi làm việc (từ đủ 14 tuổi)",
              "Places of residence, occupations and workplaces (from age 14)", [
                  date("tu_ngay", "Từ ngày", "From", req=True),
                  date("den_ngay", "Đến ngày", "Until", hint=("Bỏ trống nếu đến nay.", "Leave empty if up to now.")),
                  text("noi_cu_tru", "Nơi cư trú", "Place of residence", 200, True),
                  text("nghe_nghiep_noi_lam_viec", "Nghề nghiệp, nơi làm việc", "Occupation and workplace", 200, True,
                       ("Ví dụ: học sinh, Trường THPT Tây Ninh.", "For example: pupil, Tây Ninh upper-secondary school.")),
              ], 1, 20, ("Ghi liên tục theo thời gian, không để trống khoảng nào.", "In order, with no gaps.")),
        check("da_co_an_tich", "Tôi đã từng bị kết án", "I have been convicted before",
              hint=("Khai trung thực giúp cơ quan tra cứu nhanh hơn.", "Declaring it helps the agency search faster.")),
        area("an_tich", "Án tích (tội danh, bản án, tòa án, ngày tuyên)", "Convictions (offence, judgment, court, date)", 1000, True,
             show=when("da_co_an_tich", "true")),
    ],
    "documents": [
        template_slot("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", "Criminal record certificate request"),
        ID_SLOT,
        slot("giay_to_cu_tru", "Giấy tờ chứng minh nơi cư trú", "Proof of residence", False, 3, SCANS, 10,
             ("Chỉ khi thông tin chưa có trong Cơ sở dữ liệu quốc gia về dân cư.", "Only when it is not in the national population database.")),
        slot("van_ban_uy_quyen", "Văn bản ủy quyền", "Power of attorney", False, 3, SCANS, 10,
             ("Chỉ cho Phiếu số 1 khi ủy quyền; Phiếu số 2 không được ủy quyền.", "Only for certificate no. 1 by proxy; no. 2 cannot be requested by proxy.")),
    ],
    "fee_item_field": "doi_tuong_phi",
}

# Cấp giấy phép xây dựng mới nhà ở riêng lẻ — Đơn đề nghị cấp giấy phép xây dựng (Nghị định 175/2024/NĐ-CP).
FORMS["TN.XAYDUNG.001"] = {
    "fields": [
        *PLOT,
        text("giay_to_dat", "Giấy tờ về quyền sử dụng đất", "Land-use right papers", 200, True,
             ("Loại, số phát hành và ngày cấp, ví dụ: Giấy chứng nhận số CS 123456 cấp ngày 05/03/2021.",
              "Kind, serial number and date, for example: certificate CS 123456 of 05/03/2021.")),
        text("dien_tich_lo_dat", "Diện tích lô đất (m²)", "Plot area (m²)", 20, True, AREA_HINT),
        choice("cap_cong_trinh", "Cấp công trình", "Building class", [
            ("cap_iii", "Cấp III", "Class III"),
            ("cap_iv", "Cấp IV", "Class IV"),
        ], hint=("Nhà ở riêng lẻ dưới 7 tầng thường là cấp III hoặc IV.", "A detached house under 7 storeys is usually class III or IV.")),
        text("dien_tich_xay_dung_tang_1", "Diện tích xây dựng tầng 1 (tầng trệt) (m²)", "Ground-floor built area (m²)", 20, True, AREA_HINT),
        text("tong_dien_tich_san", "Tổng diện tích sàn (m²)", "Total floor area (m²)", 20, True,
             ("Gồm cả tầng hầm, tầng lửng, tum.", "Including basement, mezzanine and roof structure.")),
        text("chieu_cao", "Chiều cao công trình (m)", "Building height (m)", 10, True, ("Tính từ cốt sân đến đỉnh mái.", "From the yard level to the top of the roof.")),
        num("so_tang_tren_mat_dat", "Số tầng trên mặt đất", "Storeys above ground", "1", "6", True),
        num("so_tang_ham", "Số tầng hầm", "Basement storeys", "0", "3", False),
        check("co_tang_lung", "Có tầng lửng", "Has a mezzanine"),
        check("co_tum", "Có tum (phòng kỹ thuật thang máy, cầu thang trên mái)", "Has a roof structure (stair or lift room)"),
        choice("thiet_ke", "Thiết kế do", "Designed by", [
            ("to_chuc", "Tổ chức, cá nhân có năng lực hành nghề thiết kế", "A licensed design firm or designer"),
            ("tu_thiet_ke", "Hộ gia đình tự thiết kế (nhà dưới 250 m² sàn, dưới 3 tầng, cao dưới 12 m)",
             "The household itself (under 250 m² of floor, under 3 storeys and under 12 m high)"),
        ]),
        text("don_vi_thiet_ke", "Tên đơn vị hoặc người thiết kế", "Design firm or designer", 200, True, show=when("thiet_ke", "to_chuc")),
        text("chung_chi_thiet_ke", "Mã số chứng chỉ năng lực hoặc chứng chỉ hành nghề", "Capability or practising certificate number", 50, True,
             show=when("thiet_ke", "to_chuc")),
        text("chu_nhiem_thiet_ke", "Họ, chữ đệm, tên chủ nhiệm thiết kế", "Lead designer's full name", 100, True, show=when("thiet_ke", "to_chuc")),
        num("thoi_gian_hoan_thanh", "Dự kiến thời gian hoàn thành công trình (tháng)", "Expected time to complete (months)", "1", "60", True),
        check("cam_ket", "Tôi cam đoan xây dựng đúng giấy phép được cấp; nếu sai xin chịu trách nhiệm và bị xử lý theo quy định của pháp luật",
              "I undertake to build as permitted and accept liability under the law if I do not", req=True),
    ],
    "documents": [
        slot("don_de_nghi", "Đơn đề nghị cấp giấy phép xây dựng", "Building permit application", True, 2, online=True),
        slot("giay_to_dat", "Giấy tờ hợp pháp về quyền sử dụng đất", "Lawful land-use right papers", True, 5, SCANS, 20),
        slot("ban_ve_thiet_ke", "Bản vẽ thiết kế xây dựng", "Building design drawings", True, 20, PDF, 30,
             ("Bản PDF: mặt bằng định vị công trình trên lô đất, mặt bằng các tầng, mặt đứng, mặt cắt, mặt bằng móng, sơ đồ đấu nối hạ tầng kỹ thuật.",
              "PDFs: site plan, floor plans, elevations, sections, foundation plan and utility connections.")),
        slot("nang_luc_thiet_ke", "Bản kê khai năng lực, kinh nghiệm của đơn vị thiết kế", "Designer's statement of capability and experience",
             False, 3, PDF, 10, ("Khi nhà có tổng diện tích sàn từ 250 m² hoặc từ 3 tầng trở lên.", "For houses of 250 m² of floor or more, or 3 storeys or more.")),
    ],
}

# Trợ cấp xã hội hàng tháng — Tờ khai Mẫu số 1a–1đ (Nghị định 20/2021/NĐ-CP, amended by 76/2024/NĐ-CP).
FORMS["TN.BTXH.001"] = {
    "fields": [
        choice("noi_dung_de_nghi", "Đề nghị", "You ask to", [
            ("thuc_hien", "Thực hiện trợ cấp, hỗ trợ hằng tháng", "Start a monthly allowance or support"),
            ("dieu_chinh", "Điều chỉnh mức trợ cấp", "Change the allowance"),
            ("thoi_huong", "Thôi hưởng trợ cấp", "Stop the allowance"),
        ]),
        choice("nhom_doi_tuong", "Nhóm đối tượng", "Category", [
            ("tre_em", "Trẻ em, người từ 16 đến 22 tuổi đang học không có nguồn nuôi dưỡng (Mẫu 1a)",
             "Child, or a person aged 16–22 still studying, with no one to support them (form 1a)"),
            ("nguoi_cao_tuoi", "Người cao tuổi (Mẫu 1b)", "Older person (form 1b)"),
            ("nguoi_khuyet_tat", "Người khuyết tật đặc biệt nặng, nặng (Mẫu 1c)", "Person with a severe or very severe disability (form 1c)"),
            ("don_than_ngheo", "Người đơn thân nghèo đang nuôi con (Mẫu 1a)", "Poor single parent raising children (form 1a)"),
            ("nhan_cham_soc", "Hộ gia đình, cá nhân nhận chăm sóc, nuôi dưỡng (Mẫu 1đ)", "Household or person caring for a beneficiary (form 1đ)"),
        ]),
        relationship("quan_he_voi_doi_tuong", "Quan hệ với người hưởng trợ cấp", "Your relationship to the beneficiary", [
            ("ban_than", "Bản thân", "Myself"),
            ("cha_me", "Cha, mẹ", "Parent"),
            ("vo_chong", "Vợ, chồng", "Spouse"),
            ("con_chau", "Con, cháu", "Child or grandchild"),
            ("nguoi_cham_soc", "Người đang chăm sóc, nuôi dưỡng", "Carer"),
        ]),
        text("ho_ten_doi_tuong", "Họ, chữ đệm, tên người hưởng trợ cấp", "Beneficiary's full name", 100, True, NAME_HINT),
        date("ngay_sinh_doi_tuong", "Ngày, tháng, năm sinh", "Date of birth", req=True),
        sex(),
        cid("so_dinh_danh_doi_tuong", "Số định danh cá nhân", "Personal ID number", req=False),
        addr("noi_cu_tru_doi_tuong", "Nơi cư trú", "Place of residence"),
        choice("muc_do_khuyet_tat", "Mức độ khuyết tật", "Degree of disability", [
            ("dac_biet_nang", "Đặc biệt nặng", "Very severe"),
            ("nang", "Nặng", "Severe"),
        ], show=when("nhom_doi_tuong", "nguoi_khuyet_tat")),
        text("so_giay_xac_nhan_khuyet_tat", "Số Giấy xác nhận khuyết tật", "Disability certificate number", 30, False,
             show=when("nhom_doi_tuong", "nguoi_khuyet_tat")),
        choice("hoan_canh_ho", "Hoàn cảnh hộ gia đình", "Household situation", [
            ("ho_ngheo", "Hộ nghèo", "Poor household"),
            ("ho_can_ngheo", "Hộ cận nghèo", "Near-poor household"),
            ("khong", "Không thuộc hộ nghèo, cận nghèo", "Neither"),
        ]),
        check("dang_huong_che_do_khac", "Đang hưởng lương hưu, trợ cấp bảo hiểm xã hội hoặc trợ cấp hằng tháng khác",
              "Already receiving a pension, social-insurance benefit or another monthly allowance"),
        text("che_do_dang_huong", "Chế độ đang hưởng và mức hưởng", "Benefit received and its amount", 200, True,
             show=when("dang_huong_che_do_khac", "true")),
        area("ly_do", "Lý do điều chỉnh, thôi hưởng", "Why change or stop", 1000, True, show=when("noi_dung_de_nghi", "dieu_chinh", "thoi_huong")),
        group("thanh_vien_ho", "Thành viên hộ gia đình", "Household members", [
            text("ho_ten", "Họ, chữ đệm, tên", "Full name", 100, True, NAME_HINT),
            date("ngay_sinh", "Ngày, tháng, năm sinh", "Date of birth", req=True),
            text("quan_he", "Quan hệ với người hưởng trợ cấp", "Relationship to the beneficiary", 50, True),
            text("nghe_nghiep", "Nghề nghiệp, tình trạng việc làm", "Occupation", 100, False),
        ], 0, 15, ("Những người đang sống cùng người hưởng trợ cấp.", "The people living with the beneficiary.")),
        choice("hinh_thuc_nhan", "Hình thức nhận trợ cấp", "How to receive the allowance", [
            ("tai_khoan", "Qua tài khoản ngân hàng", "Into a bank account"),
            ("buu_dien", "Chi trả qua bưu điện", "Through the post office"),
            ("tien_mat", "Tiền mặt tại UBND xã", "In cash at the commune People's Committee"),
        ]),
        text("ngan_hang", "Ngân hàng", "Bank", 100, True, show=when("hinh_thuc_nhan", "tai_khoan")),
        text("so_tai_khoan", "Số tài khoản", "Account number", 30, True, show=when("hinh_thuc_nhan", "tai_khoan")),
        text("chu_tai_khoan", "Chủ tài khoản", "Account holder", 100, True, show=when("hinh_thuc_nhan", "tai_khoan")),
    ],
    "documents": [
        slot("to_khai", "Tờ khai đề nghị trợ giúp xã hội (Mẫu 1a–1đ)", "Social assistance application (forms 1a–1đ)", True, 3, online=True),
        slot("giay_xac_nhan_khuyet_tat", "Giấy xác nhận khuyết tật", "Disability certificate", False, 2, SCANS, 10,
             ("Đối với người khuyết tật.", "For a person with a disability.")),
        slot("giay_to_hoan_canh", "Giấy tờ chứng minh hộ nghèo, cận nghèo hoặc hoàn cảnh đặc biệt",
             "Proof of a poor or near-poor household or special circumstances", False, 5, SCANS, 10,
             ("Nếu thông tin chưa có trong cơ sở dữ liệu.", "If the information is not in the databases yet.")),
    ],
}


# --- checks and output ----------------------------------------------------------------------

def problems_of(code: str, form: dict, proc: dict | None) -> list[str]:
    """What this script guarantees beyond the schema rules (validate.py checks those too)."""
    out: list[str] = []
    if proc is None:
        return [f"{code}: no such procedure in procedures.json"]
    if proc["level"] == "information":
        out.append(f"{code}: an information-only procedure takes no dossier")
    docs = proc["documents"]
    slots = form["documents"]
    if len(docs) != len(slots):
        out.append(f"{code}: {len(slots)} document slots for {len(docs)} documents")
    for i, (d, s) in enumerate(zip(docs, slots)):
        if d["required"] != s["required"]:
            out.append(f"{code}: documents[{i}] ({s['key']}) required={s['required']}, procedure says {d['required']}")

    def walk(fields: list[dict], at: str) -> None:
        by_key = {f["key"]: f for f in fields}
        for i, f in enumerate(fields):
            cond = f.get("visible_if")
            if cond and by_key.get(cond["field"], {}).get("visible_if"):
                out.append(f"{code}: {at}[{i}] depends on {cond['field']!r}, which is conditional itself")
            for lang in ("vi", "en"):
                if unicodedata.normalize("NFC", f["label"][lang]) != f["label"][lang]:
                    out.append(f"{code}: {at}[{i}].label.{lang} is not NFC")
            if f.get("fields"):
                walk(f["fields"], f"{at}[{i}].fields")

    walk(form["fields"], "fields")
    key = form.get("fee_item_field")
    if key:
        f = next((f for f in form["fields"] if f["key"] == key), None)
        if f is None or any(int(o["value"]) >= len(proc["fees"]) for o in f.get("options", [])):
            out.append(f"{code}: fee_item_field {key!r} must index the procedure's {len(proc['fees'])} fee items")
    return out


def main() -> None:
    procedures = {p["code"]: p for p in json.loads((SEED / "procedures.json").read_text(encoding="utf-8"))}
    problems = [p for code, form in FORMS.items() for p in problems_of(code, form, procedures.get(code))]
    if problems:
        print("make_forms: refusing to write", file=sys.stderr)
        for p in problems:
            print(f"  - {p}", file=sys.stderr)
        sys.exit(1)
    OUT.mkdir(parents=True, exist_ok=True)
    for stale in OUT.glob("*.json"):
        if stale.stem not in FORMS:
            stale.unlink()
    for code in sorted(FORMS):
        text = json.dumps(FORMS[code], ensure_ascii=False, indent=2) + "\n"
        (OUT / f"{code}.json").write_text(unicodedata.normalize("NFC", text), encoding="utf-8")
    print(f"wrote {len(FORMS)} forms to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
