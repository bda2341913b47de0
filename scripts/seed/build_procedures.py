#!/usr/bin/env python3
"""Build seed/procedures.json: the demo procedure catalogue for Tây Ninh.

The entries below are written from knowledge of the national catalogue of
administrative procedures (Cơ sở dữ liệu quốc gia về TTHC) and the laws cited in
each entry. ``code`` is the national procedure code only where it was verified;
every other entry has a local code ``TN.<FIELD>.<NNN>`` (never a made-up national
code). Province-level entries name their implementing agency by key (see
departments.csv); the key is turned into the agency code of seed/agencies.csv.

Fees whose amount is set by the provincial People's Council (HĐND tỉnh) carry the
marker ``(mức thu theo Nghị quyết HĐND tỉnh)`` in the item text: the amount is the
level commonly applied and must be checked against Tây Ninh's current resolution. Amounts fixed nationally but
not verified for this seed carry ``(mức thu cần đối chiếu văn bản hiện hành)``.

Run: python3 scripts/seed/build_procedures.py
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

sys.dont_write_bytecode = True  # importing make_agencies must not leave __pycache__ in the repo
sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_agencies import department_codes  # noqa: E402
from make_templates import TEMPLATE_FILES  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "seed" / "procedures.json"
AGENCY = department_codes()
HDND = " (mức thu theo Nghị quyết HĐND tỉnh)"
VERIFY = " (mức thu cần đối chiếu văn bản hiện hành)"

PROCEDURES: list[dict] = []


# ---------------------------------------------------------------- helpers

def L(field: str, n: int) -> str:
    """Local (provincial) procedure code."""
    return f"TN.{field}.{n:03d}"


def D(name, kind="original", copies=1, required=True, template=None):
    doc = {"name": name, "copies": copies, "kind": kind, "required": required, "template": template}
    for prefix, path in TEMPLATE_FILES.items():
        if template and template.startswith(prefix + " (") or template == prefix:
            doc["template_file"] = path
    return doc


# Where province-level dossiers are received: the public administration service centre, except
# for the police, who keep their own desks.
OWN_DESK = {"CONGAN"}

# Inter-agency procedures: the commune receives and starts, a province department finishes.
PROCESSING = {
    "TN.DATDAI.001": ["commune", "NNMT"],
    "TN.DATDAI.002": ["commune", "NNMT"],
}


def O(name, **kw):
    return D(name, "original", **kw)


def C(name, **kw):
    return D(name, "copy", **kw)


def OC(name, **kw):
    return D(name, "original_or_copy", **kw)


def F(item, amount, per=None):
    fee = {"item": item, "amount_vnd": amount}
    if per:
        fee["per"] = per
    return fee


ID_DOC = O(
    "Giấy tờ tùy thân của người yêu cầu (hộ chiếu, thẻ Căn cước/Căn cước công dân hoặc giấy tờ có ảnh "
    "do cơ quan có thẩm quyền cấp, còn giá trị) để xuất trình khi nộp trực tiếp"
)
AUTH_DOC = O(
    "Văn bản ủy quyền theo quy định của pháp luật (trường hợp ủy quyền thực hiện thủ tục)", required=False
)

WHERE = {
    "xa": "Bộ phận Một cửa của Ủy ban nhân dân cấp xã",
    "ca_xa": "Công an cấp xã",
}


def where(agency):
    if agency in WHERE:
        return WHERE[agency]
    return "Trung tâm Phục vụ hành chính công tỉnh (quầy tiếp nhận của " + short(agency) + ")"


def short(agency_key):
    from make_agencies import departments

    for d in departments():
        if d["key"] == agency_key:
            return d["short_name"]
    raise KeyError(agency_key)


def flow(agency, *processing, pay=False, online=True, ret=None):
    """Numbered steps: submit, intake, processing steps, (payment), return."""
    at = where(agency)
    if online:
        submit = (
            "Người yêu cầu chuẩn bị hồ sơ và nộp trực tuyến trên Cổng Dịch vụ công quốc gia, nộp trực tiếp "
            f"hoặc gửi qua dịch vụ bưu chính đến {at}."
        )
    else:
        submit = f"Người yêu cầu chuẩn bị hồ sơ và nộp trực tiếp hoặc qua dịch vụ bưu chính tại {at}."
    parts = [
        submit,
        "Cán bộ tiếp nhận kiểm tra hồ sơ: hồ sơ đầy đủ, hợp lệ thì cấp Phiếu tiếp nhận hồ sơ và hẹn trả kết quả; "
        "chưa đầy đủ thì hướng dẫn bổ sung, hoàn thiện một lần; không thuộc thẩm quyền hoặc không đủ điều kiện thì "
        "từ chối bằng văn bản, nêu rõ lý do.",
        *processing,
    ]
    if pay:
        parts.append("Người yêu cầu nộp phí, lệ phí theo quy định (trực tuyến hoặc tại nơi tiếp nhận).")
    parts.append(
        ret
        or "Trả kết quả tại nơi tiếp nhận, qua dịch vụ bưu chính hoặc bản điện tử trên tài khoản dịch vụ công "
        "của người yêu cầu."
    )
    return [f"Bước {i}: {p}" for i, p in enumerate(parts, start=1)]


CHANNELS = {
    "full_online": ["online", "desk", "post"],
    "partial_online": ["online", "desk", "post"],
    "information": ["desk", "post"],
}



# Extra search words for entries whose inline list is short (merged into ``keywords``).
EXTRA_KEYWORDS = {
    "TN.BAOCHI.004": ["cơ sở in ấn", "in ấn"],
    "TN.BAOCHI.006": ["hội chợ xuất bản phẩm"],
    "TN.BTXH.005": ["đổi giấy xác nhận khuyết tật"],
    "TN.BTXH.008": ["hộ nông nghiệp mức sống trung bình"],
    "TN.BTXH.014": ["cơ sở trợ giúp xã hội ngoài công lập"],
    "TN.BUUCHINH.002": ["văn phòng đại diện bưu chính"],
    "TN.BUUCHINH.004": ["chứng nhận doanh nghiệp khoa học và công nghệ"],
    "TN.CHUNGTHUC.005": ["sửa hợp đồng đã chứng thực"],
    "TN.CONGCHUNG.001": ["công chứng viên"],
    "TN.CONGCHUNG.002": ["văn phòng công chứng"],
    "TN.CONGCHUNG.003": ["giấy đăng ký hoạt động công chứng", "văn phòng công chứng mới"],
    "TN.CONGCHUNG.004": ["đổi trưởng văn phòng công chứng"],
    "TN.CONGCHUNG.005": ["thẻ công chứng viên bị hỏng"],
    "TN.CONGTHUONG.004": ["sửa đổi giấy phép bán lẻ rượu"],
    "TN.CONGTHUONG.006": ["giấy phép bán sỉ thuốc lá"],
    "TN.DOANHNGHIEP.005": ["thành viên hợp danh"],
    "TN.DULICH.002": ["thẻ hdv quốc tế"],
    "TN.DULICH.003": ["cấp lại thẻ hướng dẫn viên"],
    "TN.DULICH.006": ["tiêu chuẩn phục vụ khách du lịch"],
    "TN.DUOC.002": ["chứng chỉ hành nghề dược bị hỏng"],
    "TN.GIAODUC.002": ["nhóm trẻ độc lập"],
    "TN.GIAODUC.003": ["sáp nhập nhóm trẻ"],
    "1.000419": ["báo tử tại nhà"],
    "TN.HOTICH.003": ["kết hôn cho người khuyết tật"],
    "TN.HOTICH.007": ["nhận con có yếu tố nước ngoài"],
    "TN.HOTICH.009": ["báo tử người nước ngoài"],
    "TN.HOTICH.010": ["kết thúc giám hộ"],
    "TN.HOTICH.014": ["đăng ký kết hôn nước ngoài về việt nam"],
    "TN.KBCB.002": ["gia hạn chứng chỉ hành nghề y"],
    "TN.KBCB.003": ["giấy phép hành nghề bị hỏng"],
    "TN.KBCB.005": ["thay đổi quy mô phòng khám"],
    "TN.LAODONG.002": ["giấy phép lao động hết hạn"],
    "TN.LAODONG.003": ["giấy phép lao động bị hỏng"],
    "TN.LAODONG.004": ["xác nhận miễn work permit"],
    "TN.LAODONG.006": ["học nghề khi thất nghiệp"],
    "TN.LAODONG.007": ["nội quy doanh nghiệp"],
    "TN.LAODONG.008": ["chấp thuận sử dụng lao động nước ngoài"],
    "TN.LLTP.002": ["phiếu lý lịch tư pháp số 1 cho tổ chức"],
    "TN.LLTP.003": ["lý lịch tư pháp cho tòa án"],
    "TN.MOITRUONG.004": ["cấp đổi giấy phép môi trường"],
    "TN.NCC.004": ["hài cốt liệt sĩ"],
    "TN.NCC.005": ["trợ cấp một lần kháng chiến"],
    "TN.NCC.008": ["đính chính hồ sơ người có công"],
    "TN.NUOICONNUOI.001": ["làm lại giấy con nuôi"],
    "TN.NUOICONNUOI.002": ["nhận con nuôi có yếu tố nước ngoài"],
    "TN.NUOICONNUOI.003": ["con nuôi có yếu tố nước ngoài", "người nước ngoài nhận con nuôi việt nam"],
    "TN.QUOCTICH.002": ["khôi phục quốc tịch việt nam"],
    "TN.QUOCTICH.003": ["xin thôi quốc tịch"],
    "TN.QUOCTICH.004": ["chứng minh quốc tịch việt nam"],
    "TN.QUOCTICH.005": ["giấy xác nhận người gốc việt"],
    "TN.TDKT.002": ["giấy khen đột xuất"],
    "TN.TDKT.003": ["đề nghị bằng khen"],
    "TN.TDKT.004": ["chiến sĩ thi đua"],
    "TN.TDKT.005": ["khen thưởng tập thể"],
    "TN.TGPL.002": ["thay luật sư trợ giúp pháp lý", "trợ giúp pháp lý"],
    "TN.TGPL.003": ["khiếu nại luật sư trợ giúp", "trợ giúp pháp lý"],
    "TN.TNNUOC.004": ["gia hạn giấy phép nước ngầm"],
    "TN.TONGIAO.003": ["hoạt động tôn giáo hằng năm"],
    "TN.TONGIAO.007": ["bồi dưỡng chức sắc tôn giáo"],
    "TN.VANHOA.002": ["lễ hội truyền thống"],
    "TN.VANHOA.007": ["lễ hội truyền thống cấp tỉnh"],
    "TN.XAYDUNG.003": ["sửa giấy phép xây dựng nhà"],
    "TN.XAYDUNG.004": ["chưa khởi công giấy phép xây dựng"],
    "TN.XAYDUNG.005": ["giấy phép xây dựng bị rách"],
    "TN.XAYDUNG.007": ["cấp lại giấy phép xây dựng công trình"],
    "TN.XAYDUNG.010": ["chứng chỉ năng lực hạng iii"],
}

def P(code, name, field, level, agency, description, steps, documents, fees, days, result, legal,
      keywords, note=None, hours=None, conditions=None, popular=False, channels=None):
    """Append one procedure. agency None = every commune People's Committee (commune level)."""
    entry = {
        "code": code,
        "name": name,
        "field": field,
        "level": level,
        "agency_level": "commune" if agency is None else "province",
        "agency": None if agency is None else AGENCY[agency],
        "description": description,
        "steps": steps,
        "channels": channels or CHANNELS[level],
        "documents": documents,
        "fees": fees,
        "processing_days": days,
        "processing_note": note,
        "result": result,
        "conditions": conditions,
        "legal_basis": legal,
        "keywords": keywords + [k for k in EXTRA_KEYWORDS.get(code, []) if k not in keywords],
        "popular": popular,
    }
    if hours is not None:
        entry["processing_hours"] = hours
    if agency is not None and agency not in OWN_DESK:
        entry["receiving"] = {"level": "province", "agency": AGENCY["HCC"]}
    if code in PROCESSING:
        entry["processing"] = [
            {"level": "commune", "agency": None} if k == "commune" else {"level": "province", "agency": AGENCY[k]}
            for k in PROCESSING[code]
        ]
    PROCEDURES.append(entry)


# Frequently cited legal bases.
LHT = "Luật Hộ tịch số 60/2014/QH13"
ND123 = "Nghị định số 123/2015/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch"
TT04 = "Thông tư số 04/2020/TT-BTP quy định chi tiết thi hành một số điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP"
TT04_24 = "Thông tư số 04/2024/TT-BTP sửa đổi, bổ sung một số điều của Thông tư số 04/2020/TT-BTP"
TT85 = "Thông tư số 85/2019/TT-BTC hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh"
ND120 = "Nghị định số 120/2025/NĐ-CP quy định về phân định thẩm quyền của chính quyền địa phương 02 cấp trong lĩnh vực quản lý nhà nước của Bộ Tư pháp"
HT_BASE = [LHT, ND123, TT04, TT04_24, ND120]
FORM_HT = "ban hành kèm Thông tư số 04/2020/TT-BTP, sửa đổi bởi Thông tư số 04/2024/TT-BTP"

ND23 = "Nghị định số 23/2015/NĐ-CP về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch"
TT01_CT = "Thông tư số 01/2020/TT-BTP quy định chi tiết, hướng dẫn thi hành một số điều của Nghị định số 23/2015/NĐ-CP"
TT226 = "Thông tư số 226/2016/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí chứng thực"
CT_BASE = [ND23, TT01_CT, TT226, ND120]

LCT = "Luật Cư trú số 68/2020/QH14"
ND154 = "Nghị định số 154/2024/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Cư trú"
TT55 = "Thông tư số 55/2021/TT-BCA quy định chi tiết một số điều và biện pháp thi hành Luật Cư trú (sửa đổi bởi Thông tư số 66/2023/TT-BCA)"
TT56 = "Thông tư số 56/2021/TT-BCA quy định về biểu mẫu trong đăng ký, quản lý cư trú (sửa đổi bởi Thông tư số 66/2023/TT-BCA)"
TT57 = "Thông tư số 57/2021/TT-BCA quy định quy trình đăng ký cư trú (sửa đổi bởi Thông tư số 66/2023/TT-BCA)"
TT75 = "Thông tư số 75/2022/TT-BTC quy định mức thu, chế độ thu, nộp và quản lý lệ phí đăng ký cư trú"
CUTRU_BASE = [LCT, ND154, TT55, TT56, TT57]
CT01 = "Tờ khai thay đổi thông tin cư trú (Mẫu CT01 ban hành kèm Thông tư số 66/2023/TT-BCA)"


# ================================================================ HỘ TỊCH (cấp xã)

P("1.001193", "Đăng ký khai sinh", "HOTICH", "full_online", None,
  "Cha, mẹ hoặc người thân đăng ký khai sinh cho trẻ em sinh ra tại Việt Nam trong thời hạn 60 ngày kể từ ngày sinh. "
  "Kết quả là Giấy khai sinh, đồng thời trẻ được cấp số định danh cá nhân.",
  flow("xa",
       "Công chức tư pháp - hộ tịch kiểm tra thông tin; nếu hợp lệ thì ghi vào Sổ đăng ký khai sinh, cập nhật vào "
       "Cơ sở dữ liệu hộ tịch điện tử và lấy số định danh cá nhân cho trẻ.",
       "Chủ tịch Ủy ban nhân dân cấp xã ký Giấy khai sinh; người đi đăng ký kiểm tra nội dung và ký vào Sổ hộ tịch."),
  [O("Tờ khai đăng ký khai sinh", template="Tờ khai đăng ký khai sinh (" + FORM_HT + ")"),
   O("Giấy chứng sinh; trường hợp không có thì văn bản của người làm chứng xác nhận việc sinh hoặc giấy cam đoan về việc sinh"),
   O("Biên bản xác nhận việc trẻ bị bỏ rơi (trường hợp khai sinh cho trẻ bị bỏ rơi)", required=False),
   O("Văn bản chứng minh việc mang thai hộ (trường hợp trẻ sinh ra do mang thai hộ)", required=False),
   ID_DOC, AUTH_DOC],
  [F("Lệ phí đăng ký khai sinh đúng hạn", 0)],
  0, "Giấy khai sinh (bản chính); bản sao Giấy khai sinh nếu người yêu cầu có đề nghị.",
  HT_BASE + ["Nghị định số 87/2020/NĐ-CP quy định về Cơ sở dữ liệu hộ tịch điện tử, đăng ký hộ tịch trực tuyến"],
  ["khai sinh", "giấy khai sinh", "làm giấy khai sinh", "đăng ký cho con", "khai sinh cho bé", "số định danh cho trẻ"],
  note="Ngay trong ngày tiếp nhận hồ sơ; trường hợp nhận hồ sơ sau 15 giờ mà không giải quyết được ngay thì trả kết quả trong ngày làm việc tiếp theo.",
  conditions="Việc khai sinh chưa được đăng ký; đăng ký tại Ủy ban nhân dân cấp xã nơi cư trú của cha hoặc mẹ. Miễn lệ phí khi đăng ký đúng hạn.",
  popular=True)

P("3.000722",
  "Liên thông điện tử: đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế, cấp thẻ căn cước cho trẻ em dưới 6 tuổi",
  "HOTICH", "full_online", None,
  "Cha, mẹ làm một lần trên Cổng Dịch vụ công quốc gia hoặc ứng dụng VNeID để đồng thời đăng ký khai sinh, đăng ký thường trú, "
  "được cấp thẻ bảo hiểm y tế và thẻ căn cước cho trẻ em dưới 6 tuổi, không phải đi lại nhiều nơi.",
  flow("xa",
       "Ủy ban nhân dân cấp xã giải quyết đăng ký khai sinh và chuyển dữ liệu điện tử cho cơ quan đăng ký cư trú và cơ quan bảo hiểm xã hội.",
       "Công an cấp xã giải quyết đăng ký thường trú; cơ quan bảo hiểm xã hội cấp thẻ bảo hiểm y tế; cơ quan quản lý căn cước cấp thẻ căn cước cho trẻ.",
       ret="Người yêu cầu nhận Giấy khai sinh điện tử và thông báo kết quả trên tài khoản dịch vụ công/VNeID; bản giấy nhận tại Bộ phận Một cửa hoặc qua bưu chính."),
  [O("Tờ khai điện tử liên thông (biểu mẫu điện tử tương tác trên Cổng Dịch vụ công quốc gia)"),
   OC("Bản chụp Giấy chứng sinh hoặc giấy tờ thay thế Giấy chứng sinh"),
   OC("Giấy tờ chứng minh chỗ ở hợp pháp nếu thông tin chưa có trong cơ sở dữ liệu", required=False),
   AUTH_DOC],
  [F("Lệ phí đăng ký khai sinh đúng hạn", 0), F("Lệ phí đăng ký thường trú cho trẻ em khi đăng ký cùng khai sinh", 0),
   F("Lệ phí cấp thẻ căn cước lần đầu cho trẻ em", 0)],
  7, "Giấy khai sinh; thông báo kết quả đăng ký thường trú; thẻ bảo hiểm y tế; thẻ căn cước của trẻ.",
  HT_BASE + [LCT, "Luật Căn cước số 26/2023/QH15", "Luật Bảo hiểm y tế số 25/2008/QH12 (sửa đổi, bổ sung)",
             "Nghị định số 63/2024/NĐ-CP quy định việc thực hiện liên thông điện tử 02 nhóm thủ tục hành chính: đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi; đăng ký khai tử, xóa đăng ký thường trú, giải quyết mai táng phí, tử tuất"],
  ["liên thông khai sinh", "khai sinh thường trú bảo hiểm y tế", "thẻ bhyt cho bé", "làm giấy tờ cho con mới sinh", "căn cước cho trẻ"],
  note="Khai sinh giải quyết ngay trong ngày; tổng thời gian không vượt quá thời hạn cộng lại của các thủ tục thành phần (đăng ký thường trú tối đa 07 ngày làm việc).",
  popular=True)

P("1.000689", "Đăng ký khai sinh kết hợp nhận cha, mẹ, con", "HOTICH", "partial_online", None,
  "Dùng khi đăng ký khai sinh cho trẻ mà người cha hoặc mẹ chưa được ghi trong hồ sơ, và người đó muốn nhận con ngay khi khai sinh.",
  flow("xa",
       "Công chức tư pháp - hộ tịch kiểm tra, xác minh (nếu cần); nếu việc nhận cha, mẹ, con là đúng, không có tranh chấp thì báo cáo Chủ tịch UBND cấp xã.",
       "Chủ tịch UBND cấp xã ký Giấy khai sinh và Trích lục đăng ký nhận cha, mẹ, con; các bên ký vào Sổ hộ tịch."),
  [O("Tờ khai đăng ký khai sinh và Tờ khai đăng ký nhận cha, mẹ, con", template="Tờ khai đăng ký khai sinh; Tờ khai đăng ký nhận cha, mẹ, con (" + FORM_HT + ")"),
   O("Giấy chứng sinh hoặc giấy tờ thay thế"),
   OC("Chứng cứ chứng minh quan hệ cha, mẹ, con (văn bản giám định ADN hoặc giấy tờ khác theo quy định)"),
   ID_DOC],
  [F("Lệ phí đăng ký khai sinh đúng hạn", 0), F("Lệ phí đăng ký nhận cha, mẹ, con" + HDND, 15000)],
  3, "Giấy khai sinh; Trích lục đăng ký nhận cha, mẹ, con.",
  HT_BASE, ["khai sinh nhận cha", "nhận cha cho con", "khai sinh có tên cha", "nhận con khi khai sinh"],
  note="03 ngày làm việc; nếu phải xác minh thì kéo dài thêm không quá 05 ngày làm việc.",
  conditions="Bên nhận và bên được nhận còn sống; việc nhận cha, mẹ, con không có tranh chấp.")

P("1.004884", "Đăng ký lại khai sinh", "HOTICH", "partial_online", None,
  "Dành cho người đã đăng ký khai sinh tại cơ quan có thẩm quyền của Việt Nam trước ngày 01/01/2016 nhưng Sổ hộ tịch và bản chính Giấy khai sinh đều bị mất.",
  flow("xa",
       "Công chức tư pháp - hộ tịch kiểm tra hồ sơ, xác minh (nếu cần) việc khai sinh trước đây.",
       "Chủ tịch UBND cấp xã ký Giấy khai sinh; ghi vào Sổ đăng ký khai sinh với ghi chú \"đăng ký lại\"."),
  [O("Tờ khai đăng ký lại khai sinh", template="Tờ khai đăng ký lại khai sinh (" + FORM_HT + ")"),
   OC("Bản sao Giấy khai sinh hoặc giấy tờ, tài liệu có nội dung liên quan đến việc khai sinh (giấy tờ tùy thân, hồ sơ học tập, sổ hộ khẩu cũ…)"),
   O("Văn bản cam đoan về việc đã đăng ký khai sinh nhưng không lưu giữ được bản sao Giấy khai sinh", required=False),
   ID_DOC],
  [F("Lệ phí đăng ký lại khai sinh" + HDND, 10000)],
  5, "Giấy khai sinh (bản chính) có ghi chú đăng ký lại.",
  HT_BASE, ["đăng ký lại khai sinh", "mất giấy khai sinh", "làm lại giấy khai sinh", "khai sinh lại"],
  note="05 ngày làm việc; nếu phải xác minh thì kéo dài thêm không quá 05 ngày làm việc.",
  conditions="Việc khai sinh đã được đăng ký trước ngày 01/01/2016 nhưng Sổ hộ tịch và bản chính Giấy khai sinh đều bị mất.")

P(L("HOTICH", 1), "Đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân", "HOTICH", "partial_online", None,
  "Dành cho công dân Việt Nam cư trú trong nước, đã có hồ sơ, giấy tờ cá nhân (căn cước, hộ chiếu, học bạ…) nhưng chưa bao giờ đăng ký khai sinh.",
  flow("xa", "Công chức tư pháp - hộ tịch đối chiếu hồ sơ, giấy tờ cá nhân; xác minh nếu cần.",
       "Chủ tịch UBND cấp xã ký Giấy khai sinh; nội dung khai sinh ghi theo giấy tờ cá nhân hiện có."),
  [O("Tờ khai đăng ký khai sinh", template="Tờ khai đăng ký khai sinh (" + FORM_HT + ")"),
   OC("Giấy tờ, tài liệu có nội dung về họ tên, ngày sinh, quê quán, dân tộc, quốc tịch của người cần đăng ký"),
   O("Văn bản cam đoan về việc chưa đăng ký khai sinh"), ID_DOC],
  [F("Lệ phí đăng ký khai sinh (đăng ký muộn)" + HDND, 10000)],
  5, "Giấy khai sinh (bản chính).",
  HT_BASE, ["khai sinh cho người lớn", "chưa có giấy khai sinh", "đăng ký khai sinh muộn", "khai sinh quá hạn"],
  note="05 ngày làm việc; nếu phải xác minh thì kéo dài thêm không quá 05 ngày làm việc.")

P(L("HOTICH", 2), "Đăng ký khai sinh lưu động", "HOTICH", "information", None,
  "UBND cấp xã tổ chức đăng ký khai sinh tại nhà hoặc tại nơi cư trú cho trẻ em trong trường hợp cha, mẹ không thể đến trụ sở vì ốm đau, khuyết tật, "
  "hoặc địa bàn đặc biệt khó khăn.",
  ["Bước 1: Người dân thông báo với công chức tư pháp - hộ tịch về nhu cầu đăng ký khai sinh lưu động.",
   "Bước 2: Công chức tư pháp - hộ tịch đến địa điểm đăng ký lưu động, hướng dẫn kê khai Tờ khai và kiểm tra giấy tờ.",
   "Bước 3: Trong thời hạn 05 ngày làm việc, công chức ghi vào Sổ hộ tịch, báo cáo Chủ tịch UBND cấp xã ký Giấy khai sinh.",
   "Bước 4: Công chức trả Giấy khai sinh tại địa điểm đăng ký lưu động; người yêu cầu ký vào Sổ hộ tịch."],
  [O("Tờ khai đăng ký khai sinh", template="Tờ khai đăng ký khai sinh (" + FORM_HT + ")"),
   O("Giấy chứng sinh hoặc giấy tờ thay thế"), ID_DOC],
  [], 5, "Giấy khai sinh (bản chính).",
  HT_BASE, ["khai sinh lưu động", "khai sinh tại nhà", "đăng ký khai sinh tại nhà"],
  conditions="Cha, mẹ không thể đến trụ sở do ốm bệnh, khuyết tật hoặc lý do chính đáng khác. Miễn lệ phí.")

P("1.000894", "Đăng ký kết hôn", "HOTICH", "partial_online", None,
  "Nam, nữ là công dân Việt Nam cư trú trong nước đăng ký kết hôn tại UBND cấp xã nơi cư trú của một trong hai bên. "
  "Hai bên có thể nộp hồ sơ trực tuyến nhưng phải cùng có mặt khi nhận Giấy chứng nhận kết hôn.",
  flow("xa",
       "Công chức tư pháp - hộ tịch kiểm tra, xác minh điều kiện kết hôn theo Luật Hôn nhân và gia đình.",
       "Chủ tịch UBND cấp xã ký Giấy chứng nhận kết hôn.",
       ret="Hai bên nam, nữ cùng có mặt tại trụ sở UBND cấp xã, kiểm tra nội dung, ký vào Giấy chứng nhận kết hôn và Sổ hộ tịch; mỗi bên được cấp 01 bản chính Giấy chứng nhận kết hôn."),
  [O("Tờ khai đăng ký kết hôn", template="Tờ khai đăng ký kết hôn (" + FORM_HT + ")"),
   O("Giấy xác nhận tình trạng hôn nhân (chỉ khi một bên đăng ký thường trú tại xã khác và thông tin chưa khai thác được trong cơ sở dữ liệu)", required=False),
   O("Trích lục ghi chú ly hôn (trường hợp đã ly hôn ở nước ngoài)", required=False),
   ID_DOC],
  [F("Lệ phí đăng ký kết hôn", 0)],
  0, "Giấy chứng nhận kết hôn (mỗi bên 01 bản chính).",
  HT_BASE + ["Luật Hôn nhân và gia đình số 52/2014/QH13"],
  ["kết hôn", "đăng ký kết hôn", "giấy đăng ký kết hôn", "làm giấy kết hôn", "giấy hôn thú"],
  note="Ngay trong ngày tiếp nhận hồ sơ; nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo; nếu cần xác minh điều kiện kết hôn thì không quá 05 ngày làm việc.",
  conditions="Nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi; tự nguyện; không mất năng lực hành vi dân sự; không thuộc các trường hợp cấm kết hôn.",
  popular=True)

P(L("HOTICH", 3), "Đăng ký kết hôn lưu động", "HOTICH", "information", None,
  "UBND cấp xã tổ chức đăng ký kết hôn tại nơi cư trú khi một hoặc cả hai bên không thể đến trụ sở vì khuyết tật, ốm bệnh hoặc lý do đặc biệt.",
  ["Bước 1: Người dân đề nghị công chức tư pháp - hộ tịch tổ chức đăng ký kết hôn lưu động.",
   "Bước 2: Công chức tư pháp - hộ tịch đến địa điểm đăng ký lưu động, kiểm tra giấy tờ, hướng dẫn kê khai Tờ khai.",
   "Bước 3: Trong thời hạn 05 ngày làm việc, công chức báo cáo Chủ tịch UBND cấp xã ký Giấy chứng nhận kết hôn.",
   "Bước 4: Tổ chức trao Giấy chứng nhận kết hôn tại địa điểm đăng ký lưu động; hai bên cùng có mặt và ký vào Sổ hộ tịch."],
  [O("Tờ khai đăng ký kết hôn", template="Tờ khai đăng ký kết hôn (" + FORM_HT + ")"), ID_DOC],
  [], 5, "Giấy chứng nhận kết hôn.",
  HT_BASE + ["Luật Hôn nhân và gia đình số 52/2014/QH13"],
  ["kết hôn lưu động", "đăng ký kết hôn tại nhà"],
  conditions="Miễn lệ phí đăng ký kết hôn lưu động.")

P(L("HOTICH", 4), "Đăng ký lại kết hôn", "HOTICH", "partial_online", None,
  "Dành cho trường hợp việc kết hôn đã được đăng ký trước ngày 01/01/2016 nhưng Sổ hộ tịch và bản chính Giấy chứng nhận kết hôn đều bị mất.",
  flow("xa", "Công chức tư pháp - hộ tịch kiểm tra, xác minh việc đăng ký kết hôn trước đây.",
       "Chủ tịch UBND cấp xã ký Giấy chứng nhận kết hôn; hai bên cùng có mặt ký vào Sổ hộ tịch."),
  [O("Tờ khai đăng ký lại kết hôn", template="Tờ khai đăng ký lại kết hôn (" + FORM_HT + ")"),
   OC("Bản sao Giấy chứng nhận kết hôn hoặc giấy tờ, tài liệu chứng minh việc đã đăng ký kết hôn", required=False),
   ID_DOC],
  [F("Lệ phí đăng ký lại kết hôn" + HDND, 10000)],
  5, "Giấy chứng nhận kết hôn có ghi chú đăng ký lại.",
  HT_BASE, ["đăng ký lại kết hôn", "mất giấy kết hôn", "làm lại giấy đăng ký kết hôn"],
  note="05 ngày làm việc; nếu phải xác minh thì kéo dài thêm không quá 05 ngày làm việc.")

P("2.000806", "Đăng ký kết hôn có yếu tố nước ngoài", "HOTICH", "partial_online", None,
  "Công dân Việt Nam kết hôn với người nước ngoài, hoặc giữa công dân Việt Nam với nhau mà một bên định cư ở nước ngoài. "
  "Từ ngày 01/7/2025 thủ tục do UBND cấp xã thực hiện.",
  flow("xa",
       "Công chức tư pháp - hộ tịch nghiên cứu, thẩm tra hồ sơ, xác minh nếu cần; báo cáo Chủ tịch UBND cấp xã.",
       "Chủ tịch UBND cấp xã ký Giấy chứng nhận kết hôn.",
       ret="Hai bên cùng có mặt tại trụ sở UBND cấp xã để nhận Giấy chứng nhận kết hôn và ký vào Sổ hộ tịch."),
  [O("Tờ khai đăng ký kết hôn", template="Tờ khai đăng ký kết hôn (" + FORM_HT + ")"),
   O("Giấy tờ chứng minh tình trạng hôn nhân của người nước ngoài do cơ quan có thẩm quyền nước ngoài cấp (đã hợp pháp hóa lãnh sự và dịch sang tiếng Việt, trừ trường hợp được miễn)"),
   O("Giấy xác nhận của cơ quan y tế có thẩm quyền xác nhận không mắc bệnh tâm thần hoặc bệnh khác mà không có khả năng nhận thức, làm chủ được hành vi"),
   OC("Hộ chiếu hoặc giấy tờ có giá trị thay hộ chiếu của người nước ngoài"), ID_DOC],
  [F("Lệ phí đăng ký kết hôn có yếu tố nước ngoài" + HDND, 1000000)],
  15, "Giấy chứng nhận kết hôn (mỗi bên 01 bản chính).",
  HT_BASE + ["Luật Hôn nhân và gia đình số 52/2014/QH13"],
  ["kết hôn với người nước ngoài", "kết hôn có yếu tố nước ngoài", "lấy chồng nước ngoài", "lấy vợ nước ngoài"],
  conditions="Hai bên đáp ứng điều kiện kết hôn theo pháp luật của mỗi nước; người nước ngoài phải có giấy tờ chứng minh đủ điều kiện kết hôn.")

P(L("HOTICH", 5), "Đăng ký kết hôn của công dân Việt Nam với công dân nước láng giềng ở khu vực biên giới", "HOTICH", "partial_online", None,
  "Công dân Việt Nam thường trú ở xã biên giới của tỉnh đăng ký kết hôn với công dân Vương quốc Campuchia thường trú ở đơn vị hành chính tương đương tiếp giáp biên giới.",
  flow("xa", "Công chức tư pháp - hộ tịch kiểm tra hồ sơ, xác minh nếu cần, báo cáo Chủ tịch UBND cấp xã.",
       "Chủ tịch UBND cấp xã ký Giấy chứng nhận kết hôn.",
       ret="Hai bên cùng có mặt nhận Giấy chứng nhận kết hôn và ký vào Sổ hộ tịch."),
  [O("Tờ khai đăng ký kết hôn", template="Tờ khai đăng ký kết hôn (" + FORM_HT + ")"),
   O("Giấy tờ do cơ quan có thẩm quyền của nước láng giềng cấp xác nhận người đó hiện không có vợ hoặc không có chồng"),
   OC("Giấy tờ chứng minh nhân thân của công dân nước láng giềng thường trú ở khu vực biên giới"), ID_DOC],
  [F("Lệ phí đăng ký kết hôn ở khu vực biên giới" + HDND, 50000)],
  5, "Giấy chứng nhận kết hôn.",
  HT_BASE, ["kết hôn biên giới", "kết hôn với người campuchia", "đăng ký kết hôn khu vực biên giới"],
  note="05 ngày làm việc; nếu phải xác minh thì kéo dài thêm không quá 05 ngày làm việc.")

P("1.004873", "Cấp Giấy xác nhận tình trạng hôn nhân", "HOTICH", "full_online", None,
  "Công dân Việt Nam cư trú trong nước cần Giấy xác nhận tình trạng hôn nhân để kết hôn, mua bán tài sản, vay vốn hoặc mục đích khác.",
  flow("xa", "Công chức tư pháp - hộ tịch kiểm tra, xác minh tình trạng hôn nhân của người yêu cầu (kể cả nơi cư trú trước đây nếu cần).",
       "Chủ tịch UBND cấp xã ký Giấy xác nhận tình trạng hôn nhân."),
  [O("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", template="Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (" + FORM_HT + ")"),
   OC("Giấy tờ chứng minh việc ly hôn hoặc người vợ/chồng đã chết (nếu đã từng kết hôn)", required=False),
   O("Giấy xác nhận tình trạng hôn nhân đã cấp trước đây (trường hợp đề nghị cấp lại để sử dụng vào mục đích khác hoặc đã hết hạn)", required=False),
   ID_DOC],
  [F("Lệ phí cấp Giấy xác nhận tình trạng hôn nhân" + HDND, 15000)],
  3, "Giấy xác nhận tình trạng hôn nhân (có giá trị 06 tháng kể từ ngày cấp).",
  HT_BASE, ["xác nhận tình trạng hôn nhân", "giấy xác nhận độc thân", "xác nhận độc thân", "giấy độc thân"],
  note="03 ngày làm việc; nếu phải xác minh thì kéo dài thêm không quá 23 ngày.",
  popular=True)

P("1.000656", "Đăng ký khai tử", "HOTICH", "full_online", None,
  "Người thân hoặc cơ quan, tổ chức liên quan đăng ký khai tử cho người chết trong thời hạn 15 ngày kể từ ngày chết, tại UBND cấp xã nơi cư trú cuối cùng của người chết.",
  flow("xa", "Công chức tư pháp - hộ tịch kiểm tra hồ sơ, ghi vào Sổ đăng ký khai tử và cập nhật Cơ sở dữ liệu hộ tịch điện tử.",
       "Chủ tịch UBND cấp xã ký Trích lục khai tử."),
  [O("Tờ khai đăng ký khai tử", template="Tờ khai đăng ký khai tử (" + FORM_HT + ")"),
   OC("Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử do cơ quan có thẩm quyền cấp"), ID_DOC, AUTH_DOC],
  [F("Lệ phí đăng ký khai tử đúng hạn", 0)],
  0, "Trích lục khai tử (bản chính); bản sao Trích lục khai tử nếu có yêu cầu.",
  HT_BASE, ["khai tử", "báo tử", "giấy chứng tử", "trích lục khai tử", "người thân mất"],
  note="Ngay trong ngày tiếp nhận hồ sơ; nếu phải xác minh thì không quá 03 ngày làm việc.",
  popular=True)

P("2.002913", "Liên thông điện tử: đăng ký khai tử, xóa đăng ký thường trú, giải quyết mai táng phí, tử tuất", "HOTICH", "full_online", None,
  "Thân nhân người chết làm một lần để đồng thời đăng ký khai tử, xóa đăng ký thường trú và đề nghị hưởng mai táng phí, trợ cấp tử tuất (nếu người chết thuộc diện được hưởng).",
  flow("xa",
       "UBND cấp xã đăng ký khai tử và chuyển dữ liệu điện tử cho Công an cấp xã (xóa đăng ký thường trú) và cơ quan giải quyết mai táng phí, tử tuất.",
       "Các cơ quan liên quan giải quyết phần việc của mình và trả kết quả điện tử vào tài khoản của người yêu cầu."),
  [O("Tờ khai điện tử liên thông (biểu mẫu điện tử tương tác trên Cổng Dịch vụ công quốc gia)"),
   OC("Bản chụp Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử"),
   OC("Giấy tờ chứng minh thuộc đối tượng hưởng mai táng phí, tử tuất (nếu thông tin chưa có trong cơ sở dữ liệu)", required=False),
   AUTH_DOC],
  [F("Lệ phí đăng ký khai tử đúng hạn", 0)],
  10, "Trích lục khai tử; thông báo xóa đăng ký thường trú; quyết định hưởng mai táng phí, trợ cấp tử tuất (nếu đủ điều kiện).",
  HT_BASE + [LCT, "Nghị định số 63/2024/NĐ-CP quy định việc thực hiện liên thông điện tử 02 nhóm thủ tục hành chính: đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi; đăng ký khai tử, xóa đăng ký thường trú, giải quyết mai táng phí, tử tuất"],
  ["liên thông khai tử", "mai táng phí", "tử tuất", "xóa thường trú người chết", "người nhà mất"],
  note="Khai tử giải quyết ngay trong ngày; mai táng phí, tử tuất theo thời hạn của cơ quan giải quyết.",
  popular=True)

P("1.000419", "Đăng ký khai tử lưu động", "HOTICH", "information", None,
  "UBND cấp xã tổ chức đăng ký khai tử tại nơi cư trú khi người đi đăng ký không thể đến trụ sở vì lý do chính đáng.",
  ["Bước 1: Người dân đề nghị công chức tư pháp - hộ tịch đăng ký khai tử lưu động.",
   "Bước 2: Công chức đến địa điểm đăng ký lưu động, kiểm tra giấy tờ, hướng dẫn kê khai Tờ khai đăng ký khai tử.",
   "Bước 3: Trong thời hạn 05 ngày làm việc, công chức ghi Sổ hộ tịch và báo cáo Chủ tịch UBND cấp xã ký Trích lục khai tử.",
   "Bước 4: Trả Trích lục khai tử tại địa điểm đăng ký lưu động; người đi đăng ký ký vào Sổ hộ tịch."],
  [O("Tờ khai đăng ký khai tử", template="Tờ khai đăng ký khai tử (" + FORM_HT + ")"),
   OC("Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử"), ID_DOC],
  [], 5, "Trích lục khai tử.", HT_BASE, ["khai tử lưu động", "khai tử tại nhà"],
  conditions="Miễn lệ phí.")

P(L("HOTICH", 6), "Đăng ký lại khai tử", "HOTICH", "partial_online", None,
  "Dành cho trường hợp việc khai tử đã được đăng ký trước ngày 01/01/2016 nhưng Sổ hộ tịch và bản chính giấy tờ hộ tịch đều bị mất.",
  flow("xa", "Công chức tư pháp - hộ tịch kiểm tra, xác minh; báo cáo Chủ tịch UBND cấp xã.",
       "Chủ tịch UBND cấp xã ký Trích lục khai tử (đăng ký lại)."),
  [O("Tờ khai đăng ký lại khai tử", template="Tờ khai đăng ký lại khai tử (" + FORM_HT + ")"),
   OC("Bản sao Giấy chứng tử hoặc giấy tờ, tài liệu có nội dung liên quan đến việc khai tử"), ID_DOC],
  [F("Lệ phí đăng ký lại khai tử" + HDND, 10000)],
  5, "Trích lục khai tử có ghi chú đăng ký lại.", HT_BASE,
  ["đăng ký lại khai tử", "mất giấy chứng tử", "làm lại giấy chứng tử"],
  note="05 ngày làm việc; nếu phải xác minh thì kéo dài thêm không quá 05 ngày làm việc.")

P("1.001022", "Đăng ký nhận cha, mẹ, con", "HOTICH", "partial_online", None,
  "Công dân Việt Nam cư trú trong nước đăng ký việc nhận cha, mẹ, con khi con đã được khai sinh và không có tranh chấp.",
  flow("xa", "Công chức tư pháp - hộ tịch kiểm tra, xác minh; nếu việc nhận cha, mẹ, con là đúng và không có tranh chấp thì báo cáo Chủ tịch UBND cấp xã.",
       "Chủ tịch UBND cấp xã ký Trích lục đăng ký nhận cha, mẹ, con; các bên có mặt ký vào Sổ hộ tịch."),
  [O("Tờ khai đăng ký nhận cha, mẹ, con", template="Tờ khai đăng ký nhận cha, mẹ, con (" + FORM_HT + ")"),
   OC("Chứng cứ chứng minh quan hệ cha, mẹ, con (văn bản giám định ADN hoặc văn bản, tài liệu khác chứng minh quan hệ)"), ID_DOC],
  [F("Lệ phí đăng ký nhận cha, mẹ, con" + HDND, 15000)],
  3, "Trích lục đăng ký nhận cha, mẹ, con.", HT_BASE,
  ["nhận cha mẹ con", "nhận con", "nhận cha cho con", "xác nhận cha con"],
  note="03 ngày làm việc; nếu phải xác minh thì kéo dài thêm không quá 05 ngày làm việc.")

P(L("HOTICH", 7), "Đăng ký nhận cha, mẹ, con có yếu tố nước ngoài", "HOTICH", "partial_online", None,
  "Đăng ký việc nhận cha, mẹ, con giữa công dân Việt Nam với người nước ngoài hoặc công dân Việt Nam định cư ở nước ngoài; từ 01/7/2025 do UBND cấp xã thực hiện.",
  flow("xa", "Công chức tư pháp - hộ tịch thẩm tra hồ sơ, niêm yết và xác minh theo quy định; báo cáo Chủ tịch UBND cấp xã.",
       "Chủ tịch UBND cấp xã ký Trích lục đăng ký nhận cha, mẹ, con; các bên có mặt ký vào Sổ hộ tịch."),
  [O("Tờ khai đăng ký nhận cha, mẹ, con", template="Tờ khai đăng ký nhận cha, mẹ, con (" + FORM_HT + ")"),
   OC("Chứng cứ chứng minh quan hệ cha, mẹ, con"),
   OC("Hộ chiếu hoặc giấy tờ có giá trị thay hộ chiếu của người nước ngoài"), ID_DOC],
  [F("Lệ phí đăng ký nhận cha, mẹ, con có yếu tố nước ngoài" + HDND, 1000000)],
  15, "Trích lục đăng ký nhận cha, mẹ, con.", HT_BASE,
  ["nhận cha mẹ con nước ngoài", "nhận con với người nước ngoài"])

P(L("HOTICH", 8), "Đăng ký khai sinh có yếu tố nước ngoài", "HOTICH", "partial_online", None,
  "Đăng ký khai sinh cho trẻ sinh ra tại Việt Nam có cha hoặc mẹ là người nước ngoài, hoặc trẻ sinh ra ở nước ngoài chưa được đăng ký khai sinh về cư trú tại Việt Nam.",
  flow("xa", "Công chức tư pháp - hộ tịch kiểm tra hồ sơ, xác định quốc tịch, họ tên của trẻ theo thỏa thuận của cha mẹ.",
       "Chủ tịch UBND cấp xã ký Giấy khai sinh; cha hoặc mẹ ký vào Sổ hộ tịch."),
  [O("Tờ khai đăng ký khai sinh", template="Tờ khai đăng ký khai sinh (" + FORM_HT + ")"),
   O("Giấy chứng sinh hoặc giấy tờ thay thế"),
   O("Văn bản thỏa thuận của cha, mẹ về việc chọn quốc tịch cho con (trường hợp cha hoặc mẹ là người nước ngoài)", required=False),
   OC("Hộ chiếu hoặc giấy tờ có giá trị thay hộ chiếu của cha hoặc mẹ là người nước ngoài"), ID_DOC],
  [F("Lệ phí đăng ký khai sinh có yếu tố nước ngoài" + HDND, 75000)],
  0, "Giấy khai sinh (bản chính).", HT_BASE,
  ["khai sinh có yếu tố nước ngoài", "khai sinh con lai", "cha mẹ người nước ngoài", "khai sinh cho con sinh ở nước ngoài"],
  note="Ngay trong ngày tiếp nhận hồ sơ; nếu cần xác minh thì không quá 05 ngày làm việc.")

P(L("HOTICH", 9), "Đăng ký khai tử có yếu tố nước ngoài", "HOTICH", "partial_online", None,
  "Đăng ký khai tử cho người nước ngoài hoặc công dân Việt Nam định cư ở nước ngoài chết tại địa bàn; từ 01/7/2025 do UBND cấp xã thực hiện.",
  flow("xa", "Công chức tư pháp - hộ tịch kiểm tra hồ sơ và báo cáo Chủ tịch UBND cấp xã.",
       "Chủ tịch UBND cấp xã ký Trích lục khai tử; UBND cấp xã thông báo việc khai tử cho cơ quan có thẩm quyền liên quan."),
  [O("Tờ khai đăng ký khai tử", template="Tờ khai đăng ký khai tử (" + FORM_HT + ")"),
   OC("Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử"), ID_DOC],
  [F("Lệ phí đăng ký khai tử có yếu tố nước ngoài" + HDND, 75000)],
  3, "Trích lục khai tử.", HT_BASE, ["khai tử người nước ngoài", "khai tử có yếu tố nước ngoài"])

P("1.004837", "Đăng ký giám hộ", "HOTICH", "partial_online", None,
  "Đăng ký việc giám hộ cử hoặc giám hộ đương nhiên cho người chưa thành niên, người mất năng lực hành vi dân sự theo Bộ luật Dân sự.",
  flow("xa", "Công chức tư pháp - hộ tịch kiểm tra hồ sơ; nếu đủ điều kiện thì ghi vào Sổ đăng ký giám hộ, báo cáo Chủ tịch UBND cấp xã.",
       "Chủ tịch UBND cấp xã ký Trích lục đăng ký giám hộ; người đi đăng ký ký vào Sổ hộ tịch."),
  [O("Tờ khai đăng ký giám hộ", template="Tờ khai đăng ký giám hộ (" + FORM_HT + ")"),
   O("Văn bản cử người giám hộ (giám hộ cử) hoặc giấy tờ chứng minh điều kiện giám hộ đương nhiên"), ID_DOC],
  [F("Lệ phí đăng ký giám hộ" + HDND, 15000)],
  3, "Trích lục đăng ký giám hộ.", HT_BASE + ["Bộ luật Dân sự số 91/2015/QH13"],
  ["giám hộ", "đăng ký giám hộ", "người giám hộ cho trẻ"])

P(L("HOTICH", 10), "Đăng ký chấm dứt giám hộ", "HOTICH", "partial_online", None,
  "Đăng ký chấm dứt việc giám hộ khi có căn cứ theo Bộ luật Dân sự (người được giám hộ đã thành niên, đã chết, đã có năng lực hành vi đầy đủ…).",
  flow("xa", "Công chức tư pháp - hộ tịch kiểm tra hồ sơ, ghi việc chấm dứt giám hộ vào Sổ hộ tịch.",
       "Chủ tịch UBND cấp xã ký Trích lục đăng ký chấm dứt giám hộ."),
  [O("Tờ khai đăng ký chấm dứt giám hộ", template="Tờ khai đăng ký chấm dứt giám hộ (" + FORM_HT + ")"),
   OC("Giấy tờ làm căn cứ chấm dứt việc giám hộ"), ID_DOC],
  [F("Lệ phí đăng ký chấm dứt giám hộ" + HDND, 15000)],
  2, "Trích lục đăng ký chấm dứt giám hộ.", HT_BASE + ["Bộ luật Dân sự số 91/2015/QH13"],
  ["chấm dứt giám hộ", "thôi giám hộ"])

P(L("HOTICH", 11), "Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc", "HOTICH", "partial_online", None,
  "Thay đổi họ, chữ đệm, tên; cải chính nội dung hộ tịch bị sai sót; bổ sung thông tin còn thiếu; xác định lại dân tộc cho người dưới 14 tuổi đã đăng ký hộ tịch.",
  flow("xa", "Công chức tư pháp - hộ tịch kiểm tra căn cứ thay đổi, cải chính, bổ sung; xác minh nếu cần.",
       "Chủ tịch UBND cấp xã ký Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch; ghi vào Sổ hộ tịch và bản chính giấy tờ hộ tịch (nếu có yêu cầu)."),
  [O("Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc", template="Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch (" + FORM_HT + ")"),
   O("Bản chính giấy tờ hộ tịch cần thay đổi, cải chính, bổ sung (Giấy khai sinh, Giấy chứng nhận kết hôn…)", required=False),
   OC("Giấy tờ làm căn cứ cho việc thay đổi, cải chính, bổ sung"), ID_DOC],
  [F("Lệ phí thay đổi, cải chính, bổ sung thông tin hộ tịch" + HDND, 15000)],
  3, "Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc.",
  HT_BASE + ["Bộ luật Dân sự số 91/2015/QH13"],
  ["cải chính hộ tịch", "sửa giấy khai sinh", "đổi tên", "thay đổi họ tên", "sai ngày sinh", "bổ sung thông tin hộ tịch"],
  note="03 ngày làm việc; nếu phải xác minh thì kéo dài thêm không quá 03 ngày làm việc.")

P("2.000635", "Cấp bản sao Trích lục hộ tịch", "HOTICH", "full_online", None,
  "Cá nhân, cơ quan, tổ chức đề nghị cấp bản sao trích lục các sự kiện hộ tịch đã đăng ký (khai sinh, kết hôn, khai tử…) từ Sổ hộ tịch hoặc Cơ sở dữ liệu hộ tịch điện tử.",
  flow("xa", "Công chức tư pháp - hộ tịch tra cứu Sổ hộ tịch hoặc Cơ sở dữ liệu hộ tịch điện tử, in bản sao trích lục.",
       "Lãnh đạo UBND cấp xã ký, đóng dấu bản sao Trích lục hộ tịch.", pay=True),
  [O("Tờ khai cấp bản sao Trích lục hộ tịch", template="Tờ khai cấp bản sao trích lục hộ tịch (" + FORM_HT + ")"),
   O("Văn bản yêu cầu (trường hợp cơ quan, tổ chức yêu cầu)", required=False), ID_DOC, AUTH_DOC],
  [F("Phí cấp bản sao Trích lục hộ tịch", 8000, per="copy")],
  0, "Bản sao Trích lục hộ tịch (bản sao Giấy khai sinh, bản sao Trích lục kết hôn, khai tử…).",
  HT_BASE + ["Thông tư số 281/2016/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí khai thác, sử dụng thông tin trong cơ sở dữ liệu hộ tịch, phí xác nhận có quốc tịch Việt Nam, phí xác nhận là người gốc Việt Nam, lệ phí quốc tịch"],
  ["bản sao giấy khai sinh", "trích lục khai sinh", "trích lục kết hôn", "bản sao trích lục", "xin lại giấy khai sinh bản sao"],
  note="Ngay trong ngày tiếp nhận yêu cầu; nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo.",
  popular=True)

P(L("HOTICH", 12), "Ghi vào Sổ hộ tịch việc khai sinh của công dân Việt Nam đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài", "HOTICH", "partial_online", None,
  "Công dân Việt Nam đã được đăng ký khai sinh ở nước ngoài đề nghị ghi việc khai sinh đó vào Sổ hộ tịch của Việt Nam.",
  flow("xa", "Công chức tư pháp - hộ tịch kiểm tra giấy tờ khai sinh do nước ngoài cấp (đã hợp pháp hóa lãnh sự, dịch sang tiếng Việt).",
       "Chủ tịch UBND cấp xã ký Trích lục ghi chú khai sinh."),
  [O("Tờ khai ghi chú khai sinh", template="Tờ khai ghi vào Sổ hộ tịch việc khai sinh (" + FORM_HT + ")"),
   C("Bản sao giấy tờ khai sinh do cơ quan có thẩm quyền nước ngoài cấp"), ID_DOC],
  [F("Lệ phí ghi vào Sổ hộ tịch việc khai sinh" + HDND, 50000)],
  3, "Trích lục ghi chú khai sinh.", HT_BASE, ["ghi chú khai sinh", "khai sinh ở nước ngoài", "sinh ở nước ngoài"])

P(L("HOTICH", 13), "Ghi vào Sổ hộ tịch việc ly hôn, hủy việc kết hôn của công dân Việt Nam đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài", "HOTICH", "partial_online", None,
  "Công dân Việt Nam đã ly hôn hoặc hủy kết hôn ở nước ngoài đề nghị ghi vào Sổ hộ tịch để có thể đăng ký kết hôn mới hoặc sử dụng tại Việt Nam.",
  flow("xa", "Công chức tư pháp - hộ tịch kiểm tra bản án, quyết định của nước ngoài (đã hợp pháp hóa lãnh sự, dịch sang tiếng Việt).",
       "Chủ tịch UBND cấp xã ký Trích lục ghi chú ly hôn."),
  [O("Tờ khai ghi vào Sổ hộ tịch việc ly hôn, hủy việc kết hôn", template="Tờ khai ghi chú ly hôn (" + FORM_HT + ")"),
   C("Bản sao bản án, quyết định ly hôn đã có hiệu lực pháp luật của cơ quan có thẩm quyền nước ngoài"), ID_DOC],
  [F("Lệ phí ghi vào Sổ hộ tịch việc ly hôn" + HDND, 50000)],
  12, "Trích lục ghi chú ly hôn.", HT_BASE, ["ghi chú ly hôn", "ly hôn ở nước ngoài", "hủy kết hôn nước ngoài"])

P(L("HOTICH", 14), "Ghi vào Sổ hộ tịch việc kết hôn của công dân Việt Nam đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài", "HOTICH", "partial_online", None,
  "Công dân Việt Nam đã đăng ký kết hôn ở nước ngoài đề nghị ghi việc kết hôn đó vào Sổ hộ tịch của Việt Nam.",
  flow("xa", "Công chức tư pháp - hộ tịch kiểm tra giấy tờ kết hôn do nước ngoài cấp; xác minh nếu cần.",
       "Chủ tịch UBND cấp xã ký Trích lục ghi chú kết hôn."),
  [O("Tờ khai ghi vào Sổ hộ tịch việc kết hôn", template="Tờ khai ghi chú kết hôn (" + FORM_HT + ")"),
   C("Bản sao giấy tờ chứng nhận việc kết hôn do cơ quan có thẩm quyền nước ngoài cấp"), ID_DOC],
  [F("Lệ phí ghi vào Sổ hộ tịch việc kết hôn" + HDND, 50000)],
  5, "Trích lục ghi chú kết hôn.", HT_BASE, ["ghi chú kết hôn", "kết hôn ở nước ngoài"])


# ================================================================ CHỨNG THỰC (cấp xã)

CT_SAME_DAY = "Ngay trong ngày tiếp nhận yêu cầu; trường hợp tiếp nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo."
FEE_BAN_SAO = [F("Phí chứng thực bản sao từ bản chính: trang thứ nhất và trang thứ hai", 2000, per="copy"),
               F("Phí chứng thực bản sao từ trang thứ ba trở lên (mỗi trang; tối đa 200.000 đồng/bản)", 1000, per="copy")]

P("2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận",
  "CHUNGTHUC", "partial_online", None,
  "Cá nhân, tổ chức mang bản chính giấy tờ (căn cước, bằng cấp, giấy khai sinh, sổ đỏ…) đến UBND cấp xã để chứng thực bản sao đúng với bản chính; "
  "có thể yêu cầu chứng thực bản sao điện tử từ bản chính.",
  ["Bước 1: Người yêu cầu xuất trình bản chính và bản sao cần chứng thực tại Bộ phận Một cửa của UBND cấp xã (hoặc đề nghị chụp từ bản chính).",
   "Bước 2: Người thực hiện chứng thực kiểm tra bản chính, đối chiếu với bản sao; nếu nội dung bản sao đúng với bản chính và bản chính không thuộc trường hợp bị cấm thì thực hiện chứng thực.",
   "Bước 3: Ghi lời chứng, ký, ghi rõ họ tên, đóng dấu của UBND cấp xã và ghi vào sổ chứng thực (hoặc ký số đối với bản sao điện tử).",
   "Bước 4: Người yêu cầu nộp phí và nhận bản sao đã chứng thực."],
  [O("Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao"),
   C("Bản sao cần chứng thực (trường hợp người yêu cầu tự chuẩn bị)", required=False)],
  FEE_BAN_SAO, 0, "Bản sao được chứng thực từ bản chính (bản giấy hoặc bản điện tử).",
  CT_BASE, ["chứng thực bản sao", "sao y bản chính", "photo công chứng", "công chứng giấy tờ", "sao y căn cước", "chứng thực điện tử"],
  note=CT_SAME_DAY, popular=True)

P(L("CHUNGTHUC", 1), "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của nước ngoài cấp hoặc chứng nhận",
  "CHUNGTHUC", "partial_online", None,
  "Chứng thực bản sao từ bản chính giấy tờ do cơ quan nước ngoài cấp; giấy tờ phải được hợp pháp hóa lãnh sự, trừ trường hợp được miễn. "
  "Từ ngày 01/7/2025 thủ tục được thực hiện tại UBND cấp xã.",
  ["Bước 1: Người yêu cầu xuất trình bản chính giấy tờ (đã hợp pháp hóa lãnh sự, trừ trường hợp được miễn) và bản sao tại Bộ phận Một cửa của UBND cấp xã.",
   "Bước 2: Người thực hiện chứng thực kiểm tra bản chính, đối chiếu bản sao.",
   "Bước 3: Ghi lời chứng, ký, đóng dấu và ghi vào sổ chứng thực.",
   "Bước 4: Người yêu cầu nộp phí và nhận bản sao đã chứng thực."],
  [O("Bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của nước ngoài cấp, đã được hợp pháp hóa lãnh sự (trừ trường hợp được miễn)"),
   C("Bản sao cần chứng thực", required=False)],
  FEE_BAN_SAO, 0, "Bản sao được chứng thực từ bản chính.",
  CT_BASE, ["chứng thực giấy tờ nước ngoài", "sao y giấy tờ nước ngoài", "chứng thực bằng cấp nước ngoài"],
  note=CT_SAME_DAY)

P("2.000884", "Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực điểm chỉ và trường hợp người yêu cầu chứng thực không thể ký, không thể điểm chỉ được)",
  "CHUNGTHUC", "partial_online", None,
  "Chứng thực chữ ký của người yêu cầu trên giấy tờ, văn bản (giấy ủy quyền không có thù lao, đơn, tờ khai…) để xác nhận đúng là chữ ký của người đó.",
  ["Bước 1: Người yêu cầu xuất trình giấy tờ tùy thân và giấy tờ, văn bản sẽ ký tại Bộ phận Một cửa của UBND cấp xã.",
   "Bước 2: Người thực hiện chứng thực kiểm tra giấy tờ; người yêu cầu ký (hoặc điểm chỉ) trước mặt người thực hiện chứng thực.",
   "Bước 3: Người thực hiện chứng thực ghi lời chứng, ký, đóng dấu và ghi vào sổ chứng thực.",
   "Bước 4: Người yêu cầu nộp phí và nhận giấy tờ đã chứng thực chữ ký."],
  [ID_DOC, O("Giấy tờ, văn bản mà người yêu cầu chứng thực sẽ ký")],
  [F("Phí chứng thực chữ ký (mỗi trường hợp)", 10000)],
  0, "Giấy tờ, văn bản đã được chứng thực chữ ký.",
  CT_BASE, ["chứng thực chữ ký", "xác nhận chữ ký", "ký xác nhận giấy ủy quyền", "chứng thực điểm chỉ"],
  note=CT_SAME_DAY,
  conditions="Người yêu cầu phải ký trước mặt người thực hiện chứng thực; không chứng thực chữ ký trên giấy tờ có nội dung trái pháp luật, đạo đức xã hội.",
  popular=True, channels=["online", "desk"])

P(L("CHUNGTHUC", 2), "Chứng thực chữ ký người dịch mà người dịch là cộng tác viên dịch thuật", "CHUNGTHUC", "partial_online", None,
  "Chứng thực chữ ký của người dịch (cộng tác viên dịch thuật đã đăng ký) trên bản dịch giấy tờ từ tiếng nước ngoài sang tiếng Việt hoặc ngược lại.",
  ["Bước 1: Người dịch xuất trình bản dịch và giấy tờ cần dịch tại Bộ phận Một cửa của UBND cấp xã.",
   "Bước 2: Người thực hiện chứng thực kiểm tra; người dịch ký trước mặt người thực hiện chứng thực.",
   "Bước 3: Ghi lời chứng, ký, đóng dấu và ghi vào sổ chứng thực.",
   "Bước 4: Nộp phí và nhận bản dịch đã chứng thực chữ ký người dịch."],
  [O("Bản dịch"), OC("Giấy tờ, văn bản cần dịch")],
  [F("Phí chứng thực chữ ký người dịch (mỗi trường hợp)", 10000)],
  0, "Bản dịch đã được chứng thực chữ ký người dịch.",
  CT_BASE, ["chứng thực bản dịch", "dịch thuật công chứng", "chữ ký người dịch"], note=CT_SAME_DAY)

P(L("CHUNGTHUC", 3), "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở", "CHUNGTHUC", "partial_online", None,
  "Chứng thực hợp đồng mua bán, tặng cho, thế chấp, chuyển nhượng quyền sử dụng đất, nhà ở… tại UBND cấp xã nơi có đất, nhà ở.",
  ["Bước 1: Người yêu cầu nộp dự thảo hợp đồng, giao dịch và giấy tờ liên quan tại Bộ phận Một cửa của UBND cấp xã.",
   "Bước 2: Người tiếp nhận kiểm tra giấy tờ; các bên ký hợp đồng trước mặt người thực hiện chứng thực.",
   "Bước 3: Chủ tịch hoặc Phó Chủ tịch UBND cấp xã ghi lời chứng, ký và đóng dấu; ghi vào sổ chứng thực hợp đồng, giao dịch.",
   "Bước 4: Người yêu cầu nộp phí và nhận hợp đồng, giao dịch đã được chứng thực."],
  [O("Dự thảo hợp đồng, giao dịch"), ID_DOC,
   OC("Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở hoặc giấy tờ chứng minh quyền sở hữu, quyền sử dụng tài sản")],
  [F("Phí chứng thực hợp đồng, giao dịch", 50000)],
  2, "Hợp đồng, giao dịch đã được chứng thực.",
  CT_BASE + ["Luật Đất đai số 31/2024/QH15"],
  ["chứng thực hợp đồng", "hợp đồng mua bán đất", "hợp đồng tặng cho", "chứng thực chuyển nhượng đất"],
  note="Trong ngày tiếp nhận hoặc ngày làm việc tiếp theo; trường hợp phức tạp không quá 02 ngày làm việc.",
  channels=["online", "desk"])

P(L("CHUNGTHUC", 4), "Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch", "CHUNGTHUC", "partial_online", None,
  "Chứng thực văn bản sửa đổi, bổ sung hoặc hủy bỏ hợp đồng, giao dịch đã được chứng thực tại UBND cấp xã.",
  flow("xa", "Các bên ký văn bản sửa đổi, bổ sung, hủy bỏ trước mặt người thực hiện chứng thực.",
       "Lãnh đạo UBND cấp xã ghi lời chứng, ký, đóng dấu và ghi vào sổ chứng thực.", pay=True, online=False),
  [O("Dự thảo văn bản sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch"), O("Hợp đồng, giao dịch đã được chứng thực"), ID_DOC],
  [F("Phí chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch", 30000)],
  2, "Văn bản sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch đã được chứng thực.",
  CT_BASE, ["sửa đổi hợp đồng", "hủy hợp đồng đã chứng thực", "bổ sung hợp đồng"],
  channels=["online", "desk"])

P(L("CHUNGTHUC", 5), "Sửa lỗi sai sót trong hợp đồng, giao dịch", "CHUNGTHUC", "partial_online", None,
  "Sửa lỗi kỹ thuật (chính tả, đánh máy) trong hợp đồng, giao dịch đã được chứng thực, với sự đồng ý của các bên.",
  flow("xa", "Người thực hiện chứng thực kiểm tra lỗi sai sót, thực hiện việc sửa, ghi vào sổ chứng thực.",
       pay=True, online=False),
  [O("Hợp đồng, giao dịch đã được chứng thực có lỗi sai sót"), ID_DOC],
  [F("Phí sửa lỗi sai sót trong hợp đồng, giao dịch", 25000)],
  0, "Hợp đồng, giao dịch đã được sửa lỗi sai sót.",
  CT_BASE, ["sửa lỗi hợp đồng", "sai chính tả hợp đồng"], note=CT_SAME_DAY, channels=["online", "desk"])

P("2.000942", "Cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng thực", "CHUNGTHUC", "partial_online", None,
  "Các bên tham gia hợp đồng hoặc người có quyền, nghĩa vụ liên quan đề nghị cấp bản sao có chứng thực của hợp đồng, giao dịch đang lưu tại UBND cấp xã.",
  flow("xa", "Công chức tìm bản chính hợp đồng, giao dịch trong hồ sơ lưu, chụp và chứng thực bản sao.", pay=True),
  [O("Văn bản đề nghị cấp bản sao"), ID_DOC],
  FEE_BAN_SAO, 0, "Bản sao có chứng thực hợp đồng, giao dịch.",
  CT_BASE, ["bản sao hợp đồng", "sao hợp đồng đã chứng thực", "mất hợp đồng chứng thực"], note=CT_SAME_DAY)

P("2.001019", "Chứng thực di chúc", "CHUNGTHUC", "partial_online", None,
  "Người lập di chúc tự mình yêu cầu chứng thực di chúc tại UBND cấp xã; không chứng thực di chúc đối với tài sản ở nơi khác nếu pháp luật không cho phép.",
  ["Bước 1: Người lập di chúc trực tiếp nộp dự thảo di chúc và giấy tờ liên quan tại Bộ phận Một cửa của UBND cấp xã.",
   "Bước 2: Người thực hiện chứng thực kiểm tra năng lực hành vi, sự tự nguyện của người lập di chúc.",
   "Bước 3: Người lập di chúc ký trước mặt người thực hiện chứng thực; lãnh đạo UBND cấp xã ghi lời chứng, ký, đóng dấu.",
   "Bước 4: Nộp phí và nhận di chúc đã được chứng thực."],
  [O("Dự thảo di chúc"), ID_DOC,
   OC("Giấy tờ chứng minh quyền sở hữu, quyền sử dụng tài sản (trường hợp di chúc liên quan đến tài sản phải đăng ký)")],
  [F("Phí chứng thực di chúc", 50000)],
  2, "Di chúc đã được chứng thực.",
  CT_BASE + ["Bộ luật Dân sự số 91/2015/QH13"], ["chứng thực di chúc", "làm di chúc", "lập di chúc"],
  note="Trong ngày tiếp nhận hoặc ngày làm việc tiếp theo; trường hợp phức tạp không quá 02 ngày làm việc.",
  conditions="Người lập di chúc phải tự mình yêu cầu chứng thực, minh mẫn, tự nguyện.", channels=["online", "desk"])

P("2.001016", "Chứng thực văn bản từ chối nhận di sản", "CHUNGTHUC", "partial_online", None,
  "Người thừa kế từ chối nhận di sản yêu cầu chứng thực văn bản từ chối nhận di sản tại UBND cấp xã.",
  ["Bước 1: Người yêu cầu nộp dự thảo văn bản từ chối nhận di sản và giấy tờ liên quan tại Bộ phận Một cửa của UBND cấp xã.",
   "Bước 2: Người thực hiện chứng thực kiểm tra giấy tờ; người yêu cầu ký trước mặt người thực hiện chứng thực.",
   "Bước 3: Lãnh đạo UBND cấp xã ghi lời chứng, ký, đóng dấu; ghi vào sổ chứng thực.",
   "Bước 4: Nộp phí và nhận văn bản đã được chứng thực."],
  [O("Dự thảo văn bản từ chối nhận di sản"), ID_DOC],
  [F("Phí chứng thực văn bản từ chối nhận di sản", 20000)],
  2, "Văn bản từ chối nhận di sản đã được chứng thực.",
  CT_BASE + ["Bộ luật Dân sự số 91/2015/QH13"], ["từ chối nhận di sản", "không nhận thừa kế", "từ chối thừa kế"],
  channels=["online", "desk"])

P(L("CHUNGTHUC", 6), "Chứng thực văn bản thỏa thuận phân chia di sản mà di sản là động sản, quyền sử dụng đất, nhà ở", "CHUNGTHUC", "partial_online", None,
  "Những người thừa kế thỏa thuận phân chia di sản và yêu cầu UBND cấp xã chứng thực văn bản thỏa thuận.",
  ["Bước 1: Người yêu cầu nộp hồ sơ tại Bộ phận Một cửa của UBND cấp xã.",
   "Bước 2: Người thực hiện chứng thực kiểm tra giấy tờ, niêm yết việc thụ lý tại trụ sở UBND cấp xã nơi có bất động sản trong 15 ngày.",
   "Bước 3: Hết thời hạn niêm yết không có khiếu nại, các bên ký văn bản trước mặt người thực hiện chứng thực; lãnh đạo UBND cấp xã ghi lời chứng, ký, đóng dấu.",
   "Bước 4: Nộp phí và nhận văn bản đã được chứng thực."],
  [O("Dự thảo văn bản thỏa thuận phân chia di sản"), ID_DOC,
   OC("Giấy chứng tử hoặc Trích lục khai tử của người để lại di sản"),
   OC("Giấy tờ chứng minh quan hệ giữa người để lại di sản và người được hưởng di sản"),
   OC("Giấy tờ chứng minh quyền sở hữu, quyền sử dụng tài sản của người để lại di sản")],
  [F("Phí chứng thực văn bản thỏa thuận phân chia di sản", 50000)],
  2, "Văn bản thỏa thuận phân chia di sản đã được chứng thực.",
  CT_BASE + ["Bộ luật Dân sự số 91/2015/QH13"], ["phân chia di sản", "chia thừa kế", "thỏa thuận chia di sản"],
  note="02 ngày làm việc sau khi hết thời hạn niêm yết 15 ngày.", channels=["online", "desk"])

P(L("CHUNGTHUC", 7), "Chứng thực văn bản khai nhận di sản mà di sản là động sản, quyền sử dụng đất, nhà ở", "CHUNGTHUC", "partial_online", None,
  "Người duy nhất được hưởng di sản, hoặc những người cùng hưởng nhưng không phân chia, yêu cầu chứng thực văn bản khai nhận di sản.",
  ["Bước 1: Người yêu cầu nộp hồ sơ tại Bộ phận Một cửa của UBND cấp xã.",
   "Bước 2: Người thực hiện chứng thực kiểm tra giấy tờ, niêm yết việc thụ lý tại trụ sở UBND cấp xã nơi có bất động sản trong 15 ngày.",
   "Bước 3: Hết thời hạn niêm yết không có khiếu nại, người yêu cầu ký văn bản; lãnh đạo UBND cấp xã ghi lời chứng, ký, đóng dấu.",
   "Bước 4: Nộp phí và nhận văn bản đã được chứng thực."],
  [O("Dự thảo văn bản khai nhận di sản"), ID_DOC,
   OC("Giấy chứng tử hoặc Trích lục khai tử của người để lại di sản"),
   OC("Giấy tờ chứng minh quan hệ với người để lại di sản"),
   OC("Giấy tờ chứng minh quyền sở hữu, quyền sử dụng tài sản")],
  [F("Phí chứng thực văn bản khai nhận di sản", 50000)],
  2, "Văn bản khai nhận di sản đã được chứng thực.",
  CT_BASE + ["Bộ luật Dân sự số 91/2015/QH13"], ["khai nhận di sản", "nhận thừa kế", "khai nhận thừa kế đất"],
  note="02 ngày làm việc sau khi hết thời hạn niêm yết 15 ngày.", channels=["online", "desk"])


# ================================================================ CƯ TRÚ (Công an cấp xã)

CUTRU_STEP = ("Công an cấp xã kiểm tra tính pháp lý và nội dung hồ sơ; cấp Phiếu tiếp nhận (mẫu CT04), Phiếu hướng dẫn bổ sung (mẫu CT05) "
              "hoặc Phiếu từ chối (mẫu CT06) theo Thông tư số 66/2023/TT-BCA.")


def cutru_flow(*processing, pay=False):
    parts = ["Cá nhân, tổ chức nộp hồ sơ tại Công an cấp xã hoặc trực tuyến qua Cổng Dịch vụ công quốc gia, Cổng dịch vụ công Bộ Công an, ứng dụng VNeID.",
             CUTRU_STEP, *processing]
    if pay:
        parts.append("Người đăng ký nộp lệ phí theo quy định.")
    parts.append("Người đăng ký nhận thông báo kết quả (mẫu CT08) trên VNeID, Cổng dịch vụ công hoặc tại Công an cấp xã theo ngày hẹn.")
    return [f"Bước {i}: {p}" for i, p in enumerate(parts, start=1)]


CUTRU_ONLINE = ["online", "desk"]

P("1.004222", "Đăng ký thường trú", "CUTRU", "full_online", None,
  "Công dân đăng ký thường trú vào chỗ ở hợp pháp thuộc sở hữu của mình, hoặc về ở với người thân, thuê, mượn, ở nhờ. Thực hiện tại Công an cấp xã nơi có chỗ ở.",
  cutru_flow("Cơ quan đăng ký cư trú thẩm định, cập nhật thông tin về nơi thường trú mới vào Cơ sở dữ liệu về cư trú và Cơ sở dữ liệu quốc gia về dân cư.", pay=True),
  [O(CT01, template=CT01),
   OC("Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp (trừ trường hợp thông tin đã có trong cơ sở dữ liệu được kết nối)"),
   OC("Giấy tờ chứng minh quan hệ nhân thân với chủ hộ, thành viên hộ gia đình (trường hợp về ở với người thân)", required=False),
   O("Ý kiến đồng ý của chủ hộ, chủ sở hữu chỗ ở hợp pháp (ghi vào tờ khai, xác nhận qua VNeID hoặc văn bản riêng)", required=False)],
  [F("Lệ phí đăng ký thường trú (nộp hồ sơ trực tiếp)", 20000), F("Lệ phí đăng ký thường trú (nộp hồ sơ trực tuyến)", 10000)],
  7, "Thông tin thường trú được cập nhật vào Cơ sở dữ liệu về cư trú; thông báo kết quả (mẫu CT08).",
  CUTRU_BASE + [TT75], ["đăng ký thường trú", "nhập hộ khẩu", "chuyển hộ khẩu", "thường trú", "hộ khẩu"],
  note="07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
  conditions="Có chỗ ở hợp pháp; đăng ký vào chỗ ở thuê, mượn, ở nhờ phải bảo đảm diện tích tối thiểu theo quy định của HĐND tỉnh.",
  popular=True, channels=CUTRU_ONLINE)

P("1.004194", "Đăng ký tạm trú", "CUTRU", "full_online", None,
  "Công dân đến sinh sống tại chỗ ở hợp pháp ngoài phạm vi xã nơi thường trú từ 30 ngày trở lên phải đăng ký tạm trú tại Công an cấp xã.",
  cutru_flow("Cơ quan đăng ký cư trú thẩm định, cập nhật thông tin về nơi tạm trú mới và thời hạn tạm trú vào Cơ sở dữ liệu về cư trú.", pay=True),
  [O(CT01, template=CT01),
   OC("Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp (văn bản cho thuê, cho mượn, cho ở nhờ không bắt buộc công chứng, chứng thực)")],
  [F("Lệ phí đăng ký tạm trú cá nhân, hộ gia đình (nộp trực tiếp)", 15000),
   F("Lệ phí đăng ký tạm trú cá nhân, hộ gia đình (nộp trực tuyến)", 7000),
   F("Lệ phí đăng ký tạm trú theo danh sách, mỗi người (nộp trực tiếp)", 10000),
   F("Lệ phí đăng ký tạm trú theo danh sách, mỗi người (nộp trực tuyến)", 5000)],
  3, "Thông tin tạm trú được cập nhật; thông báo kết quả (mẫu CT08).",
  CUTRU_BASE + [TT75], ["đăng ký tạm trú", "tạm trú", "khai báo tạm trú", "thuê trọ đăng ký tạm trú"],
  note="03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.", popular=True, channels=CUTRU_ONLINE)

P("1.002755", "Gia hạn tạm trú", "CUTRU", "full_online", None,
  "Trong 15 ngày trước khi hết thời hạn tạm trú đã đăng ký, công dân phải làm thủ tục gia hạn tạm trú.",
  cutru_flow("Cơ quan đăng ký cư trú cập nhật thời hạn tạm trú mới vào Cơ sở dữ liệu về cư trú.", pay=True),
  [O(CT01, template=CT01), OC("Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp")],
  [F("Lệ phí gia hạn tạm trú (nộp trực tiếp)", 15000), F("Lệ phí gia hạn tạm trú (nộp trực tuyến)", 7000)],
  3, "Thời hạn tạm trú mới được cập nhật; thông báo kết quả (mẫu CT08).",
  CUTRU_BASE + [TT75], ["gia hạn tạm trú", "hết hạn tạm trú", "tạm trú hết hạn"], channels=CUTRU_ONLINE)

P("1.003197", "Xóa đăng ký thường trú", "CUTRU", "full_online", None,
  "Xóa đăng ký thường trú cho người chết, định cư ở nước ngoài, vắng mặt liên tục trên 12 tháng không rõ lý do, đã đăng ký thường trú nơi khác… theo Điều 24 Luật Cư trú.",
  cutru_flow("Cơ quan đăng ký cư trú xóa đăng ký thường trú và cập nhật vào Cơ sở dữ liệu về cư trú, Cơ sở dữ liệu quốc gia về dân cư."),
  [O(CT01, template=CT01), OC("Giấy tờ, tài liệu chứng minh thuộc trường hợp xóa đăng ký thường trú")],
  [], 5, "Thông báo kết quả xóa đăng ký thường trú (mẫu CT08).",
  CUTRU_BASE, ["xóa thường trú", "xóa hộ khẩu", "cắt hộ khẩu"],
  conditions="Trong 07 ngày kể từ ngày có người thuộc diện xóa đăng ký thường trú, người đó hoặc đại diện hộ gia đình phải nộp hồ sơ.",
  channels=CUTRU_ONLINE)

P("1.010028", "Xóa đăng ký tạm trú", "CUTRU", "full_online", None,
  "Xóa đăng ký tạm trú khi người tạm trú đã chết, đã chấm dứt tạm trú, đã đăng ký tạm trú hoặc thường trú nơi khác…",
  cutru_flow("Cơ quan đăng ký cư trú xóa đăng ký tạm trú và cập nhật vào Cơ sở dữ liệu về cư trú."),
  [O(CT01, template=CT01), OC("Giấy tờ, tài liệu chứng minh thuộc trường hợp xóa đăng ký tạm trú")],
  [], 2, "Thông báo kết quả xóa đăng ký tạm trú (mẫu CT08).",
  CUTRU_BASE, ["xóa tạm trú", "hủy tạm trú", "chuyển trọ xóa tạm trú"], channels=CUTRU_ONLINE)

P("1.010038", "Tách hộ", "CUTRU", "full_online", None,
  "Thành viên hộ gia đình có năng lực hành vi dân sự đầy đủ tách ra lập hộ mới tại cùng chỗ ở hợp pháp, với ý kiến đồng ý của chủ hộ và chủ sở hữu chỗ ở.",
  cutru_flow("Cơ quan đăng ký cư trú thẩm định, cập nhật thông tin hộ gia đình liên quan đến việc tách hộ trong Cơ sở dữ liệu về cư trú.", pay=True),
  [O(CT01 + ", ghi rõ ý kiến đồng ý cho tách hộ của chủ hộ, chủ sở hữu chỗ ở hợp pháp", template=CT01),
   OC("Giấy tờ chứng minh việc ly hôn và việc tiếp tục được sử dụng chỗ ở hợp pháp (trường hợp vợ, chồng đã ly hôn)", required=False)],
  [F("Lệ phí tách hộ (nộp trực tiếp)", 10000), F("Lệ phí tách hộ (nộp trực tuyến)", 5000)],
  5, "Thông báo cập nhật thông tin hộ gia đình (mẫu CT08).",
  CUTRU_BASE + [TT75], ["tách hộ", "tách hộ khẩu", "lập hộ mới"], channels=CUTRU_ONLINE)

P("1.010039", "Điều chỉnh thông tin về cư trú trong Cơ sở dữ liệu về cư trú", "CUTRU", "full_online", None,
  "Điều chỉnh thông tin về chủ hộ, thông tin hộ tịch hoặc địa chỉ nơi cư trú của công dân trong Cơ sở dữ liệu về cư trú khi có thay đổi.",
  cutru_flow("Cơ quan đăng ký cư trú điều chỉnh thông tin trong Cơ sở dữ liệu về cư trú, Cơ sở dữ liệu quốc gia về dân cư."),
  [O(CT01, template=CT01), OC("Giấy tờ, tài liệu chứng minh việc điều chỉnh thông tin (trừ trường hợp đã có trong Cơ sở dữ liệu hộ tịch điện tử)")],
  [], 3, "Thông báo đã điều chỉnh thông tin (mẫu CT08).",
  CUTRU_BASE, ["điều chỉnh thông tin cư trú", "thay đổi chủ hộ", "sửa thông tin cư trú", "đổi chủ hộ"], channels=CUTRU_ONLINE)

P("1.010040", "Khai báo thông tin về cư trú đối với người chưa đủ điều kiện đăng ký thường trú, đăng ký tạm trú", "CUTRU", "full_online", None,
  "Người không đủ điều kiện đăng ký thường trú, tạm trú khai báo nơi ở hiện tại để được cập nhật vào Cơ sở dữ liệu quốc gia về dân cư và cấp xác nhận thông tin về cư trú.",
  cutru_flow("Cơ quan đăng ký cư trú kiểm tra, xác minh thông tin và cập nhật nơi ở hiện tại vào Cơ sở dữ liệu quốc gia về dân cư."),
  [O(CT01, template=CT01), OC("Giấy tờ, tài liệu khác (nếu có)", required=False)],
  [], 5, "Thông báo cập nhật thông tin (mẫu CT08) và Xác nhận thông tin về cư trú (mẫu CT07).",
  CUTRU_BASE, ["khai báo cư trú", "nơi ở hiện tại", "không đủ điều kiện thường trú"],
  note="05 ngày làm việc nếu đã có thông tin trong Cơ sở dữ liệu quốc gia về dân cư; 30 ngày (phức tạp không quá 60 ngày) nếu chưa có.",
  channels=CUTRU_ONLINE)

P("1.010041", "Xác nhận thông tin về cư trú", "CUTRU", "full_online", None,
  "Công dân đề nghị cấp văn bản xác nhận thông tin về cư trú (nơi thường trú, tạm trú, thành viên hộ gia đình) tại bất kỳ Công an cấp xã nào hoặc trực tuyến.",
  cutru_flow("Cơ quan đăng ký cư trú tra cứu Cơ sở dữ liệu và cấp Xác nhận thông tin về cư trú (mẫu CT07)."),
  [O(CT01, template=CT01)],
  [], 0, "Xác nhận thông tin về cư trú (mẫu CT07), bản giấy hoặc bản điện tử.",
  CUTRU_BASE, ["xác nhận cư trú", "giấy xác nhận cư trú", "ct07", "xác nhận thông tin cư trú", "thay sổ hộ khẩu"],
  note="Không quá 1/2 ngày làm việc nếu thông tin có trong Cơ sở dữ liệu quốc gia về dân cư; 03 ngày làm việc nếu cần xác minh.",
  hours=4, popular=True, channels=CUTRU_ONLINE)

P("1.003677", "Khai báo tạm vắng", "CUTRU", "full_online", None,
  "Người đi khỏi nơi cư trú trong các trường hợp theo Điều 31 Luật Cư trú (bị can, người đang chấp hành án… hoặc người trong độ tuổi thực hiện nghĩa vụ quân sự đi khỏi nơi cư trú từ 03 tháng liên tục trở lên) phải khai báo tạm vắng.",
  cutru_flow("Cơ quan đăng ký cư trú cập nhật thông tin khai báo tạm vắng vào Cơ sở dữ liệu về cư trú và cấp Phiếu khai báo tạm vắng (mẫu CT03)."),
  [O("Đề nghị khai báo tạm vắng (họ tên, số định danh cá nhân, lý do, thời gian tạm vắng, địa chỉ nơi đến)"),
   O("Văn bản đồng ý của cơ quan có thẩm quyền giám sát, quản lý, giáo dục (đối với trường hợp tại điểm a, b khoản 1 Điều 31 Luật Cư trú)", required=False)],
  [], 1, "Phiếu khai báo tạm vắng (mẫu CT03) và thông báo kết quả (mẫu CT08).",
  CUTRU_BASE, ["khai báo tạm vắng", "tạm vắng", "đi khỏi địa phương"],
  note="01 ngày kể từ khi tiếp nhận; trường hợp phức tạp không quá 02 ngày làm việc.", channels=CUTRU_ONLINE)

P("2.001159", "Thông báo lưu trú", "CUTRU", "full_online", None,
  "Hộ gia đình, cơ sở lưu trú du lịch, cơ sở khám bệnh, chữa bệnh… thông báo cho Công an cấp xã khi có người đến lưu trú (trước 23 giờ của ngày bắt đầu lưu trú).",
  ["Bước 1: Chủ hộ, đại diện cơ sở lưu trú thông báo lưu trú trực tiếp, qua điện thoại, hộp thư điện tử, ứng dụng VNeID hoặc Cổng dịch vụ công.",
   "Bước 2: Công an cấp xã tiếp nhận ngay và cập nhật thông tin vào Cơ sở dữ liệu về cư trú."],
  [O("Thông tin người lưu trú: họ tên, số định danh cá nhân hoặc số hộ chiếu, lý do lưu trú, thời gian lưu trú")],
  [], 0, "Thông tin lưu trú được cập nhật vào Cơ sở dữ liệu về cư trú.",
  CUTRU_BASE, ["thông báo lưu trú", "khai báo lưu trú", "khách ở qua đêm", "nhà nghỉ báo lưu trú"],
  note="Tiếp nhận ngay khi có thông báo lưu trú.",
  conditions="Thông báo trước 23 giờ của ngày bắt đầu lưu trú; người đến sau 23 giờ thì thông báo trước 08 giờ ngày hôm sau.",
  channels=["online", "desk"])


# ================================================================ HỘ KINH DOANH (cấp xã)

HKD_BASE = ["Luật Doanh nghiệp số 59/2020/QH14 (sửa đổi, bổ sung năm 2025)",
            "Nghị định số 168/2025/NĐ-CP về đăng ký doanh nghiệp",
            TT85]
HKD_FORM = "theo mẫu ban hành kèm Thông tư của Bộ Tài chính hướng dẫn về đăng ký doanh nghiệp, đăng ký hộ kinh doanh"
HKD_FEE = [F("Lệ phí đăng ký hộ kinh doanh" + HDND, 100000)]
HKD_STEP = "Cơ quan đăng ký kinh doanh cấp xã xem xét tính hợp lệ của hồ sơ; hồ sơ chưa hợp lệ thì thông báo bằng văn bản nội dung cần sửa đổi, bổ sung."

P("1.001612", "Đăng ký thành lập hộ kinh doanh", "HOKINHDOANH", "full_online", None,
  "Cá nhân hoặc các thành viên hộ gia đình đăng ký thành lập hộ kinh doanh tại cơ quan đăng ký kinh doanh cấp xã nơi đặt trụ sở hộ kinh doanh.",
  flow("xa", HKD_STEP, "Cấp Giấy chứng nhận đăng ký hộ kinh doanh và gửi thông tin sang cơ quan thuế.", pay=True),
  [O("Giấy đề nghị đăng ký hộ kinh doanh", template="Giấy đề nghị đăng ký hộ kinh doanh (" + HKD_FORM + ")"),
   OC("Bản sao biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh (trường hợp các thành viên hộ gia đình đăng ký)", required=False),
   OC("Văn bản ủy quyền của thành viên hộ gia đình cho một thành viên làm chủ hộ kinh doanh (nếu có)", required=False),
   OC("Giấy tờ chứng minh quyền sử dụng địa điểm kinh doanh (nếu thông tin chưa có trong cơ sở dữ liệu)", required=False)],
  HKD_FEE, 3, "Giấy chứng nhận đăng ký hộ kinh doanh.",
  HKD_BASE, ["hộ kinh doanh", "đăng ký hộ kinh doanh", "giấy phép kinh doanh hộ cá thể", "mở cửa hàng", "đăng ký kinh doanh cá thể"],
  note="03 ngày làm việc kể từ ngày nhận hồ sơ hợp lệ.",
  conditions="Ngành, nghề kinh doanh không bị cấm; tên hộ kinh doanh không trùng với tên hộ kinh doanh đã đăng ký trong phạm vi cấp xã.",
  popular=True)

P("2.000720", "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", "HOKINHDOANH", "full_online", None,
  "Hộ kinh doanh đăng ký khi thay đổi tên, địa chỉ trụ sở, ngành nghề, vốn, chủ hộ hoặc các nội dung khác trên Giấy chứng nhận đăng ký hộ kinh doanh.",
  flow("xa", HKD_STEP, "Cấp Giấy chứng nhận đăng ký hộ kinh doanh mới với nội dung thay đổi.", pay=True),
  [O("Thông báo thay đổi nội dung đăng ký hộ kinh doanh", template="Thông báo thay đổi nội dung đăng ký hộ kinh doanh (" + HKD_FORM + ")"),
   OC("Giấy tờ liên quan đến nội dung thay đổi (hợp đồng tặng cho, thừa kế, biên bản họp thành viên hộ gia đình…)", required=False)],
  HKD_FEE, 3, "Giấy chứng nhận đăng ký hộ kinh doanh (cấp mới theo nội dung thay đổi).",
  HKD_BASE, ["thay đổi hộ kinh doanh", "đổi địa chỉ kinh doanh", "thêm ngành nghề hộ kinh doanh", "đổi chủ hộ kinh doanh"],
  note="03 ngày làm việc kể từ ngày nhận hồ sơ hợp lệ.")

P(L("HOKINHDOANH", 1), "Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh", "HOKINHDOANH", "full_online", None,
  "Hộ kinh doanh thông báo tạm ngừng kinh doanh từ 30 ngày trở lên, hoặc tiếp tục kinh doanh trước thời hạn đã thông báo, cho cơ quan đăng ký kinh doanh cấp xã.",
  flow("xa", "Cơ quan đăng ký kinh doanh cấp xã ghi nhận việc tạm ngừng hoặc tiếp tục kinh doanh và cấp Giấy xác nhận."),
  [O("Thông báo về việc tạm ngừng kinh doanh/tiếp tục kinh doanh trước thời hạn đã thông báo", template="Thông báo tạm ngừng/tiếp tục kinh doanh (" + HKD_FORM + ")")],
  [], 3, "Giấy xác nhận về việc hộ kinh doanh tạm ngừng kinh doanh hoặc tiếp tục kinh doanh trước thời hạn.",
  HKD_BASE, ["tạm ngừng kinh doanh", "nghỉ kinh doanh", "tạm nghỉ bán", "hộ kinh doanh tạm ngừng"],
  conditions="Thông báo chậm nhất 03 ngày làm việc trước ngày tạm ngừng hoặc tiếp tục kinh doanh.")

P(L("HOKINHDOANH", 2), "Chấm dứt hoạt động hộ kinh doanh", "HOKINHDOANH", "full_online", None,
  "Hộ kinh doanh thông báo chấm dứt hoạt động kinh doanh sau khi đã hoàn thành nghĩa vụ thuế với cơ quan thuế.",
  flow("xa", "Cơ quan đăng ký kinh doanh cấp xã kiểm tra, chuyển tình trạng hộ kinh doanh sang đã chấm dứt hoạt động và thông báo cho cơ quan thuế."),
  [O("Thông báo về việc chấm dứt hoạt động hộ kinh doanh", template="Thông báo chấm dứt hoạt động hộ kinh doanh (" + HKD_FORM + ")"),
   OC("Biên bản họp thành viên hộ gia đình về việc chấm dứt hoạt động (trường hợp các thành viên hộ gia đình đăng ký)", required=False)],
  [], 3, "Thông báo về việc chấm dứt hoạt động hộ kinh doanh.",
  HKD_BASE, ["chấm dứt hộ kinh doanh", "đóng hộ kinh doanh", "giải thể hộ kinh doanh", "nghỉ kinh doanh hẳn"])

P(L("HOKINHDOANH", 3), "Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh", "HOKINHDOANH", "full_online", None,
  "Hộ kinh doanh đề nghị cấp lại Giấy chứng nhận đăng ký hộ kinh doanh khi bị mất, cháy, rách, hư hỏng hoặc tiêu hủy.",
  flow("xa", "Cơ quan đăng ký kinh doanh cấp xã kiểm tra thông tin trong Cơ sở dữ liệu và cấp lại Giấy chứng nhận.", pay=True),
  [O("Giấy đề nghị cấp lại Giấy chứng nhận đăng ký hộ kinh doanh", template="Giấy đề nghị cấp lại (" + HKD_FORM + ")")],
  HKD_FEE, 3, "Giấy chứng nhận đăng ký hộ kinh doanh (cấp lại).",
  HKD_BASE, ["cấp lại giấy phép hộ kinh doanh", "mất giấy phép kinh doanh", "giấy đăng ký hộ kinh doanh bị mất"])


# ================================================================ DOANH NGHIỆP (Sở Tài chính)

DN_BASE = ["Luật Doanh nghiệp số 59/2020/QH14 (sửa đổi, bổ sung năm 2025)",
           "Nghị định số 168/2025/NĐ-CP về đăng ký doanh nghiệp",
           "Thông tư số 47/2019/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí cung cấp thông tin doanh nghiệp, lệ phí đăng ký doanh nghiệp"]
DN_FORM = "theo mẫu ban hành kèm Thông tư của Bộ Tài chính hướng dẫn về đăng ký doanh nghiệp"
DN_FEES = [F("Lệ phí đăng ký doanh nghiệp (nộp hồ sơ giấy)", 50000),
           F("Lệ phí đăng ký doanh nghiệp (đăng ký qua mạng thông tin điện tử)", 0),
           F("Phí công bố nội dung đăng ký doanh nghiệp", 100000)]
DN_CHANGE_FEES = [F("Lệ phí đăng ký thay đổi (nộp hồ sơ giấy)", 50000),
                  F("Lệ phí đăng ký thay đổi (đăng ký qua mạng thông tin điện tử)", 0),
                  F("Phí công bố nội dung đăng ký doanh nghiệp", 100000)]
DN_STEP = "Phòng Đăng ký kinh doanh thuộc Sở Tài chính xem xét tính hợp lệ của hồ sơ; hồ sơ chưa hợp lệ thì thông báo bằng văn bản nội dung cần sửa đổi, bổ sung."
DN_RET = ("Trả kết quả qua Hệ thống thông tin quốc gia về đăng ký doanh nghiệp (dangkykinhdoanh.gov.vn), tại Trung tâm Phục vụ hành chính công tỉnh "
          "hoặc qua dịch vụ bưu chính.")
DN_NOTE = "03 ngày làm việc kể từ ngày nhận hồ sơ hợp lệ."
DN_MEMBERS = OC("Bản sao giấy tờ pháp lý của cá nhân đối với thành viên/cổ đông là cá nhân; giấy tờ pháp lý của tổ chức và văn bản cử người đại diện theo ủy quyền đối với thành viên/cổ đông là tổ chức")


def dn(code, name, description, documents, result, keywords, fees=DN_FEES, popular=False, days=3, note=DN_NOTE, level="full_online"):
    P(code, name, "DOANHNGHIEP", level, "TAICHINH", description,
      flow("TAICHINH", DN_STEP, "Cấp Giấy chứng nhận/Giấy xác nhận theo yêu cầu và cập nhật vào Hệ thống thông tin quốc gia về đăng ký doanh nghiệp.",
           pay=bool(fees), ret=DN_RET),
      documents, fees, days, result, DN_BASE, keywords, note=note, popular=popular)


dn(L("DOANHNGHIEP", 1), "Đăng ký thành lập doanh nghiệp tư nhân",
   "Cá nhân đăng ký thành lập doanh nghiệp tư nhân, do một cá nhân làm chủ và tự chịu trách nhiệm bằng toàn bộ tài sản của mình.",
   [O("Giấy đề nghị đăng ký doanh nghiệp tư nhân", template="Giấy đề nghị đăng ký doanh nghiệp tư nhân (" + DN_FORM + ")"),
    OC("Bản sao giấy tờ pháp lý của cá nhân đối với chủ doanh nghiệp tư nhân")],
   "Giấy chứng nhận đăng ký doanh nghiệp.", ["doanh nghiệp tư nhân", "thành lập dntn", "mở công ty tư nhân"])

dn(L("DOANHNGHIEP", 2), "Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên",
   "Cá nhân hoặc tổ chức đăng ký thành lập công ty TNHH một thành viên; chủ sở hữu chịu trách nhiệm trong phạm vi vốn điều lệ.",
   [O("Giấy đề nghị đăng ký doanh nghiệp", template="Giấy đề nghị đăng ký công ty TNHH một thành viên (" + DN_FORM + ")"),
    O("Điều lệ công ty"),
    OC("Bản sao giấy tờ pháp lý của cá nhân đối với người đại diện theo pháp luật"),
    DN_MEMBERS,
    OC("Bản sao Giấy chứng nhận đăng ký đầu tư (trường hợp doanh nghiệp thành lập bởi nhà đầu tư nước ngoài)", required=False)],
   "Giấy chứng nhận đăng ký doanh nghiệp (kèm mã số doanh nghiệp đồng thời là mã số thuế).",
   ["thành lập công ty", "công ty tnhh một thành viên", "mở công ty", "đăng ký doanh nghiệp", "giấy phép kinh doanh công ty"],
   popular=True)

dn(L("DOANHNGHIEP", 3), "Đăng ký thành lập công ty trách nhiệm hữu hạn hai thành viên trở lên",
   "Từ 02 đến 50 thành viên là tổ chức, cá nhân đăng ký thành lập công ty TNHH hai thành viên trở lên.",
   [O("Giấy đề nghị đăng ký doanh nghiệp", template="Giấy đề nghị đăng ký công ty TNHH hai thành viên trở lên (" + DN_FORM + ")"),
    O("Điều lệ công ty"), O("Danh sách thành viên"),
    OC("Bản sao giấy tờ pháp lý của cá nhân đối với người đại diện theo pháp luật"), DN_MEMBERS],
   "Giấy chứng nhận đăng ký doanh nghiệp.", ["công ty tnhh hai thành viên", "thành lập công ty nhiều thành viên", "góp vốn lập công ty"])

dn(L("DOANHNGHIEP", 4), "Đăng ký thành lập công ty cổ phần",
   "Tối thiểu 03 cổ đông đăng ký thành lập công ty cổ phần; vốn điều lệ được chia thành nhiều phần bằng nhau gọi là cổ phần.",
   [O("Giấy đề nghị đăng ký doanh nghiệp", template="Giấy đề nghị đăng ký công ty cổ phần (" + DN_FORM + ")"),
    O("Điều lệ công ty"), O("Danh sách cổ đông sáng lập; danh sách cổ đông là nhà đầu tư nước ngoài (nếu có)"),
    OC("Bản sao giấy tờ pháp lý của cá nhân đối với người đại diện theo pháp luật"), DN_MEMBERS],
   "Giấy chứng nhận đăng ký doanh nghiệp.", ["công ty cổ phần", "thành lập công ty cổ phần", "cổ đông sáng lập"])

dn(L("DOANHNGHIEP", 5), "Đăng ký thành lập công ty hợp danh",
   "Ít nhất 02 thành viên hợp danh là cá nhân đăng ký thành lập công ty hợp danh.",
   [O("Giấy đề nghị đăng ký doanh nghiệp", template="Giấy đề nghị đăng ký công ty hợp danh (" + DN_FORM + ")"),
    O("Điều lệ công ty"), O("Danh sách thành viên"), DN_MEMBERS],
   "Giấy chứng nhận đăng ký doanh nghiệp.", ["công ty hợp danh", "thành lập công ty hợp danh"])

dn(L("DOANHNGHIEP", 6), "Đăng ký thay đổi người đại diện theo pháp luật của công ty",
   "Công ty TNHH, công ty cổ phần, công ty hợp danh đăng ký khi thay đổi người đại diện theo pháp luật.",
   [O("Thông báo thay đổi nội dung đăng ký doanh nghiệp", template="Thông báo thay đổi nội dung đăng ký doanh nghiệp (" + DN_FORM + ")"),
    O("Nghị quyết, quyết định về việc thay đổi người đại diện theo pháp luật của chủ sở hữu, Hội đồng thành viên hoặc Đại hội đồng cổ đông"),
    OC("Bản sao giấy tờ pháp lý của cá nhân đối với người đại diện theo pháp luật mới")],
   "Giấy chứng nhận đăng ký doanh nghiệp cập nhật thông tin người đại diện theo pháp luật.",
   ["thay đổi giám đốc", "đổi người đại diện pháp luật", "thay người đại diện công ty"], fees=DN_CHANGE_FEES)

dn(L("DOANHNGHIEP", 7), "Đăng ký thay đổi địa chỉ trụ sở chính của doanh nghiệp",
   "Doanh nghiệp đăng ký khi chuyển địa chỉ trụ sở chính (trong hoặc ngoài tỉnh), kể cả khi địa chỉ thay đổi do sắp xếp đơn vị hành chính.",
   [O("Thông báo thay đổi nội dung đăng ký doanh nghiệp", template="Thông báo thay đổi nội dung đăng ký doanh nghiệp (" + DN_FORM + ")"),
    O("Nghị quyết, quyết định của chủ sở hữu, Hội đồng thành viên hoặc Đại hội đồng cổ đông về việc thay đổi địa chỉ trụ sở chính")],
   "Giấy chứng nhận đăng ký doanh nghiệp với địa chỉ trụ sở mới.",
   ["đổi địa chỉ công ty", "chuyển trụ sở", "thay đổi trụ sở chính"], fees=DN_CHANGE_FEES)

dn(L("DOANHNGHIEP", 8), "Đăng ký thay đổi vốn điều lệ, tỷ lệ vốn góp",
   "Công ty đăng ký tăng, giảm vốn điều lệ hoặc thay đổi tỷ lệ vốn góp của thành viên, chủ sở hữu.",
   [O("Thông báo thay đổi nội dung đăng ký doanh nghiệp", template="Thông báo thay đổi nội dung đăng ký doanh nghiệp (" + DN_FORM + ")"),
    O("Nghị quyết, quyết định về việc thay đổi vốn điều lệ"),
    OC("Văn bản chấp thuận đăng ký góp vốn, mua cổ phần của nhà đầu tư nước ngoài (nếu có)", required=False)],
   "Giấy chứng nhận đăng ký doanh nghiệp với vốn điều lệ mới.",
   ["tăng vốn điều lệ", "giảm vốn điều lệ", "thay đổi vốn công ty"], fees=DN_CHANGE_FEES)

dn(L("DOANHNGHIEP", 9), "Thông báo thay đổi ngành, nghề kinh doanh",
   "Doanh nghiệp thông báo bổ sung, thay đổi ngành, nghề kinh doanh với Phòng Đăng ký kinh doanh.",
   [O("Thông báo thay đổi nội dung đăng ký doanh nghiệp", template="Thông báo thay đổi nội dung đăng ký doanh nghiệp (" + DN_FORM + ")"),
    O("Nghị quyết, quyết định về việc thay đổi ngành, nghề kinh doanh")],
   "Giấy xác nhận về việc thay đổi nội dung đăng ký doanh nghiệp.",
   ["thêm ngành nghề", "bổ sung ngành nghề kinh doanh", "đổi ngành nghề công ty"],
   fees=[F("Phí công bố nội dung đăng ký doanh nghiệp", 100000)])

dn(L("DOANHNGHIEP", 10), "Thông báo tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của doanh nghiệp",
   "Doanh nghiệp thông báo tạm ngừng kinh doanh hoặc tiếp tục kinh doanh trước thời hạn chậm nhất 03 ngày làm việc trước ngày tạm ngừng hoặc tiếp tục.",
   [O("Thông báo về việc tạm ngừng kinh doanh/tiếp tục kinh doanh trước thời hạn đã thông báo", template="Thông báo tạm ngừng kinh doanh (" + DN_FORM + ")"),
    O("Nghị quyết, quyết định của chủ sở hữu, Hội đồng thành viên hoặc Hội đồng quản trị về việc tạm ngừng kinh doanh")],
   "Giấy xác nhận về việc doanh nghiệp đăng ký tạm ngừng kinh doanh/tiếp tục kinh doanh.",
   ["tạm ngừng kinh doanh công ty", "công ty tạm nghỉ", "tạm dừng hoạt động doanh nghiệp"], fees=[])

dn(L("DOANHNGHIEP", 11), "Giải thể doanh nghiệp",
   "Doanh nghiệp đã thanh toán hết các khoản nợ và nghĩa vụ tài sản khác đăng ký giải thể với Phòng Đăng ký kinh doanh.",
   [O("Thông báo về giải thể doanh nghiệp", template="Thông báo về giải thể doanh nghiệp (" + DN_FORM + ")"),
    O("Báo cáo thanh lý tài sản doanh nghiệp; danh sách chủ nợ và số nợ đã thanh toán")],
   "Tình trạng pháp lý của doanh nghiệp được chuyển sang đã giải thể trong Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp.",
   ["giải thể công ty", "đóng cửa công ty", "giải thể doanh nghiệp"], fees=[], days=5,
   note="05 ngày làm việc kể từ ngày nhận hồ sơ hợp lệ (sau khi có ý kiến của cơ quan thuế).")

dn(L("DOANHNGHIEP", 12), "Đăng ký hoạt động chi nhánh, văn phòng đại diện, địa điểm kinh doanh",
   "Doanh nghiệp đăng ký thành lập chi nhánh, văn phòng đại diện hoặc thông báo lập địa điểm kinh doanh trong nước.",
   [O("Thông báo về việc đăng ký hoạt động chi nhánh, văn phòng đại diện, địa điểm kinh doanh", template="Thông báo đăng ký hoạt động chi nhánh, VPĐD, địa điểm kinh doanh (" + DN_FORM + ")"),
    OC("Bản sao nghị quyết, quyết định của doanh nghiệp về việc thành lập chi nhánh, văn phòng đại diện", required=False),
    OC("Bản sao giấy tờ pháp lý của cá nhân đối với người đứng đầu chi nhánh, văn phòng đại diện")],
   "Giấy chứng nhận đăng ký hoạt động chi nhánh/văn phòng đại diện hoặc Giấy chứng nhận đăng ký địa điểm kinh doanh.",
   ["mở chi nhánh", "văn phòng đại diện", "địa điểm kinh doanh", "thành lập chi nhánh công ty"],
   fees=[F("Lệ phí đăng ký hoạt động chi nhánh, văn phòng đại diện (nộp hồ sơ giấy)", 50000),
         F("Lệ phí đăng ký hoạt động chi nhánh, văn phòng đại diện (đăng ký qua mạng)", 0)])

dn(L("DOANHNGHIEP", 13), "Chuyển đổi công ty trách nhiệm hữu hạn thành công ty cổ phần",
   "Công ty TNHH chuyển đổi loại hình thành công ty cổ phần theo một trong các phương thức quy định tại Luật Doanh nghiệp.",
   [O("Giấy đề nghị đăng ký doanh nghiệp", template="Giấy đề nghị đăng ký công ty cổ phần (" + DN_FORM + ")"),
    O("Điều lệ công ty chuyển đổi"), O("Danh sách cổ đông sáng lập, cổ đông là nhà đầu tư nước ngoài (nếu có)"),
    O("Nghị quyết, quyết định về việc chuyển đổi công ty"),
    OC("Bản sao giấy tờ pháp lý của cá nhân, tổ chức đối với cổ đông và người đại diện theo pháp luật")],
   "Giấy chứng nhận đăng ký doanh nghiệp của công ty cổ phần.",
   ["chuyển đổi loại hình", "tnhh sang cổ phần", "chuyển đổi công ty"])

dn(L("DOANHNGHIEP", 14), "Cấp đổi Giấy chứng nhận đăng ký doanh nghiệp",
   "Doanh nghiệp đề nghị cấp đổi sang Giấy chứng nhận đăng ký doanh nghiệp theo mẫu mới hoặc cấp lại khi bị mất, cháy, rách, hư hỏng.",
   [O("Giấy đề nghị cấp đổi/cấp lại Giấy chứng nhận đăng ký doanh nghiệp", template="Giấy đề nghị (" + DN_FORM + ")")],
   "Giấy chứng nhận đăng ký doanh nghiệp (cấp đổi/cấp lại).",
   ["cấp lại giấy phép kinh doanh", "mất giấy đăng ký kinh doanh", "đổi giấy chứng nhận đăng ký doanh nghiệp"],
   fees=[F("Lệ phí cấp đổi, cấp lại Giấy chứng nhận (nộp hồ sơ giấy)", 50000),
         F("Lệ phí cấp đổi, cấp lại Giấy chứng nhận (đăng ký qua mạng)", 0)])

dn(L("DOANHNGHIEP", 15), "Cung cấp thông tin doanh nghiệp",
   "Tổ chức, cá nhân đề nghị cung cấp thông tin về doanh nghiệp lưu trong Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp.",
   [O("Phiếu yêu cầu cung cấp thông tin doanh nghiệp")],
   "Văn bản cung cấp thông tin doanh nghiệp hoặc bản sao Giấy chứng nhận, hồ sơ đăng ký doanh nghiệp.",
   ["tra cứu doanh nghiệp", "thông tin công ty", "xin bản sao giấy phép kinh doanh"],
   fees=[F("Phí cung cấp thông tin về nội dung đăng ký doanh nghiệp (bản sao Giấy chứng nhận)", 25000, per="copy")],
   days=1, note="01 ngày làm việc.", level="partial_online")


# ================================================================ ĐẦU TƯ

DT_BASE = ["Luật Đầu tư số 61/2020/QH14 (sửa đổi, bổ sung)", "Nghị định số 31/2021/NĐ-CP quy định chi tiết và hướng dẫn thi hành một số điều của Luật Đầu tư"]
DT_FORM = "theo mẫu ban hành kèm Thông tư của Bộ Kế hoạch và Đầu tư (nay là Bộ Tài chính) quy định mẫu văn bản về đầu tư"

P(L("DAUTU", 1), "Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương đầu tư", "DAUTU", "partial_online", "TAICHINH",
  "Nhà đầu tư nước ngoài hoặc tổ chức kinh tế có vốn đầu tư nước ngoài đề nghị cấp Giấy chứng nhận đăng ký đầu tư cho dự án ngoài khu công nghiệp, khu kinh tế.",
  flow("TAICHINH", "Sở Tài chính thẩm tra hồ sơ, lấy ý kiến cơ quan liên quan nếu cần.", "Sở Tài chính cấp Giấy chứng nhận đăng ký đầu tư."),
  [O("Văn bản đề nghị thực hiện dự án đầu tư", template="Văn bản đề nghị thực hiện dự án đầu tư (" + DT_FORM + ")"),
   OC("Tài liệu về tư cách pháp lý của nhà đầu tư"),
   OC("Tài liệu chứng minh năng lực tài chính của nhà đầu tư"),
   O("Đề xuất dự án đầu tư"),
   OC("Tài liệu về quyền sử dụng địa điểm thực hiện dự án (nếu dự án không đề nghị Nhà nước giao đất, cho thuê đất)", required=False)],
  [], 15, "Giấy chứng nhận đăng ký đầu tư.",
  DT_BASE, ["giấy chứng nhận đăng ký đầu tư", "dự án đầu tư nước ngoài", "irc", "đăng ký đầu tư"],
  note="15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("DAUTU", 2), "Điều chỉnh Giấy chứng nhận đăng ký đầu tư", "DAUTU", "partial_online", "TAICHINH",
  "Nhà đầu tư đề nghị điều chỉnh nội dung dự án (mục tiêu, quy mô, vốn, tiến độ, nhà đầu tư…) trên Giấy chứng nhận đăng ký đầu tư.",
  flow("TAICHINH", "Sở Tài chính thẩm tra nội dung điều chỉnh.", "Sở Tài chính cấp Giấy chứng nhận đăng ký đầu tư điều chỉnh."),
  [O("Văn bản đề nghị điều chỉnh dự án đầu tư", template="Văn bản đề nghị điều chỉnh dự án đầu tư (" + DT_FORM + ")"),
   O("Báo cáo tình hình triển khai dự án đầu tư đến thời điểm điều chỉnh"),
   O("Quyết định của nhà đầu tư về việc điều chỉnh dự án đầu tư"),
   OC("Tài liệu liên quan đến nội dung điều chỉnh", required=False)],
  [], 10, "Giấy chứng nhận đăng ký đầu tư (điều chỉnh).",
  DT_BASE, ["điều chỉnh dự án đầu tư", "sửa giấy chứng nhận đầu tư", "tăng vốn dự án"])

P(L("DAUTU", 3), "Chấp thuận chủ trương đầu tư của Ủy ban nhân dân cấp tỉnh", "DAUTU", "partial_online", "TAICHINH",
  "Nhà đầu tư đề nghị UBND tỉnh chấp thuận chủ trương đầu tư đối với dự án thuộc thẩm quyền của UBND tỉnh theo Luật Đầu tư.",
  flow("TAICHINH", "Sở Tài chính lấy ý kiến thẩm định của các cơ quan liên quan, lập báo cáo thẩm định.",
       "Ủy ban nhân dân tỉnh xem xét, quyết định chấp thuận chủ trương đầu tư."),
  [O("Văn bản đề nghị thực hiện dự án đầu tư", template="Văn bản đề nghị thực hiện dự án đầu tư (" + DT_FORM + ")"),
   OC("Tài liệu về tư cách pháp lý của nhà đầu tư"),
   OC("Tài liệu chứng minh năng lực tài chính của nhà đầu tư"),
   O("Đề xuất dự án đầu tư"), O("Nội dung giải trình về công nghệ sử dụng trong dự án (đối với dự án thuộc diện thẩm định, lấy ý kiến về công nghệ)", required=False)],
  [], 35, "Quyết định chấp thuận chủ trương đầu tư (đồng thời chấp thuận nhà đầu tư, nếu có).",
  DT_BASE, ["chấp thuận chủ trương đầu tư", "xin chủ trương đầu tư", "dự án cần chấp thuận"],
  note="35 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("DAUTU", 4), "Đăng ký góp vốn, mua cổ phần, mua phần vốn góp của nhà đầu tư nước ngoài", "DAUTU", "partial_online", "TAICHINH",
  "Nhà đầu tư nước ngoài đăng ký góp vốn, mua cổ phần, mua phần vốn góp vào tổ chức kinh tế trong các trường hợp phải đăng ký theo Luật Đầu tư.",
  flow("TAICHINH", "Sở Tài chính xem xét việc đáp ứng điều kiện tiếp cận thị trường, bảo đảm quốc phòng, an ninh.",
       "Sở Tài chính thông báo chấp thuận hoặc không chấp thuận việc góp vốn, mua cổ phần, mua phần vốn góp."),
  [O("Văn bản đăng ký góp vốn, mua cổ phần, mua phần vốn góp", template="Văn bản đăng ký góp vốn, mua cổ phần (" + DT_FORM + ")"),
   OC("Bản sao giấy tờ pháp lý của cá nhân, tổ chức góp vốn, mua cổ phần"),
   O("Văn bản thỏa thuận nguyên tắc về việc góp vốn, mua cổ phần, mua phần vốn góp"),
   OC("Bản sao Giấy chứng nhận quyền sử dụng đất của tổ chức kinh tế nhận vốn góp (trường hợp thuộc diện phải có)", required=False)],
  [], 15, "Thông báo chấp thuận việc góp vốn, mua cổ phần, mua phần vốn góp.",
  DT_BASE, ["góp vốn nước ngoài", "mua cổ phần nhà đầu tư nước ngoài", "m&a nước ngoài"])

P(L("DAUTU", 5), "Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án trong khu công nghiệp, khu kinh tế", "DAUTU", "partial_online", "BQLKKT",
  "Nhà đầu tư đề nghị Ban Quản lý Khu kinh tế tỉnh cấp Giấy chứng nhận đăng ký đầu tư cho dự án thực hiện trong khu công nghiệp, khu kinh tế.",
  flow("BQLKKT", "Ban Quản lý Khu kinh tế thẩm tra hồ sơ dự án.", "Ban Quản lý Khu kinh tế cấp Giấy chứng nhận đăng ký đầu tư."),
  [O("Văn bản đề nghị thực hiện dự án đầu tư", template="Văn bản đề nghị thực hiện dự án đầu tư (" + DT_FORM + ")"),
   OC("Tài liệu về tư cách pháp lý của nhà đầu tư"), OC("Tài liệu chứng minh năng lực tài chính của nhà đầu tư"),
   O("Đề xuất dự án đầu tư"), OC("Thỏa thuận thuê đất, thuê lại đất trong khu công nghiệp")],
  [], 15, "Giấy chứng nhận đăng ký đầu tư.",
  DT_BASE + ["Nghị định số 35/2022/NĐ-CP quy định về quản lý khu công nghiệp và khu kinh tế"],
  ["đầu tư khu công nghiệp", "dự án trong khu kinh tế", "ban quản lý khu kinh tế"])

P(L("DAUTU", 6), "Thành lập văn phòng điều hành của nhà đầu tư nước ngoài trong hợp đồng BCC", "DAUTU", "partial_online", "TAICHINH",
  "Nhà đầu tư nước ngoài tham gia hợp đồng hợp tác kinh doanh (BCC) đề nghị thành lập văn phòng điều hành tại Việt Nam.",
  flow("TAICHINH", "Sở Tài chính thẩm tra hồ sơ.", "Sở Tài chính cấp Giấy chứng nhận đăng ký hoạt động văn phòng điều hành."),
  [O("Văn bản đề nghị thành lập văn phòng điều hành", template="Văn bản đề nghị thành lập văn phòng điều hành (" + DT_FORM + ")"),
   O("Quyết định của nhà đầu tư nước ngoài về việc thành lập văn phòng điều hành"),
   OC("Bản sao quyết định bổ nhiệm người đứng đầu văn phòng điều hành"), OC("Bản sao hợp đồng BCC")],
  [], 15, "Giấy chứng nhận đăng ký hoạt động văn phòng điều hành.",
  DT_BASE, ["văn phòng điều hành", "hợp đồng bcc", "hợp tác kinh doanh nước ngoài"])


# ================================================================ LÝ LỊCH TƯ PHÁP (Sở Tư pháp)

LLTP_BASE = ["Luật Lý lịch tư pháp số 28/2009/QH12",
             "Nghị định số 111/2010/NĐ-CP quy định chi tiết và hướng dẫn thi hành một số điều của Luật Lý lịch tư pháp",
             "Thông tư số 244/2016/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí cung cấp thông tin lý lịch tư pháp"]
LLTP_FEES = [F("Phí cung cấp thông tin lý lịch tư pháp", 200000),
             F("Phí cung cấp thông tin lý lịch tư pháp đối với học sinh, sinh viên, người có công với cách mạng, thân nhân liệt sĩ", 100000),
             F("Phí cấp từ Phiếu lý lịch tư pháp thứ 3 trở đi (mỗi phiếu)", 5000, per="copy")]

P(L("LLTP", 1), "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam", "LLTP", "full_online", "TUPHAP",
  "Công dân Việt Nam và người nước ngoài đã hoặc đang cư trú tại Việt Nam đề nghị cấp Phiếu lý lịch tư pháp số 1 hoặc số 2 (xin việc, đi du học, định cư, xuất khẩu lao động…). "
  "Có thể nộp trực tuyến trên Cổng Dịch vụ công quốc gia hoặc ứng dụng VNeID.",
  flow("TUPHAP", "Sở Tư pháp tra cứu thông tin lý lịch tư pháp, phối hợp cơ quan Công an và Tòa án xác minh nếu cần.",
       "Giám đốc Sở Tư pháp ký Phiếu lý lịch tư pháp.", pay=True),
  [O("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", template="Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 03/2013/TT-LLTP; Mẫu số 04/2013/TT-LLTP dùng cho trường hợp ủy quyền)"),
   ID_DOC,
   OC("Giấy tờ chứng minh nơi cư trú (nếu thông tin chưa có trong Cơ sở dữ liệu quốc gia về dân cư)", required=False),
   O("Văn bản ủy quyền (trường hợp ủy quyền yêu cầu cấp Phiếu số 1; không áp dụng đối với Phiếu số 2)", required=False)],
  LLTP_FEES, 10, "Phiếu lý lịch tư pháp số 1 hoặc số 2 (bản giấy hoặc bản điện tử).",
  LLTP_BASE, ["lý lịch tư pháp", "phiếu lý lịch tư pháp", "lý lịch tư pháp số 1", "lý lịch tư pháp số 2", "giấy xác nhận không tiền án"],
  note="Không quá 10 ngày kể từ ngày nhận yêu cầu hợp lệ; trường hợp là người nước ngoài, người đã cư trú ở nhiều nơi hoặc cần xác minh thì không quá 15 ngày.",
  conditions="Người yêu cầu cấp Phiếu số 2 phải trực tiếp yêu cầu (không ủy quyền).", popular=True)

P(L("LLTP", 2), "Cấp Phiếu lý lịch tư pháp cho cơ quan nhà nước, tổ chức chính trị, tổ chức chính trị - xã hội", "LLTP", "partial_online", "TUPHAP",
  "Cơ quan nhà nước, tổ chức chính trị, tổ chức chính trị - xã hội yêu cầu cấp Phiếu lý lịch tư pháp để phục vụ công tác quản lý nhân sự, đăng ký kinh doanh, cấp giấy phép…",
  flow("TUPHAP", "Sở Tư pháp tra cứu thông tin lý lịch tư pháp, xác minh nếu cần.", "Giám đốc Sở Tư pháp ký Phiếu lý lịch tư pháp số 1."),
  [O("Văn bản yêu cầu cấp Phiếu lý lịch tư pháp, ghi rõ địa chỉ cơ quan, tổ chức, mục đích sử dụng và thông tin về người được cấp Phiếu")],
  [], 10, "Phiếu lý lịch tư pháp số 1.", LLTP_BASE,
  ["lý lịch tư pháp cho cơ quan", "cơ quan yêu cầu lý lịch tư pháp"])

P(L("LLTP", 3), "Cấp Phiếu lý lịch tư pháp cho cơ quan tiến hành tố tụng", "LLTP", "partial_online", "TUPHAP",
  "Cơ quan tiến hành tố tụng yêu cầu cấp Phiếu lý lịch tư pháp số 2 phục vụ công tác điều tra, truy tố, xét xử.",
  flow("TUPHAP", "Sở Tư pháp tra cứu thông tin lý lịch tư pháp.", "Giám đốc Sở Tư pháp ký Phiếu lý lịch tư pháp số 2.", online=False),
  [O("Văn bản yêu cầu cấp Phiếu lý lịch tư pháp của cơ quan tiến hành tố tụng")],
  [], 10, "Phiếu lý lịch tư pháp số 2.", LLTP_BASE, ["lý lịch tư pháp tố tụng", "phiếu số 2 cơ quan điều tra"],
  note="Không quá 10 ngày; trường hợp khẩn cấp không quá 24 giờ kể từ thời điểm nhận được yêu cầu.")


# ================================================================ QUỐC TỊCH (Sở Tư pháp)

QT_BASE = ["Luật Quốc tịch Việt Nam số 24/2008/QH12 (sửa đổi, bổ sung năm 2014 và năm 2025)",
           "Nghị định số 16/2020/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Quốc tịch Việt Nam",
           "Thông tư số 281/2016/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí khai thác, sử dụng thông tin trong cơ sở dữ liệu hộ tịch, phí xác nhận có quốc tịch Việt Nam, phí xác nhận là người gốc Việt Nam, lệ phí quốc tịch"]

P(L("QUOCTICH", 1), "Nhập quốc tịch Việt Nam", "QUOCTICH", "partial_online", "TUPHAP",
  "Người nước ngoài, người không quốc tịch thường trú tại Việt Nam xin nhập quốc tịch Việt Nam; hồ sơ nộp tại Sở Tư pháp và trình Chủ tịch nước quyết định.",
  flow("TUPHAP", "Sở Tư pháp phối hợp Công an tỉnh xác minh nhân thân, báo cáo UBND tỉnh.",
       "UBND tỉnh có văn bản đề xuất gửi Bộ Tư pháp; Bộ Tư pháp trình Chủ tịch nước quyết định.", pay=True),
  [O("Đơn xin nhập quốc tịch Việt Nam", template="Đơn xin nhập quốc tịch Việt Nam (ban hành kèm Thông tư của Bộ Tư pháp hướng dẫn về quốc tịch)"),
   C("Bản sao Giấy khai sinh, hộ chiếu hoặc giấy tờ khác có giá trị thay thế"),
   O("Bản khai lý lịch"), O("Phiếu lý lịch tư pháp do cơ quan có thẩm quyền của Việt Nam và nước ngoài cấp"),
   O("Giấy tờ chứng minh trình độ tiếng Việt, nơi thường trú, khả năng bảo đảm cuộc sống tại Việt Nam")],
  [F("Lệ phí xin nhập quốc tịch Việt Nam", 3000000)],
  115, "Quyết định cho nhập quốc tịch Việt Nam của Chủ tịch nước.", QT_BASE,
  ["nhập quốc tịch", "xin quốc tịch việt nam", "người nước ngoài nhập quốc tịch"],
  note="Thời hạn giải quyết tổng cộng khoảng 115 ngày, gồm thời gian xử lý tại Sở Tư pháp, UBND tỉnh, Bộ Tư pháp và Văn phòng Chủ tịch nước.")

P(L("QUOCTICH", 2), "Trở lại quốc tịch Việt Nam", "QUOCTICH", "partial_online", "TUPHAP",
  "Người đã mất quốc tịch Việt Nam xin trở lại quốc tịch Việt Nam.",
  flow("TUPHAP", "Sở Tư pháp phối hợp Công an tỉnh xác minh, báo cáo UBND tỉnh.",
       "UBND tỉnh đề xuất gửi Bộ Tư pháp; Bộ Tư pháp trình Chủ tịch nước quyết định.", pay=True),
  [O("Đơn xin trở lại quốc tịch Việt Nam"), C("Bản sao Giấy khai sinh, hộ chiếu hoặc giấy tờ khác có giá trị thay thế"),
   O("Bản khai lý lịch"), O("Phiếu lý lịch tư pháp"), OC("Giấy tờ chứng minh người xin trở lại quốc tịch đã từng có quốc tịch Việt Nam")],
  [F("Lệ phí xin trở lại quốc tịch Việt Nam", 2500000)],
  85, "Quyết định cho trở lại quốc tịch Việt Nam của Chủ tịch nước.", QT_BASE,
  ["trở lại quốc tịch", "xin lại quốc tịch việt nam"])

P(L("QUOCTICH", 3), "Thôi quốc tịch Việt Nam", "QUOCTICH", "partial_online", "TUPHAP",
  "Công dân Việt Nam cư trú trong nước xin thôi quốc tịch Việt Nam để nhập quốc tịch nước ngoài.",
  flow("TUPHAP", "Sở Tư pháp phối hợp Công an tỉnh xác minh nhân thân, báo cáo UBND tỉnh.",
       "UBND tỉnh đề xuất gửi Bộ Tư pháp; Bộ Tư pháp trình Chủ tịch nước quyết định.", pay=True),
  [O("Đơn xin thôi quốc tịch Việt Nam"), C("Bản sao Giấy khai sinh, hộ chiếu hoặc giấy tờ khác có giá trị thay thế"),
   O("Bản khai lý lịch"), O("Phiếu lý lịch tư pháp"),
   OC("Giấy tờ xác nhận về việc người đó đang làm thủ tục nhập quốc tịch nước ngoài")],
  [F("Lệ phí xin thôi quốc tịch Việt Nam", 2500000)],
  80, "Quyết định cho thôi quốc tịch Việt Nam của Chủ tịch nước.", QT_BASE,
  ["thôi quốc tịch", "bỏ quốc tịch việt nam"])

P(L("QUOCTICH", 4), "Xác nhận có quốc tịch Việt Nam ở trong nước", "QUOCTICH", "partial_online", "TUPHAP",
  "Người có giấy tờ chứng minh quốc tịch Việt Nam đề nghị Sở Tư pháp cấp Giấy xác nhận có quốc tịch Việt Nam.",
  flow("TUPHAP", "Sở Tư pháp kiểm tra giấy tờ, tra cứu và xác minh nếu cần.", "Giám đốc Sở Tư pháp ký Giấy xác nhận có quốc tịch Việt Nam.", pay=True),
  [O("Tờ khai đề nghị xác nhận có quốc tịch Việt Nam"), OC("Giấy tờ chứng minh quốc tịch Việt Nam của người yêu cầu"), ID_DOC],
  [F("Phí xác nhận có quốc tịch Việt Nam", 100000)],
  10, "Giấy xác nhận có quốc tịch Việt Nam.", QT_BASE, ["xác nhận quốc tịch", "giấy xác nhận có quốc tịch việt nam"])

P(L("QUOCTICH", 5), "Cấp Giấy xác nhận là người gốc Việt Nam ở trong nước", "QUOCTICH", "partial_online", "TUPHAP",
  "Người gốc Việt Nam không còn quốc tịch Việt Nam đề nghị cấp Giấy xác nhận là người gốc Việt Nam để hưởng quyền lợi theo quy định.",
  flow("TUPHAP", "Sở Tư pháp kiểm tra giấy tờ, xác minh nếu cần.", "Giám đốc Sở Tư pháp ký Giấy xác nhận là người gốc Việt Nam.", pay=True),
  [O("Tờ khai đề nghị xác nhận là người gốc Việt Nam"), OC("Giấy tờ chứng minh người đó hoặc cha, mẹ, ông, bà từng có quốc tịch Việt Nam"), ID_DOC],
  [F("Phí xác nhận là người gốc Việt Nam", 100000)],
  10, "Giấy xác nhận là người gốc Việt Nam.", QT_BASE, ["người gốc việt nam", "xác nhận gốc việt"])


# ================================================================ NUÔI CON NUÔI

NCN_BASE = ["Luật Nuôi con nuôi số 52/2010/QH12",
            "Nghị định số 19/2011/NĐ-CP quy định chi tiết thi hành một số điều của Luật Nuôi con nuôi (sửa đổi bởi Nghị định số 24/2019/NĐ-CP)",
            "Nghị định số 114/2016/NĐ-CP quy định lệ phí đăng ký nuôi con nuôi, lệ phí cấp giấy phép hoạt động của tổ chức con nuôi nước ngoài"]

P("2.001263", "Đăng ký việc nuôi con nuôi trong nước", "NUOICONNUOI", "partial_online", None,
  "Công dân Việt Nam thường trú trong nước đăng ký nhận con nuôi tại UBND cấp xã nơi thường trú của người được nhận làm con nuôi hoặc của người nhận con nuôi.",
  flow("xa", "UBND cấp xã lấy ý kiến của những người liên quan (cha mẹ đẻ, người giám hộ, trẻ từ đủ 09 tuổi), kiểm tra điều kiện nuôi con nuôi.",
       "Chủ tịch UBND cấp xã quyết định; tổ chức trao Giấy chứng nhận nuôi con nuôi cho các bên.",
       ret="Trao Giấy chứng nhận nuôi con nuôi tại trụ sở UBND cấp xã, có mặt cha mẹ nuôi, con nuôi và đại diện bên giao."),
  [O("Đơn xin nhận con nuôi", template="Đơn xin nhận con nuôi (ban hành kèm Thông tư của Bộ Tư pháp về nuôi con nuôi)"),
   C("Bản sao hộ chiếu, căn cước hoặc giấy tờ có giá trị thay thế của người nhận con nuôi"),
   O("Phiếu lý lịch tư pháp của người nhận con nuôi"), O("Văn bản xác nhận tình trạng hôn nhân của người nhận con nuôi"),
   O("Giấy khám sức khỏe của người nhận con nuôi"),
   O("Văn bản xác nhận hoàn cảnh gia đình, tình trạng chỗ ở, điều kiện kinh tế của người nhận con nuôi"),
   C("Giấy khai sinh, giấy khám sức khỏe và ảnh của người được giới thiệu làm con nuôi")],
  [F("Lệ phí đăng ký nuôi con nuôi trong nước", 400000)],
  30, "Giấy chứng nhận nuôi con nuôi; trích lục đăng ký nuôi con nuôi.",
  NCN_BASE, ["nhận con nuôi", "nuôi con nuôi", "đăng ký con nuôi"],
  conditions="Miễn lệ phí đối với cha dượng, mẹ kế nhận con riêng của vợ hoặc chồng; cô, cậu, dì, chú, bác ruột nhận cháu làm con nuôi; người nhận trẻ khuyết tật, nhiễm HIV/AIDS hoặc mắc bệnh hiểm nghèo làm con nuôi; người có công với cách mạng nhận con nuôi.")

P(L("NUOICONNUOI", 1), "Đăng ký lại việc nuôi con nuôi trong nước", "NUOICONNUOI", "partial_online", None,
  "Đăng ký lại việc nuôi con nuôi đã được đăng ký tại cơ quan có thẩm quyền của Việt Nam nhưng sổ đăng ký và giấy tờ nuôi con nuôi đều bị mất, hư hỏng.",
  flow("xa", "Công chức tư pháp - hộ tịch kiểm tra, xác minh hồ sơ.", "Chủ tịch UBND cấp xã ký Giấy chứng nhận nuôi con nuôi (đăng ký lại)."),
  [O("Tờ khai đăng ký lại việc nuôi con nuôi"), OC("Bản sao giấy tờ chứng minh việc nuôi con nuôi đã được đăng ký (nếu có)", required=False), ID_DOC],
  [], 5, "Giấy chứng nhận nuôi con nuôi (đăng ký lại).", NCN_BASE,
  ["đăng ký lại con nuôi", "mất giấy chứng nhận con nuôi"])

P(L("NUOICONNUOI", 2), "Giải quyết việc người nước ngoài thường trú ở nước ngoài nhận trẻ em Việt Nam làm con nuôi", "NUOICONNUOI", "partial_online", "TUPHAP",
  "Người nước ngoài thường trú ở nước ngoài nhận trẻ em Việt Nam làm con nuôi đích danh hoặc thông qua giới thiệu; Sở Tư pháp tiếp nhận, kiểm tra và trình UBND tỉnh quyết định.",
  flow("TUPHAP", "Sở Tư pháp kiểm tra hồ sơ, lấy ý kiến của những người liên quan, xác minh.",
       "Sở Tư pháp báo cáo UBND tỉnh quyết định cho người nước ngoài nhận trẻ em làm con nuôi; tổ chức giao nhận con nuôi."),
  [O("Hồ sơ của người nhận con nuôi do Cục Con nuôi (Bộ Tư pháp) chuyển đến"),
   O("Hồ sơ của trẻ em được giới thiệu làm con nuôi"),
   O("Văn bản đồng ý của cha mẹ đẻ hoặc người giám hộ của trẻ em")],
  [F("Lệ phí đăng ký nuôi con nuôi đối với người nước ngoài thường trú ở nước ngoài", 9000000)],
  60, "Quyết định cho người nước ngoài nhận trẻ em Việt Nam làm con nuôi; Giấy chứng nhận nuôi con nuôi.",
  NCN_BASE, ["con nuôi nước ngoài", "người nước ngoài nhận con nuôi"])

P(L("NUOICONNUOI", 3), "Giải quyết việc người nước ngoài cư trú ở Việt Nam nhận trẻ em Việt Nam làm con nuôi", "NUOICONNUOI", "partial_online", "TUPHAP",
  "Người nước ngoài thường trú tại Việt Nam nhận trẻ em Việt Nam làm con nuôi; Sở Tư pháp tiếp nhận, thẩm định và trình UBND tỉnh quyết định.",
  flow("TUPHAP", "Sở Tư pháp kiểm tra hồ sơ, lấy ý kiến những người liên quan.", "UBND tỉnh quyết định cho nhận con nuôi; Sở Tư pháp tổ chức giao nhận."),
  [O("Đơn xin nhận con nuôi"), C("Bản sao hộ chiếu hoặc giấy tờ có giá trị thay thế"), O("Phiếu lý lịch tư pháp"),
   O("Giấy khám sức khỏe"), O("Văn bản xác nhận tình trạng hôn nhân"), C("Giấy khai sinh của trẻ em được nhận làm con nuôi")],
  [F("Lệ phí đăng ký nuôi con nuôi đối với người nước ngoài thường trú ở Việt Nam", 4500000)],
  60, "Quyết định cho nhận con nuôi; Giấy chứng nhận nuôi con nuôi.", NCN_BASE,
  ["người nước ngoài ở việt nam nhận con nuôi"])


# ================================================================ CÔNG CHỨNG, TRỢ GIÚP PHÁP LÝ (Sở Tư pháp)

CC_BASE = ["Luật Công chứng số 46/2024/QH15", "Thông tư số 257/2016/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí công chứng; phí chứng thực; phí thẩm định tiêu chuẩn, điều kiện hành nghề công chứng; phí thẩm định điều kiện hoạt động Văn phòng công chứng"]

P(L("CONGCHUNG", 1), "Đăng ký hành nghề và cấp Thẻ công chứng viên", "CONGCHUNG", "partial_online", "TUPHAP",
  "Công chứng viên đã được bổ nhiệm đăng ký hành nghề tại tổ chức hành nghề công chứng ở địa phương và được Sở Tư pháp cấp Thẻ công chứng viên.",
  flow("TUPHAP", "Sở Tư pháp kiểm tra hồ sơ, xác định điều kiện hành nghề.", "Giám đốc Sở Tư pháp cấp Thẻ công chứng viên.", pay=True),
  [O("Đơn đề nghị đăng ký hành nghề và cấp Thẻ công chứng viên"), OC("Quyết định bổ nhiệm công chứng viên"),
   OC("Giấy tờ chứng minh là thành viên hoặc hợp đồng lao động với tổ chức hành nghề công chứng"), O("02 ảnh chân dung cỡ 2cm x 3cm")],
  [],
  10, "Thẻ công chứng viên.", CC_BASE, ["thẻ công chứng viên", "đăng ký hành nghề công chứng"])

P(L("CONGCHUNG", 2), "Thành lập Văn phòng công chứng", "CONGCHUNG", "partial_online", "TUPHAP",
  "Công chứng viên đề nghị thành lập Văn phòng công chứng; Sở Tư pháp thẩm định và trình UBND tỉnh quyết định cho phép thành lập.",
  flow("TUPHAP", "Sở Tư pháp thẩm định hồ sơ, đối chiếu với quy hoạch phát triển tổ chức hành nghề công chứng.",
       "Chủ tịch UBND tỉnh quyết định cho phép thành lập Văn phòng công chứng.", pay=True),
  [O("Đơn đề nghị thành lập Văn phòng công chứng"), O("Đề án thành lập Văn phòng công chứng"),
   OC("Quyết định bổ nhiệm công chứng viên của các công chứng viên thành lập")],
  [F("Phí thẩm định điều kiện hoạt động Văn phòng công chứng" + VERIFY, 1000000)],
  20, "Quyết định cho phép thành lập Văn phòng công chứng.", CC_BASE,
  ["thành lập văn phòng công chứng", "mở văn phòng công chứng"])

P(L("CONGCHUNG", 3), "Đăng ký hoạt động Văn phòng công chứng", "CONGCHUNG", "partial_online", "TUPHAP",
  "Văn phòng công chứng đã được cho phép thành lập đăng ký hoạt động tại Sở Tư pháp trong thời hạn quy định.",
  flow("TUPHAP", "Sở Tư pháp kiểm tra hồ sơ đăng ký hoạt động.", "Sở Tư pháp cấp Giấy đăng ký hoạt động Văn phòng công chứng."),
  [O("Đơn đăng ký hoạt động Văn phòng công chứng"), OC("Giấy tờ chứng minh về trụ sở của Văn phòng công chứng"),
   OC("Quyết định cho phép thành lập Văn phòng công chứng")],
  [], 10, "Giấy đăng ký hoạt động Văn phòng công chứng.", CC_BASE, ["đăng ký hoạt động văn phòng công chứng"])

P(L("CONGCHUNG", 4), "Thay đổi nội dung đăng ký hoạt động của Văn phòng công chứng", "CONGCHUNG", "partial_online", "TUPHAP",
  "Văn phòng công chứng đăng ký thay đổi tên gọi, địa chỉ trụ sở, Trưởng Văn phòng hoặc danh sách công chứng viên.",
  flow("TUPHAP", "Sở Tư pháp kiểm tra hồ sơ thay đổi.", "Sở Tư pháp cấp lại Giấy đăng ký hoạt động với nội dung thay đổi."),
  [O("Đơn đề nghị thay đổi nội dung đăng ký hoạt động"), OC("Giấy tờ chứng minh nội dung thay đổi")],
  [], 5, "Giấy đăng ký hoạt động Văn phòng công chứng (cấp lại).", CC_BASE,
  ["thay đổi văn phòng công chứng", "đổi trụ sở văn phòng công chứng"])

P(L("CONGCHUNG", 5), "Cấp lại Thẻ công chứng viên", "CONGCHUNG", "partial_online", "TUPHAP",
  "Công chứng viên đề nghị cấp lại Thẻ công chứng viên khi bị mất, hư hỏng hoặc thay đổi nơi hành nghề.",
  flow("TUPHAP", "Sở Tư pháp kiểm tra hồ sơ.", "Giám đốc Sở Tư pháp cấp lại Thẻ công chứng viên."),
  [O("Đơn đề nghị cấp lại Thẻ công chứng viên"), O("02 ảnh chân dung cỡ 2cm x 3cm"), O("Thẻ công chứng viên bị hư hỏng (nếu có)", required=False)],
  [], 5, "Thẻ công chứng viên (cấp lại).", CC_BASE, ["cấp lại thẻ công chứng viên", "mất thẻ công chứng viên"])

TGPL_BASE = ["Luật Trợ giúp pháp lý số 11/2017/QH14", "Nghị định số 144/2017/NĐ-CP quy định chi tiết một số điều của Luật Trợ giúp pháp lý"]

P(L("TGPL", 1), "Thực hiện trợ giúp pháp lý", "TGPL", "partial_online", "TUPHAP",
  "Người thuộc diện được trợ giúp pháp lý (người nghèo, người có công, trẻ em, người khuyết tật, người dân tộc thiểu số ở vùng khó khăn…) yêu cầu được tư vấn pháp luật, "
  "tham gia tố tụng hoặc đại diện ngoài tố tụng miễn phí.",
  flow("TUPHAP", "Trung tâm Trợ giúp pháp lý nhà nước thuộc Sở Tư pháp thụ lý yêu cầu, phân công người thực hiện trợ giúp pháp lý.",
       "Người thực hiện trợ giúp pháp lý tư vấn, tham gia tố tụng hoặc đại diện ngoài tố tụng theo vụ việc.",
       ret="Người được trợ giúp pháp lý nhận kết quả vụ việc trực tiếp từ người thực hiện trợ giúp pháp lý hoặc qua bưu chính."),
  [O("Đơn yêu cầu trợ giúp pháp lý", template="Đơn yêu cầu trợ giúp pháp lý (ban hành kèm Thông tư của Bộ Tư pháp hướng dẫn hoạt động nghiệp vụ trợ giúp pháp lý)"),
   OC("Giấy tờ chứng minh thuộc diện người được trợ giúp pháp lý"), OC("Giấy tờ, tài liệu liên quan đến vụ việc", required=False)],
  [], 0, "Văn bản tư vấn pháp luật hoặc kết quả tham gia tố tụng, đại diện ngoài tố tụng.",
  TGPL_BASE, ["trợ giúp pháp lý", "tư vấn pháp luật miễn phí", "luật sư miễn phí", "trợ giúp pháp lý cho người nghèo"],
  note="Thụ lý ngay khi nhận đủ hồ sơ; thời gian thực hiện theo tính chất từng vụ việc.")

P(L("TGPL", 2), "Thay đổi người thực hiện trợ giúp pháp lý", "TGPL", "partial_online", "TUPHAP",
  "Người được trợ giúp pháp lý đề nghị thay đổi người thực hiện trợ giúp pháp lý trong các trường hợp luật định.",
  flow("TUPHAP", "Trung tâm Trợ giúp pháp lý nhà nước xem xét, phân công người khác thực hiện trợ giúp pháp lý."),
  [O("Đơn đề nghị thay đổi người thực hiện trợ giúp pháp lý")],
  [], 3, "Văn bản thông báo thay đổi người thực hiện trợ giúp pháp lý.", TGPL_BASE, ["đổi người trợ giúp pháp lý"])

P(L("TGPL", 3), "Giải quyết khiếu nại về trợ giúp pháp lý", "TGPL", "information", "TUPHAP",
  "Người được trợ giúp pháp lý khiếu nại hành vi, quyết định của người thực hiện trợ giúp pháp lý hoặc của Trung tâm Trợ giúp pháp lý nhà nước.",
  flow("TUPHAP", "Người có thẩm quyền thụ lý, xác minh nội dung khiếu nại.", "Ban hành quyết định giải quyết khiếu nại.", online=False),
  [O("Đơn khiếu nại"), OC("Giấy tờ, tài liệu liên quan (nếu có)", required=False)],
  [], 10, "Quyết định giải quyết khiếu nại.", TGPL_BASE + ["Luật Khiếu nại số 02/2011/QH13"], ["khiếu nại trợ giúp pháp lý"])


# ================================================================ ĐẤT ĐAI

DD_BASE = ["Luật Đất đai số 31/2024/QH15",
           "Nghị định số 101/2024/NĐ-CP quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất và Hệ thống thông tin đất đai",
           "Nghị định số 151/2025/NĐ-CP quy định về phân định thẩm quyền của chính quyền địa phương 02 cấp, phân quyền, phân cấp trong lĩnh vực đất đai"]
GCN = "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất"
DD_FORM = "ban hành kèm Nghị định số 101/2024/NĐ-CP"
VPDK = "Văn phòng đăng ký đất đai (hoặc Chi nhánh) thuộc Sở Nông nghiệp và Môi trường"
DD_DOC_GCN = O("Bản gốc " + GCN + " hoặc các loại Giấy chứng nhận đã cấp qua các thời kỳ")
DD_FEE_NOTE = "Lệ phí cấp Giấy chứng nhận" + HDND

P(L("DATDAI", 1), "Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu đối với cá nhân, cộng đồng dân cư, hộ gia đình đang sử dụng đất",
  "DATDAI", "partial_online", None,
  "Người đang sử dụng đất chưa được cấp Giấy chứng nhận (sổ đỏ) đăng ký đất đai và đề nghị cấp Giấy chứng nhận lần đầu; từ ngày 01/7/2025 Chủ tịch UBND cấp xã cấp Giấy chứng nhận cho cá nhân, hộ gia đình.",
  flow("xa",
       "UBND cấp xã kiểm tra, xác nhận hiện trạng sử dụng đất, tình trạng tranh chấp, sự phù hợp quy hoạch; niêm yết công khai kết quả kiểm tra trong 15 ngày.",
       VPDK + " trích đo địa chính (nếu cần), kiểm tra hồ sơ, xác định nghĩa vụ tài chính và gửi thông tin cho cơ quan thuế.",
       "Người sử dụng đất nộp nghĩa vụ tài chính (nếu có); Chủ tịch UBND cấp xã ký " + GCN + ".", pay=True),
  [O("Đơn đăng ký đất đai, tài sản gắn liền với đất", template="Mẫu số 04/ĐK " + DD_FORM),
   OC("Một trong các giấy tờ về quyền sử dụng đất theo Điều 137 Luật Đất đai (nếu có)", required=False),
   OC("Giấy tờ về tài sản gắn liền với đất (trường hợp đề nghị chứng nhận quyền sở hữu tài sản)", required=False),
   OC("Chứng từ thực hiện nghĩa vụ tài chính; giấy tờ về miễn, giảm nghĩa vụ tài chính (nếu có)", required=False),
   O("Mảnh trích đo bản đồ địa chính thửa đất (nếu có)", required=False)],
  [F(DD_FEE_NOTE, 100000)],
  20, GCN + " (sổ đỏ).",
  DD_BASE, ["cấp sổ đỏ", "sổ đỏ lần đầu", "giấy chứng nhận quyền sử dụng đất", "làm sổ đỏ", "cấp giấy đất lần đầu", "sổ hồng"],
  note="Không quá 20 ngày làm việc (không kể thời gian niêm yết công khai, thời gian thực hiện nghĩa vụ tài chính); xã vùng sâu, vùng xa được tăng thêm 10 ngày.",
  popular=True)

P(L("DATDAI", 2), "Chuyển mục đích sử dụng đất phải được cơ quan nhà nước có thẩm quyền cho phép đối với cá nhân",
  "DATDAI", "partial_online", None,
  "Cá nhân, hộ gia đình đề nghị chuyển mục đích sử dụng đất (ví dụ từ đất nông nghiệp sang đất ở) phù hợp quy hoạch; từ ngày 01/7/2025 Chủ tịch UBND cấp xã quyết định.",
  flow("xa",
       "Cơ quan chuyên môn của UBND cấp xã thẩm tra hồ sơ, kiểm tra thực địa, đối chiếu kế hoạch sử dụng đất.",
       "Chủ tịch UBND cấp xã quyết định cho phép chuyển mục đích sử dụng đất; cơ quan thuế xác định tiền sử dụng đất phải nộp.",
       "Người sử dụng đất nộp tiền sử dụng đất; " + VPDK + " cập nhật biến động, chỉnh lý Giấy chứng nhận.", pay=True),
  [O("Đơn xin chuyển mục đích sử dụng đất", template="Mẫu đơn " + DD_FORM.replace("Nghị định số 101/2024/NĐ-CP", "Nghị định số 102/2024/NĐ-CP")),
   DD_DOC_GCN],
  [F(DD_FEE_NOTE, 100000)],
  20, "Quyết định cho phép chuyển mục đích sử dụng đất; Giấy chứng nhận được chỉnh lý hoặc cấp mới.",
  DD_BASE + ["Nghị định số 102/2024/NĐ-CP quy định chi tiết thi hành một số điều của Luật Đất đai"],
  ["chuyển mục đích sử dụng đất", "lên thổ cư", "chuyển đất nông nghiệp sang đất ở", "chuyển đổi đất"],
  note="Không quá 20 ngày (không kể thời gian thực hiện nghĩa vụ tài chính).", popular=False)

P(L("DATDAI", 3), "Hòa giải tranh chấp đất đai", "DATDAI", "information", None,
  "Các bên tranh chấp đất đai gửi đơn đến UBND cấp xã nơi có đất để hòa giải; đây là bước bắt buộc trước khi khởi kiện hoặc yêu cầu giải quyết tranh chấp.",
  ["Bước 1: Người có tranh chấp nộp đơn yêu cầu hòa giải tại Bộ phận Một cửa của UBND cấp xã nơi có đất tranh chấp.",
   "Bước 2: UBND cấp xã thẩm tra, xác minh nguyên nhân tranh chấp, thu thập giấy tờ liên quan.",
   "Bước 3: Thành lập Hội đồng hòa giải tranh chấp đất đai và tổ chức cuộc họp hòa giải có sự tham gia của các bên.",
   "Bước 4: Lập biên bản hòa giải thành hoặc không thành, gửi các bên và lưu hồ sơ."],
  [O("Đơn yêu cầu hòa giải tranh chấp đất đai"), OC("Giấy tờ, tài liệu liên quan đến thửa đất tranh chấp (nếu có)", required=False)],
  [], 30, "Biên bản hòa giải thành hoặc hòa giải không thành.",
  DD_BASE, ["hòa giải tranh chấp đất", "tranh chấp đất đai", "lấn chiếm đất", "tranh chấp ranh giới đất"],
  note="Không quá 30 ngày kể từ ngày nhận được đơn.", channels=["desk", "post"])

P(L("DATDAI", 4), "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do chuyển nhượng, tặng cho, thừa kế, góp vốn",
  "DATDAI", "partial_online", "NNMT",
  "Người nhận chuyển nhượng, nhận tặng cho, nhận thừa kế quyền sử dụng đất, nhà ở đăng ký biến động (sang tên sổ đỏ) tại Văn phòng đăng ký đất đai.",
  flow("NNMT",
       VPDK + " kiểm tra hồ sơ, gửi thông tin cho cơ quan thuế để xác định nghĩa vụ tài chính.",
       "Người sử dụng đất nộp thuế thu nhập cá nhân, lệ phí trước bạ (nếu có).",
       "Văn phòng đăng ký đất đai cập nhật, chỉnh lý hồ sơ địa chính và xác nhận biến động vào Giấy chứng nhận hoặc cấp Giấy chứng nhận mới.", pay=True),
  [O("Đơn đăng ký biến động đất đai, tài sản gắn liền với đất", template="Mẫu số 11/ĐK " + DD_FORM),
   O("Hợp đồng, văn bản chuyển nhượng, tặng cho, thừa kế, góp vốn đã được công chứng hoặc chứng thực"),
   DD_DOC_GCN, OC("Tờ khai thuế thu nhập cá nhân, tờ khai lệ phí trước bạ")],
  [F("Lệ phí đăng ký biến động" + HDND, 50000)],
  10, "Giấy chứng nhận đã xác nhận biến động hoặc Giấy chứng nhận mới.",
  DD_BASE + ["Luật Thuế thu nhập cá nhân số 04/2007/QH12 (sửa đổi, bổ sung)", "Nghị định số 10/2022/NĐ-CP quy định về lệ phí trước bạ"],
  ["sang tên sổ đỏ", "chuyển nhượng đất", "tặng cho đất", "thừa kế đất", "đăng ký biến động đất đai", "mua bán nhà đất"],
  note="Không quá 10 ngày làm việc (không kể thời gian thực hiện nghĩa vụ tài chính).", popular=True)

P(L("DATDAI", 5), "Tách thửa hoặc hợp thửa đất", "DATDAI", "partial_online", "NNMT",
  "Người sử dụng đất đề nghị tách một thửa đất thành nhiều thửa hoặc hợp nhiều thửa thành một thửa, đáp ứng diện tích tối thiểu do UBND tỉnh quy định.",
  flow("NNMT", VPDK + " đo đạc địa chính, kiểm tra điều kiện tách thửa, hợp thửa.",
       "Văn phòng đăng ký đất đai cấp Giấy chứng nhận cho các thửa đất mới.", pay=True),
  [O("Đơn đề nghị tách thửa đất, hợp thửa đất", template="Mẫu đơn " + DD_FORM), DD_DOC_GCN,
   O("Bản vẽ tách thửa đất, hợp thửa đất (nếu có)", required=False)],
  [F(DD_FEE_NOTE, 100000)],
  15, "Giấy chứng nhận cho thửa đất sau khi tách, hợp thửa.",
  DD_BASE, ["tách thửa", "hợp thửa", "chia đất", "tách sổ đỏ"],
  note="Không quá 15 ngày làm việc.")

P(L("DATDAI", 6), "Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", "DATDAI", "partial_online", "NNMT",
  "Người sử dụng đất đề nghị cấp đổi Giấy chứng nhận đã cấp do bị ố, nhòe, rách, hư hỏng, do đo đạc lại hoặc đổi sang mẫu Giấy chứng nhận mới.",
  flow("NNMT", VPDK + " kiểm tra hồ sơ, cập nhật cơ sở dữ liệu đất đai.", "Cấp Giấy chứng nhận mới và thu hồi Giấy chứng nhận cũ.", pay=True),
  [O("Đơn đăng ký biến động đất đai, tài sản gắn liền với đất", template="Mẫu số 11/ĐK " + DD_FORM), DD_DOC_GCN],
  [F("Lệ phí cấp đổi Giấy chứng nhận" + HDND, 50000)],
  7, "Giấy chứng nhận (cấp đổi).", DD_BASE, ["cấp đổi sổ đỏ", "đổi sổ đỏ mới", "sổ đỏ bị rách"],
  note="Không quá 07 ngày làm việc.")

P(L("DATDAI", 7), "Cấp lại Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do bị mất", "DATDAI", "partial_online", "NNMT",
  "Người sử dụng đất bị mất Giấy chứng nhận đề nghị cấp lại sau khi đã khai báo mất và niêm yết, đăng tin theo quy định.",
  flow("NNMT", "UBND cấp xã niêm yết thông báo mất Giấy chứng nhận trong 15 ngày.",
       VPDK + " kiểm tra hồ sơ, trình cấp lại Giấy chứng nhận; hủy Giấy chứng nhận đã mất.", pay=True),
  [O("Đơn đăng ký biến động đất đai, tài sản gắn liền với đất", template="Mẫu số 11/ĐK " + DD_FORM),
   O("Giấy xác nhận của UBND cấp xã về việc đã niêm yết thông báo mất Giấy chứng nhận hoặc giấy tờ chứng minh thiên tai, hỏa hoạn")],
  [F("Lệ phí cấp lại Giấy chứng nhận" + HDND, 50000)],
  10, "Giấy chứng nhận (cấp lại).", DD_BASE, ["mất sổ đỏ", "cấp lại sổ đỏ", "làm lại sổ đỏ bị mất"],
  note="Không quá 10 ngày làm việc (không kể thời gian niêm yết).")

P(L("DATDAI", 8), "Đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất", "DATDAI", "full_online", "NNMT",
  "Bên thế chấp hoặc bên nhận thế chấp (ngân hàng…) đăng ký biện pháp bảo đảm bằng quyền sử dụng đất, tài sản gắn liền với đất.",
  flow("NNMT", VPDK + " kiểm tra hồ sơ, ghi nội dung đăng ký thế chấp vào sổ địa chính và Giấy chứng nhận.", pay=True),
  [O("Phiếu yêu cầu đăng ký thế chấp", template="Mẫu số 01a ban hành kèm Nghị định số 99/2022/NĐ-CP"),
   O("Hợp đồng thế chấp hoặc hợp đồng thế chấp đã được công chứng, chứng thực theo quy định"), DD_DOC_GCN],
  [F("Lệ phí đăng ký biện pháp bảo đảm" + VERIFY, 80000)],
  0, "Giấy chứng nhận có ghi nội dung đăng ký thế chấp.",
  DD_BASE + ["Nghị định số 99/2022/NĐ-CP về đăng ký biện pháp bảo đảm"],
  ["thế chấp sổ đỏ", "đăng ký thế chấp", "vay ngân hàng thế chấp đất", "giao dịch bảo đảm"],
  note="Trong ngày nhận hồ sơ hợp lệ; nhận sau 15 giờ thì hoàn thành trong ngày làm việc tiếp theo; có thể kéo dài không quá 03 ngày làm việc.")

P(L("DATDAI", 9), "Xóa đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất", "DATDAI", "full_online", "NNMT",
  "Sau khi trả hết nợ, bên thế chấp hoặc bên nhận thế chấp đề nghị xóa đăng ký thế chấp trên Giấy chứng nhận.",
  flow("NNMT", VPDK + " ghi nội dung xóa đăng ký thế chấp vào sổ địa chính và Giấy chứng nhận."),
  [O("Phiếu yêu cầu xóa đăng ký biện pháp bảo đảm", template="Mẫu số 03a ban hành kèm Nghị định số 99/2022/NĐ-CP"),
   DD_DOC_GCN, O("Văn bản đồng ý xóa đăng ký của bên nhận bảo đảm (trường hợp bên thế chấp yêu cầu)", required=False)],
  [], 0, "Giấy chứng nhận đã xóa nội dung thế chấp.",
  DD_BASE + ["Nghị định số 99/2022/NĐ-CP về đăng ký biện pháp bảo đảm"],
  ["xóa thế chấp", "giải chấp sổ đỏ", "rút sổ đỏ ngân hàng"],
  note="Trong ngày nhận hồ sơ hợp lệ; nhận sau 15 giờ thì hoàn thành trong ngày làm việc tiếp theo.")

P(L("DATDAI", 10), "Đính chính Giấy chứng nhận đã cấp", "DATDAI", "partial_online", "NNMT",
  "Người sử dụng đất phát hiện sai sót thông tin trên Giấy chứng nhận (họ tên, số giấy tờ nhân thân, diện tích…) đề nghị đính chính.",
  flow("NNMT", VPDK + " kiểm tra, lập biên bản kết luận về nội dung và nguyên nhân sai sót.",
       "Đính chính vào Giấy chứng nhận hoặc cấp Giấy chứng nhận mới theo yêu cầu."),
  [O("Đơn đề nghị đính chính Giấy chứng nhận"), DD_DOC_GCN, OC("Giấy tờ chứng minh nội dung sai sót")],
  [], 10, "Giấy chứng nhận đã được đính chính.", DD_BASE, ["đính chính sổ đỏ", "sổ đỏ sai thông tin", "sửa sổ đỏ"])

P(L("DATDAI", 11), "Cung cấp thông tin, dữ liệu đất đai", "DATDAI", "full_online", "NNMT",
  "Tổ chức, cá nhân đề nghị cung cấp thông tin về thửa đất, quy hoạch sử dụng đất, giá đất… từ Hệ thống thông tin đất đai.",
  flow("NNMT", VPDK + " tra cứu cơ sở dữ liệu, chuẩn bị thông tin theo phiếu yêu cầu.", pay=True),
  [O("Phiếu yêu cầu cung cấp thông tin, dữ liệu đất đai")],
  [],
  3, "Văn bản cung cấp thông tin, dữ liệu đất đai (bản giấy hoặc điện tử).", DD_BASE,
  ["tra cứu thông tin đất", "kiểm tra quy hoạch", "thông tin thửa đất", "trích lục bản đồ địa chính"],
  note="Trong ngày làm việc nếu nhận trước 15 giờ; trường hợp phải tổng hợp thông tin thì không quá 03 ngày làm việc.",
  conditions="Phí khai thác, sử dụng thông tin, dữ liệu đất đai thu theo Nghị quyết của HĐND tỉnh, tính theo loại và khối lượng thông tin được cung cấp.")

P(L("DATDAI", 12), "Giao đất, cho thuê đất, cho phép chuyển mục đích sử dụng đất đối với tổ chức", "DATDAI", "partial_online", "NNMT",
  "Tổ chức kinh tế, tổ chức sự nghiệp đề nghị Nhà nước giao đất, cho thuê đất hoặc cho phép chuyển mục đích sử dụng đất để thực hiện dự án.",
  flow("NNMT", "Sở Nông nghiệp và Môi trường thẩm định hồ sơ, kiểm tra thực địa, trình UBND tỉnh.",
       "UBND tỉnh quyết định giao đất, cho thuê đất, cho phép chuyển mục đích sử dụng đất; tổ chức nộp tiền sử dụng đất, tiền thuê đất và nhận bàn giao đất.", pay=True),
  [O("Đơn xin giao đất, cho thuê đất, cho phép chuyển mục đích sử dụng đất"),
   OC("Văn bản chấp thuận chủ trương đầu tư hoặc Giấy chứng nhận đăng ký đầu tư (nếu có)"),
   O("Trích lục bản đồ địa chính hoặc trích đo địa chính thửa đất")],
  [], 20, "Quyết định giao đất, cho thuê đất, cho phép chuyển mục đích sử dụng đất; hợp đồng thuê đất; Giấy chứng nhận.",
  DD_BASE + ["Nghị định số 102/2024/NĐ-CP quy định chi tiết thi hành một số điều của Luật Đất đai"],
  ["thuê đất doanh nghiệp", "giao đất dự án", "chuyển mục đích đất tổ chức"],
  note="Không quá 20 ngày (không kể thời gian bồi thường, giải phóng mặt bằng và thực hiện nghĩa vụ tài chính).")


# ================================================================ XÂY DỰNG

XD_BASE = ["Luật Xây dựng số 50/2014/QH13 (sửa đổi, bổ sung bởi Luật số 62/2020/QH14)",
           "Nghị định số 175/2024/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Xây dựng về quản lý hoạt động xây dựng"]
XD_FORM = "theo mẫu ban hành kèm Nghị định số 175/2024/NĐ-CP"
GPXD_NHA_FEE = [F("Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ" + HDND, 75000)]
GPXD_CT_FEE = [F("Lệ phí cấp giấy phép xây dựng công trình" + HDND, 150000)]

P(L("XAYDUNG", 1), "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", "XAYDUNG", "full_online", None,
  "Hộ gia đình, cá nhân xin giấy phép trước khi xây dựng mới nhà ở riêng lẻ (trừ trường hợp được miễn giấy phép); từ ngày 01/7/2025 do UBND cấp xã cấp.",
  flow("xa", "Cơ quan chuyên môn của UBND cấp xã thẩm định hồ sơ, kiểm tra thực địa.",
       "Chủ tịch UBND cấp xã ký giấy phép xây dựng.", pay=True),
  [O("Đơn đề nghị cấp giấy phép xây dựng", template="Đơn đề nghị cấp giấy phép xây dựng (" + XD_FORM + ")"),
   OC("Giấy tờ hợp pháp về quyền sử dụng đất"),
   O("02 bộ bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng, đấu nối hạ tầng kỹ thuật)"),
   OC("Bản kê khai năng lực, kinh nghiệm của tổ chức, cá nhân thiết kế (nhà ở có tổng diện tích sàn từ 250 m² trở lên hoặc từ 3 tầng trở lên)", required=False)],
  GPXD_NHA_FEE, 15, "Giấy phép xây dựng kèm bản vẽ được đóng dấu.",
  XD_BASE + [TT85], ["giấy phép xây dựng", "xin phép xây nhà", "xây nhà ở", "giấy phép xây dựng nhà ở riêng lẻ", "cấp phép xây dựng"],
  note="15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.",
  conditions="Phù hợp quy hoạch xây dựng hoặc quy chế quản lý kiến trúc; đất ở có giấy tờ hợp pháp về quyền sử dụng đất.",
  popular=True)

P(L("XAYDUNG", 2), "Cấp giấy phép xây dựng sửa chữa, cải tạo đối với nhà ở riêng lẻ", "XAYDUNG", "full_online", None,
  "Hộ gia đình, cá nhân sửa chữa, cải tạo nhà ở riêng lẻ làm thay đổi kết cấu chịu lực, công năng hoặc kiến trúc mặt ngoài phải xin giấy phép.",
  flow("xa", "Cơ quan chuyên môn của UBND cấp xã thẩm định hồ sơ, kiểm tra hiện trạng.", "Chủ tịch UBND cấp xã ký giấy phép xây dựng.", pay=True),
  [O("Đơn đề nghị cấp giấy phép sửa chữa, cải tạo", template="Đơn đề nghị cấp giấy phép xây dựng (" + XD_FORM + ")"),
   OC("Giấy tờ hợp pháp về quyền sử dụng đất, quyền sở hữu nhà ở"),
   O("Bản vẽ, ảnh chụp hiện trạng của bộ phận công trình dự kiến sửa chữa, cải tạo"),
   O("02 bộ bản vẽ thiết kế sửa chữa, cải tạo")],
  GPXD_NHA_FEE, 15, "Giấy phép sửa chữa, cải tạo nhà ở riêng lẻ.",
  XD_BASE + [TT85], ["sửa nhà", "cải tạo nhà", "giấy phép sửa chữa nhà", "nâng tầng nhà"],
  note="15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("XAYDUNG", 3), "Điều chỉnh giấy phép xây dựng đối với nhà ở riêng lẻ", "XAYDUNG", "full_online", None,
  "Chủ nhà đề nghị điều chỉnh giấy phép xây dựng đã cấp khi thay đổi hình thức kiến trúc mặt ngoài, vị trí, diện tích, chiều cao, số tầng…",
  flow("xa", "Cơ quan chuyên môn của UBND cấp xã thẩm định nội dung điều chỉnh.", "Chủ tịch UBND cấp xã ký giấy phép xây dựng điều chỉnh.", pay=True),
  [O("Đơn đề nghị điều chỉnh giấy phép xây dựng", template="Đơn đề nghị điều chỉnh giấy phép xây dựng (" + XD_FORM + ")"),
   O("Bản chính giấy phép xây dựng đã được cấp"), O("02 bộ bản vẽ thiết kế điều chỉnh")],
  GPXD_NHA_FEE, 15, "Giấy phép xây dựng điều chỉnh.", XD_BASE + [TT85],
  ["điều chỉnh giấy phép xây dựng", "thay đổi thiết kế nhà đã cấp phép"])

P(L("XAYDUNG", 4), "Gia hạn giấy phép xây dựng đối với nhà ở riêng lẻ", "XAYDUNG", "full_online", None,
  "Trước thời điểm giấy phép xây dựng hết hiệu lực khởi công (12 tháng kể từ ngày cấp) mà chưa khởi công, chủ nhà đề nghị gia hạn; mỗi giấy phép được gia hạn tối đa 02 lần.",
  flow("xa", "Cơ quan chuyên môn của UBND cấp xã kiểm tra hồ sơ.", "Chủ tịch UBND cấp xã gia hạn giấy phép xây dựng.", pay=True),
  [O("Đơn đề nghị gia hạn giấy phép xây dựng", template="Đơn đề nghị gia hạn giấy phép xây dựng (" + XD_FORM + ")"),
   O("Bản chính giấy phép xây dựng đã được cấp")],
  [F("Lệ phí gia hạn giấy phép xây dựng" + HDND, 15000)],
  5, "Giấy phép xây dựng đã được gia hạn.", XD_BASE + [TT85], ["gia hạn giấy phép xây dựng", "giấy phép xây dựng hết hạn"],
  note="05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("XAYDUNG", 5), "Cấp lại giấy phép xây dựng đối với nhà ở riêng lẻ", "XAYDUNG", "full_online", None,
  "Chủ nhà đề nghị cấp lại giấy phép xây dựng bị rách, nát hoặc bị mất.",
  flow("xa", "Cơ quan chuyên môn của UBND cấp xã kiểm tra hồ sơ lưu.", "Chủ tịch UBND cấp xã cấp lại giấy phép xây dựng.", pay=True),
  [O("Đơn đề nghị cấp lại giấy phép xây dựng (nêu rõ lý do)", template="Đơn đề nghị cấp lại giấy phép xây dựng (" + XD_FORM + ")"),
   O("Bản chính giấy phép xây dựng bị rách, nát (trường hợp không bị mất)", required=False)],
  [F("Lệ phí cấp lại giấy phép xây dựng" + HDND, 15000)],
  5, "Giấy phép xây dựng (cấp lại).", XD_BASE + [TT85], ["cấp lại giấy phép xây dựng", "mất giấy phép xây dựng"],
  note="05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("XAYDUNG", 6), "Cấp giấy phép xây dựng mới đối với công trình cấp I, cấp II", "XAYDUNG", "full_online", "XAYDUNG",
  "Chủ đầu tư đề nghị Sở Xây dựng cấp giấy phép xây dựng cho công trình cấp I, cấp II không theo tuyến, theo tuyến, tôn giáo, tượng đài… trên địa bàn tỉnh.",
  flow("XAYDUNG", "Sở Xây dựng thẩm định hồ sơ, lấy ý kiến các cơ quan quản lý nhà nước liên quan (nếu cần), kiểm tra thực địa.",
       "Giám đốc Sở Xây dựng ký giấy phép xây dựng.", pay=True),
  [O("Đơn đề nghị cấp giấy phép xây dựng", template="Đơn đề nghị cấp giấy phép xây dựng (" + XD_FORM + ")"),
   OC("Giấy tờ hợp pháp về quyền sử dụng đất"),
   OC("Quyết định phê duyệt dự án; văn bản thông báo kết quả thẩm định của cơ quan chuyên môn về xây dựng"),
   O("02 bộ bản vẽ thiết kế xây dựng triển khai sau thiết kế cơ sở được phê duyệt"),
   OC("Văn bản kết quả thực hiện thủ tục về môi trường, phòng cháy chữa cháy theo quy định", required=False)],
  GPXD_CT_FEE, 20, "Giấy phép xây dựng kèm bản vẽ được đóng dấu.", XD_BASE + [TT85],
  ["giấy phép xây dựng công trình", "cấp phép xây dựng dự án", "giấy phép xây dựng cấp i cấp ii"],
  note="20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("XAYDUNG", 7), "Điều chỉnh, gia hạn, cấp lại giấy phép xây dựng đối với công trình cấp I, cấp II", "XAYDUNG", "full_online", "XAYDUNG",
  "Chủ đầu tư đề nghị điều chỉnh, gia hạn hoặc cấp lại giấy phép xây dựng công trình cấp I, cấp II do Sở Xây dựng đã cấp.",
  flow("XAYDUNG", "Sở Xây dựng thẩm định hồ sơ đề nghị.", "Giám đốc Sở Xây dựng ký giấy phép điều chỉnh, gia hạn hoặc cấp lại.", pay=True),
  [O("Đơn đề nghị điều chỉnh/gia hạn/cấp lại giấy phép xây dựng", template="Đơn đề nghị (" + XD_FORM + ")"),
   O("Bản chính giấy phép xây dựng đã được cấp"), O("Bản vẽ thiết kế điều chỉnh (trường hợp điều chỉnh)", required=False)],
  [F("Lệ phí gia hạn, cấp lại giấy phép xây dựng" + HDND, 15000)],
  20, "Giấy phép xây dựng điều chỉnh/gia hạn/cấp lại.", XD_BASE + [TT85],
  ["điều chỉnh giấy phép công trình", "gia hạn giấy phép công trình"],
  note="Điều chỉnh: 20 ngày; gia hạn, cấp lại: 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("XAYDUNG", 8), "Thẩm định Báo cáo nghiên cứu khả thi đầu tư xây dựng tại cơ quan chuyên môn về xây dựng", "XAYDUNG", "full_online", "XAYDUNG",
  "Chủ đầu tư trình Sở Xây dựng thẩm định Báo cáo nghiên cứu khả thi đối với dự án thuộc thẩm quyền thẩm định của cơ quan chuyên môn về xây dựng cấp tỉnh.",
  flow("XAYDUNG", "Sở Xây dựng tổ chức thẩm định, lấy ý kiến cơ quan, tổ chức liên quan.", "Sở Xây dựng ban hành văn bản thông báo kết quả thẩm định.", pay=True),
  [O("Tờ trình thẩm định Báo cáo nghiên cứu khả thi", template="Tờ trình thẩm định (" + XD_FORM + ")"),
   O("Hồ sơ Báo cáo nghiên cứu khả thi đầu tư xây dựng (thuyết minh, thiết kế cơ sở)"),
   OC("Văn bản pháp lý liên quan (chủ trương đầu tư, quy hoạch, kết quả thủ tục môi trường…)")],
  [],
  35, "Văn bản thông báo kết quả thẩm định Báo cáo nghiên cứu khả thi.", XD_BASE,
  ["thẩm định dự án xây dựng", "báo cáo nghiên cứu khả thi", "thẩm định thiết kế cơ sở"],
  note="Dự án nhóm A: 35 ngày; nhóm B: 25 ngày; nhóm C: 20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.",
  conditions="Phí thẩm định dự án đầu tư xây dựng tính theo tỷ lệ phần trăm tổng mức đầu tư theo quy định của Bộ Tài chính; số tiền cụ thể được thông báo khi tiếp nhận hồ sơ.")

P(L("XAYDUNG", 9), "Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III", "XAYDUNG", "full_online", "XAYDUNG",
  "Cá nhân đề nghị cấp chứng chỉ hành nghề khảo sát, thiết kế, giám sát, định giá xây dựng, quản lý dự án hạng II, hạng III.",
  flow("XAYDUNG", "Sở Xây dựng kiểm tra hồ sơ, tổ chức sát hạch (nếu thuộc trường hợp phải sát hạch).",
       "Giám đốc Sở Xây dựng cấp chứng chỉ hành nghề và đăng tải thông tin trên trang thông tin điện tử.", pay=True),
  [O("Đơn đề nghị cấp chứng chỉ hành nghề", template="Đơn đề nghị cấp chứng chỉ hành nghề hoạt động xây dựng (" + XD_FORM + ")"),
   OC("Văn bằng do cơ sở đào tạo hợp pháp cấp"), O("Bản khai kinh nghiệm thực hiện công việc"), O("01 ảnh màu cỡ 4x6 cm")],
  [F("Lệ phí cấp chứng chỉ hành nghề hoạt động xây dựng" + VERIFY, 150000)],
  20, "Chứng chỉ hành nghề hoạt động xây dựng.", XD_BASE,
  ["chứng chỉ hành nghề xây dựng", "chứng chỉ giám sát", "chứng chỉ thiết kế", "chứng chỉ hạng iii"])

P(L("XAYDUNG", 10), "Cấp chứng chỉ năng lực hoạt động xây dựng hạng II, hạng III", "XAYDUNG", "full_online", "XAYDUNG",
  "Tổ chức đề nghị cấp chứng chỉ năng lực khảo sát, lập quy hoạch, thiết kế, thi công, giám sát, quản lý dự án hạng II, hạng III.",
  flow("XAYDUNG", "Sở Xây dựng đánh giá năng lực theo hồ sơ.", "Giám đốc Sở Xây dựng cấp chứng chỉ năng lực.", pay=True),
  [O("Đơn đề nghị cấp chứng chỉ năng lực hoạt động xây dựng", template="Đơn đề nghị cấp chứng chỉ năng lực (" + XD_FORM + ")"),
   O("Bản kê khai năng lực, kinh nghiệm của tổ chức"), OC("Chứng chỉ hành nghề của các chức danh chủ chốt")],
  [F("Phí thẩm định cấp chứng chỉ năng lực hoạt động xây dựng" + VERIFY, 1000000)],
  20, "Chứng chỉ năng lực hoạt động xây dựng.", XD_BASE,
  ["chứng chỉ năng lực xây dựng", "năng lực nhà thầu"])


# ================================================================ ĐƯỜNG BỘ

GPLX_BASE = ["Luật Trật tự, an toàn giao thông đường bộ số 36/2024/QH15",
             "Thông tư số 12/2025/TT-BCA quy định về sát hạch, cấp giấy phép lái xe; cấp, sử dụng giấy phép lái xe quốc tế",
             "Thông tư số 37/2023/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí sát hạch lái xe; lệ phí cấp bằng, chứng chỉ được hoạt động trên các loại phương tiện và lệ phí đăng ký, cấp biển phương tiện giao thông"]
GPLX_FEE = [F("Lệ phí cấp giấy phép lái xe", 135000)]

P("3.000347", "Đổi giấy phép lái xe", "DUONGBO", "full_online", "CONGAN",
  "Người có giấy phép lái xe hết hạn, hư hỏng, có sai lệch thông tin, hoặc giấy phép lái xe do ngành Giao thông vận tải cấp trước đây, đề nghị đổi giấy phép lái xe tại Công an tỉnh "
  "hoặc trực tuyến qua VNeID, Cổng Dịch vụ công.",
  flow("CONGAN", "Phòng Cảnh sát giao thông Công an tỉnh kiểm tra, xác thực thông tin giấy phép lái xe và giấy khám sức khỏe điện tử.",
       "Cấp giấy phép lái xe mới (vật liệu PET) và trả qua bưu chính hoặc tại nơi tiếp nhận.", pay=True),
  [O("Đơn đề nghị đổi giấy phép lái xe", template="Đơn đề nghị đổi, cấp lại giấy phép lái xe (ban hành kèm Thông tư số 12/2025/TT-BCA)"),
   O("Giấy khám sức khỏe của người lái xe do cơ sở y tế có thẩm quyền cấp (trừ trường hợp đã có dữ liệu điện tử được chia sẻ)"),
   OC("Giấy phép lái xe đang sử dụng"), ID_DOC],
  GPLX_FEE, 5, "Giấy phép lái xe mới.",
  GPLX_BASE, ["đổi bằng lái xe", "đổi giấy phép lái xe", "bằng lái hết hạn", "gplx", "đổi bằng lái xe online"],
  note="05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.", popular=True)

P(L("DUONGBO", 1), "Cấp lại giấy phép lái xe", "DUONGBO", "full_online", "CONGAN",
  "Người bị mất giấy phép lái xe còn thời hạn sử dụng hoặc quá thời hạn sử dụng dưới 03 tháng, được cấp lại giấy phép lái xe khi không phát hiện đang bị cơ quan chức năng thu giữ, xử lý.",
  flow("CONGAN", "Phòng Cảnh sát giao thông Công an tỉnh tra cứu dữ liệu giấy phép lái xe, xác minh.", "Cấp lại giấy phép lái xe.", pay=True),
  [O("Đơn đề nghị cấp lại giấy phép lái xe", template="Đơn đề nghị đổi, cấp lại giấy phép lái xe (ban hành kèm Thông tư số 12/2025/TT-BCA)"),
   O("Giấy khám sức khỏe của người lái xe (trừ trường hợp đã có dữ liệu điện tử)"), ID_DOC],
  GPLX_FEE, 5, "Giấy phép lái xe (cấp lại).", GPLX_BASE,
  ["mất bằng lái", "cấp lại bằng lái xe", "làm lại giấy phép lái xe"],
  note="05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ (không kể thời gian xác minh nếu có).")

P(L("DUONGBO", 2), "Cấp giấy phép lái xe quốc tế", "DUONGBO", "full_online", "CONGAN",
  "Người có giấy phép lái xe Việt Nam bằng vật liệu PET còn hạn đề nghị cấp giấy phép lái xe quốc tế (IDP) theo Công ước Viên 1968 để lái xe ở nước ngoài.",
  flow("CONGAN", "Phòng Cảnh sát giao thông Công an tỉnh kiểm tra thông tin giấy phép lái xe trong nước.", "Cấp giấy phép lái xe quốc tế.", pay=True),
  [O("Tờ khai đề nghị cấp giấy phép lái xe quốc tế", template="Tờ khai đề nghị cấp giấy phép lái xe quốc tế (ban hành kèm Thông tư số 12/2025/TT-BCA)"),
   O("01 ảnh màu cỡ 4x6 cm"), OC("Giấy phép lái xe trong nước"), ID_DOC],
  GPLX_FEE, 5, "Giấy phép lái xe quốc tế (thời hạn không quá 03 năm và không vượt quá thời hạn của giấy phép lái xe trong nước).",
  GPLX_BASE, ["bằng lái quốc tế", "idp", "giấy phép lái xe quốc tế", "lái xe ở nước ngoài"],
  note="05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("DUONGBO", 3), "Cấp giấy phép lái xe sau khi sát hạch đạt yêu cầu", "DUONGBO", "partial_online", "CONGAN",
  "Người đã hoàn thành khóa đào tạo lái xe và đạt kết quả kỳ sát hạch do Công an tỉnh tổ chức được cấp giấy phép lái xe.",
  ["Bước 1: Cơ sở đào tạo lái xe lập danh sách, đề nghị Công an tỉnh tổ chức sát hạch cho học viên đã hoàn thành khóa đào tạo.",
   "Bước 2: Phòng Cảnh sát giao thông Công an tỉnh tổ chức sát hạch lý thuyết, mô phỏng, sa hình và đường trường.",
   "Bước 3: Người đạt kết quả sát hạch nộp lệ phí cấp giấy phép lái xe.",
   "Bước 4: Cấp giấy phép lái xe và trả tại nơi sát hạch, qua bưu chính hoặc thông báo trên VNeID."],
  [O("Đơn đề nghị học, sát hạch để cấp giấy phép lái xe", template="Đơn đề nghị học, sát hạch để cấp giấy phép lái xe (ban hành kèm Thông tư số 12/2025/TT-BCA)"),
   O("Giấy khám sức khỏe của người lái xe"), ID_DOC],
  GPLX_FEE,
  10, "Giấy phép lái xe.", GPLX_BASE, ["thi bằng lái xe", "sát hạch lái xe", "học lái xe", "cấp bằng lái mới"],
  note="Chậm nhất 10 ngày làm việc kể từ ngày kết thúc kỳ sát hạch.",
  conditions="Phí sát hạch lái xe thu theo từng nội dung sát hạch và hạng giấy phép lái xe theo Thông tư số 37/2023/TT-BTC.")

P(L("DUONGBO", 4), "Đăng ký xe lần đầu (xe mô tô, xe gắn máy)", "DUONGBO", "full_online", None,
  "Chủ xe mô tô, xe gắn máy có nơi thường trú tại địa bàn đăng ký xe, cấp biển số xe lần đầu tại Công an cấp xã được giao đăng ký xe hoặc trực tuyến.",
  ["Bước 1: Chủ xe kê khai Giấy khai đăng ký xe trên Cổng Dịch vụ công hoặc VNeID, nhận mã hồ sơ đăng ký xe trực tuyến.",
   "Bước 2: Chủ xe đưa xe đến Công an cấp xã để kiểm tra thực tế xe, cà số khung, số máy (trường hợp chưa thực hiện kiểm tra trực tuyến).",
   "Bước 3: Công an cấp xã kiểm tra hồ sơ, cấp biển số xe; chủ xe nộp lệ phí đăng ký, cấp biển số.",
   "Bước 4: Chủ xe nhận chứng nhận đăng ký xe tại Công an cấp xã hoặc qua bưu chính."],
  [O("Giấy khai đăng ký xe", template="Giấy khai đăng ký xe (ban hành kèm Thông tư số 79/2024/TT-BCA)"),
   O("Chứng từ nguồn gốc xe (dữ liệu điện tử phiếu kiểm tra chất lượng xuất xưởng hoặc tờ khai hải quan)"),
   O("Chứng từ chuyển quyền sở hữu xe (hóa đơn bán hàng)"), O("Chứng từ lệ phí trước bạ (dữ liệu điện tử)"), ID_DOC],
  [F("Lệ phí đăng ký, cấp biển số xe mô tô (khu vực III)" + VERIFY, 150000)],
  2, "Chứng nhận đăng ký xe và biển số xe.",
  ["Luật Trật tự, an toàn giao thông đường bộ số 36/2024/QH15", "Thông tư số 79/2024/TT-BCA quy định về cấp, thu hồi chứng nhận đăng ký, biển số xe cơ giới, xe máy chuyên dùng",
   "Thông tư số 60/2023/TT-BTC quy định mức thu, chế độ thu, nộp, miễn lệ phí đăng ký, cấp biển phương tiện giao thông cơ giới đường bộ"],
  ["đăng ký xe máy", "biển số xe", "cà vẹt xe", "đăng ký xe mới mua", "bấm biển số"],
  note="Cấp biển số ngay khi tiếp nhận hồ sơ hợp lệ; chứng nhận đăng ký xe không quá 02 ngày làm việc.",
  channels=["online", "desk"])

P(L("DUONGBO", 5), "Cấp Giấy phép kinh doanh vận tải bằng xe ô tô", "DUONGBO", "full_online", "XAYDUNG",
  "Doanh nghiệp, hợp tác xã, hộ kinh doanh đề nghị Sở Xây dựng cấp Giấy phép kinh doanh vận tải bằng xe ô tô (hành khách, hàng hóa, taxi, hợp đồng…).",
  flow("XAYDUNG", "Sở Xây dựng thẩm định điều kiện kinh doanh vận tải.", "Giám đốc Sở Xây dựng cấp Giấy phép kinh doanh vận tải.", pay=True),
  [O("Giấy đề nghị cấp Giấy phép kinh doanh vận tải bằng xe ô tô", template="Giấy đề nghị (ban hành kèm Nghị định số 158/2024/NĐ-CP)"),
   OC("Văn bằng, chứng chỉ của người trực tiếp điều hành hoạt động vận tải"),
   O("Phương án kinh doanh vận tải bằng xe ô tô", required=False)],
  [F("Lệ phí cấp Giấy phép kinh doanh vận tải bằng xe ô tô" + VERIFY, 200000)],
  5, "Giấy phép kinh doanh vận tải bằng xe ô tô.",
  ["Luật Đường bộ số 35/2024/QH15", "Nghị định số 158/2024/NĐ-CP quy định về hoạt động vận tải đường bộ"],
  ["giấy phép kinh doanh vận tải", "kinh doanh taxi", "xe khách", "vận tải hàng hóa ô tô"],
  note="05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("DUONGBO", 6), "Cấp phù hiệu xe ô tô kinh doanh vận tải", "DUONGBO", "full_online", "XAYDUNG",
  "Đơn vị kinh doanh vận tải đã có Giấy phép kinh doanh vận tải đề nghị cấp phù hiệu cho từng xe ô tô hoạt động kinh doanh vận tải.",
  flow("XAYDUNG", "Sở Xây dựng kiểm tra dữ liệu xe, thiết bị giám sát hành trình.", "Cấp phù hiệu (bản điện tử hoặc bản giấy) cho xe ô tô."),
  [O("Giấy đề nghị cấp phù hiệu", template="Giấy đề nghị cấp phù hiệu (ban hành kèm Nghị định số 158/2024/NĐ-CP)"),
   OC("Giấy đăng ký xe hoặc hợp đồng thuê phương tiện (nếu xe không thuộc sở hữu của đơn vị)", required=False)],
  [], 2, "Phù hiệu xe ô tô kinh doanh vận tải.",
  ["Luật Đường bộ số 35/2024/QH15", "Nghị định số 158/2024/NĐ-CP quy định về hoạt động vận tải đường bộ"],
  ["phù hiệu xe", "phù hiệu xe tải", "phù hiệu xe hợp đồng"],
  note="02 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("DUONGBO", 7), "Cấp giấy phép lưu hành xe quá tải trọng, xe quá khổ giới hạn, xe bánh xích trên đường bộ", "DUONGBO", "full_online", "XAYDUNG",
  "Chủ phương tiện hoặc người thuê vận tải đề nghị cấp giấy phép lưu hành xe quá tải trọng, quá khổ giới hạn, xe bánh xích trên đường bộ do địa phương quản lý.",
  flow("XAYDUNG", "Sở Xây dựng kiểm tra tuyến đường, khả năng chịu tải của công trình đường bộ; khảo sát nếu cần.", "Cấp giấy phép lưu hành."),
  [O("Đơn đề nghị cấp giấy phép lưu hành xe"), OC("Giấy đăng ký xe hoặc giấy đăng ký tạm thời"),
   OC("Phương án vận chuyển (trường hợp phải khảo sát, gia cường đường bộ)", required=False)],
  [], 3, "Giấy phép lưu hành xe quá tải trọng, quá khổ giới hạn.",
  ["Luật Đường bộ số 35/2024/QH15", "Thông tư của Bộ Giao thông vận tải (nay là Bộ Xây dựng) quy định về tải trọng, khổ giới hạn của đường bộ; lưu hành xe quá khổ giới hạn, xe quá tải trọng"],
  ["xe quá tải", "xe quá khổ", "giấy phép lưu hành xe", "chở hàng siêu trường siêu trọng"],
  note="02 ngày làm việc; trường hợp phải khảo sát đường bộ không quá 03 ngày làm việc.")


# ================================================================ GIÁO DỤC VÀ ĐÀO TẠO

GD_BASE = ["Luật Giáo dục số 43/2019/QH14"]
MN_BASE = GD_BASE + ["Nghị định số 125/2024/NĐ-CP quy định về điều kiện đầu tư và hoạt động trong lĩnh vực giáo dục"]

P(L("GIAODUC", 1), "Cho phép thành lập nhóm trẻ, lớp mẫu giáo độc lập", "GIAODUC", "partial_online", None,
  "Tổ chức, cá nhân đề nghị thành lập nhóm trẻ, lớp mẫu giáo độc lập dân lập hoặc tư thục trên địa bàn xã, phường.",
  flow("xa", "Cơ quan chuyên môn về giáo dục của UBND cấp xã thẩm định hồ sơ, kiểm tra thực tế cơ sở vật chất.",
       "Chủ tịch UBND cấp xã quyết định cho phép thành lập."),
  [O("Tờ trình đề nghị cho phép thành lập nhóm trẻ, lớp mẫu giáo độc lập"),
   O("Đề án thành lập (mục tiêu, đối tượng, cơ sở vật chất, đội ngũ, dự kiến quy mô)"),
   OC("Văn bằng, chứng chỉ của người dự kiến phụ trách và giáo viên"),
   OC("Giấy tờ chứng minh quyền sử dụng hợp pháp địa điểm")],
  [], 20, "Quyết định cho phép thành lập nhóm trẻ, lớp mẫu giáo độc lập.",
  MN_BASE, ["mở nhóm trẻ", "lớp mẫu giáo độc lập", "mở lớp mầm non tư thục", "nhóm trẻ gia đình"])

P(L("GIAODUC", 2), "Cho phép nhóm trẻ, lớp mẫu giáo độc lập hoạt động giáo dục", "GIAODUC", "partial_online", None,
  "Nhóm trẻ, lớp mẫu giáo độc lập đã được thành lập đề nghị được phép hoạt động giáo dục khi đủ điều kiện về cơ sở vật chất, đội ngũ.",
  flow("xa", "Cơ quan chuyên môn về giáo dục của UBND cấp xã kiểm tra thực tế điều kiện hoạt động.",
       "Chủ tịch UBND cấp xã quyết định cho phép hoạt động giáo dục."),
  [O("Tờ trình đề nghị cho phép hoạt động giáo dục"), OC("Quyết định thành lập nhóm trẻ, lớp mẫu giáo độc lập"),
   O("Danh sách đội ngũ giáo viên, nhân viên kèm văn bằng"), O("Quy chế tổ chức và hoạt động")],
  [], 20, "Quyết định cho phép hoạt động giáo dục.", MN_BASE,
  ["cho phép hoạt động nhóm trẻ", "giấy phép hoạt động lớp mẫu giáo"])

P(L("GIAODUC", 3), "Sáp nhập, chia, tách, giải thể nhóm trẻ, lớp mẫu giáo độc lập", "GIAODUC", "partial_online", None,
  "Tổ chức, cá nhân đề nghị sáp nhập, chia, tách hoặc giải thể nhóm trẻ, lớp mẫu giáo độc lập.",
  flow("xa", "Cơ quan chuyên môn về giáo dục của UBND cấp xã thẩm định phương án bảo đảm quyền lợi của trẻ em, giáo viên.",
       "Chủ tịch UBND cấp xã quyết định sáp nhập, chia, tách hoặc giải thể."),
  [O("Tờ trình đề nghị sáp nhập, chia, tách, giải thể"), O("Phương án bảo đảm quyền lợi hợp pháp của trẻ em, giáo viên, nhân viên")],
  [], 20, "Quyết định sáp nhập, chia, tách hoặc giải thể nhóm trẻ, lớp mẫu giáo độc lập.", MN_BASE,
  ["giải thể nhóm trẻ", "đóng lớp mẫu giáo"])

P(L("GIAODUC", 4), "Tuyển sinh trung học cơ sở", "GIAODUC", "full_online", None,
  "Cha mẹ học sinh đăng ký cho con vào lớp 6 trung học cơ sở theo kế hoạch tuyển sinh hằng năm của địa phương; có thể đăng ký trực tuyến.",
  ["Bước 1: Cha mẹ học sinh đăng ký tuyển sinh trực tuyến trên hệ thống tuyển sinh của tỉnh hoặc nộp hồ sơ tại trường trung học cơ sở theo kế hoạch tuyển sinh.",
   "Bước 2: Nhà trường kiểm tra hồ sơ, xét tuyển theo kế hoạch được UBND cấp xã phê duyệt.",
   "Bước 3: Công bố danh sách học sinh trúng tuyển; cha mẹ học sinh xác nhận nhập học."],
  [O("Đơn đăng ký tuyển sinh (theo mẫu của nhà trường hoặc biểu mẫu điện tử)"),
   OC("Học bạ cấp tiểu học hoặc giấy tờ xác nhận hoàn thành chương trình tiểu học"),
   OC("Giấy khai sinh (trường hợp chưa có dữ liệu trong Cơ sở dữ liệu quốc gia về dân cư)", required=False)],
  [], 0, "Danh sách học sinh trúng tuyển vào lớp 6.",
  GD_BASE + ["Thông tư số 30/2024/TT-BGDĐT ban hành Quy chế tuyển sinh trung học cơ sở và tuyển sinh trung học phổ thông"],
  ["tuyển sinh lớp 6", "đăng ký học lớp 6", "vào lớp 6", "tuyển sinh thcs"],
  note="Theo kế hoạch tuyển sinh hằng năm được cấp có thẩm quyền phê duyệt.", channels=["online", "desk"])

P(L("GIAODUC", 5), "Tuyển sinh trung học phổ thông", "GIAODUC", "full_online", "GDDT",
  "Học sinh đã tốt nghiệp trung học cơ sở đăng ký dự tuyển vào lớp 10 trung học phổ thông theo phương thức thi tuyển hoặc xét tuyển của tỉnh.",
  ["Bước 1: Học sinh đăng ký dự tuyển trực tuyến hoặc qua trường trung học cơ sở theo kế hoạch của Sở Giáo dục và Đào tạo.",
   "Bước 2: Sở Giáo dục và Đào tạo tổ chức thi tuyển hoặc xét tuyển.",
   "Bước 3: Công bố điểm thi, điểm chuẩn và danh sách trúng tuyển; học sinh xác nhận nhập học."],
  [O("Phiếu đăng ký dự tuyển"), OC("Học bạ trung học cơ sở"), OC("Bằng tốt nghiệp trung học cơ sở hoặc giấy chứng nhận tốt nghiệp tạm thời"),
   OC("Giấy tờ chứng nhận chế độ ưu tiên, khuyến khích (nếu có)", required=False)],
  [], 0, "Danh sách học sinh trúng tuyển vào lớp 10.",
  GD_BASE + ["Thông tư số 30/2024/TT-BGDĐT ban hành Quy chế tuyển sinh trung học cơ sở và tuyển sinh trung học phổ thông"],
  ["thi vào lớp 10", "tuyển sinh lớp 10", "đăng ký thi lớp 10", "tuyển sinh thpt"],
  note="Theo kế hoạch tuyển sinh hằng năm của Sở Giáo dục và Đào tạo.", channels=["online", "desk"])

P(L("GIAODUC", 6), "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", "GIAODUC", "full_online", "GDDT",
  "Người được cấp văn bằng (bằng tốt nghiệp trung học phổ thông…) đề nghị cấp bản sao từ sổ gốc khi bản chính bị mất hoặc cần thêm bản sao có giá trị pháp lý.",
  flow("GDDT", "Sở Giáo dục và Đào tạo tra cứu sổ gốc cấp văn bằng, chứng chỉ.", "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc.", pay=True),
  [O("Đơn đề nghị cấp bản sao văn bằng, chứng chỉ từ sổ gốc"), ID_DOC, AUTH_DOC],
  [F("Phí cấp bản sao văn bằng, chứng chỉ từ sổ gốc" + VERIFY, 3000, per="copy")],
  0, "Bản sao văn bằng, chứng chỉ từ sổ gốc.",
  GD_BASE + ["Thông tư số 21/2019/TT-BGDĐT ban hành Quy chế quản lý bằng tốt nghiệp trung học cơ sở, bằng tốt nghiệp trung học phổ thông, văn bằng giáo dục đại học và chứng chỉ của hệ thống giáo dục quốc dân", ND23],
  ["mất bằng tốt nghiệp", "bản sao bằng tốt nghiệp", "sao bằng cấp 3", "cấp lại bằng tốt nghiệp"],
  note="Ngay trong ngày tiếp nhận yêu cầu; trường hợp cần xác minh không quá 03 ngày làm việc.")

P(L("GIAODUC", 7), "Chỉnh sửa nội dung văn bằng, chứng chỉ", "GIAODUC", "partial_online", "GDDT",
  "Người được cấp văn bằng đề nghị chỉnh sửa nội dung ghi trên văn bằng, chứng chỉ do thay đổi hoặc cải chính hộ tịch, xác định lại dân tộc, giới tính.",
  flow("GDDT", "Sở Giáo dục và Đào tạo kiểm tra căn cứ chỉnh sửa.", "Giám đốc Sở Giáo dục và Đào tạo quyết định chỉnh sửa văn bằng."),
  [O("Đơn đề nghị chỉnh sửa nội dung văn bằng, chứng chỉ"), O("Văn bằng, chứng chỉ đề nghị chỉnh sửa"),
   OC("Trích lục hoặc quyết định thay đổi, cải chính hộ tịch, xác định lại dân tộc, giới tính"),
   OC("Giấy khai sinh")],
  [], 5, "Quyết định chỉnh sửa văn bằng, chứng chỉ và văn bằng đã được chỉnh sửa.",
  GD_BASE + ["Thông tư số 21/2019/TT-BGDĐT ban hành Quy chế quản lý văn bằng, chứng chỉ"],
  ["sửa bằng tốt nghiệp", "sai tên trên bằng", "chỉnh sửa văn bằng"])

P(L("GIAODUC", 8), "Công nhận văn bằng tốt nghiệp trung học cơ sở, trung học phổ thông do cơ sở giáo dục nước ngoài cấp", "GIAODUC", "full_online", "GDDT",
  "Người học có bằng tốt nghiệp trung học do cơ sở giáo dục nước ngoài cấp đề nghị công nhận để tiếp tục học tập, làm việc tại Việt Nam.",
  flow("GDDT", "Sở Giáo dục và Đào tạo xác minh thông tin văn bằng với cơ sở giáo dục nước ngoài (nếu cần).",
       "Giám đốc Sở Giáo dục và Đào tạo cấp giấy công nhận văn bằng."),
  [O("Đơn đề nghị công nhận văn bằng"), C("Bản sao văn bằng đề nghị công nhận kèm bản dịch tiếng Việt"),
   C("Bản sao kết quả học tập kèm bản dịch tiếng Việt"), ID_DOC],
  [], 20, "Giấy công nhận văn bằng.",
  GD_BASE + ["Thông tư số 13/2021/TT-BGDĐT quy định điều kiện, trình tự, thủ tục công nhận văn bằng do cơ sở giáo dục nước ngoài cấp để sử dụng tại Việt Nam"],
  ["công nhận bằng nước ngoài", "bằng cấp 3 nước ngoài", "du học về công nhận bằng"],
  note="20 ngày làm việc; trường hợp cần xác minh không quá 45 ngày làm việc.")

P(L("GIAODUC", 9), "Phúc khảo bài thi tốt nghiệp trung học phổ thông", "GIAODUC", "full_online", "GDDT",
  "Thí sinh dự thi tốt nghiệp trung học phổ thông đề nghị phúc khảo bài thi sau khi công bố kết quả.",
  ["Bước 1: Thí sinh nộp đơn đề nghị phúc khảo trực tuyến hoặc tại nơi đăng ký dự thi trong thời hạn quy định.",
   "Bước 2: Sở Giáo dục và Đào tạo tổ chức chấm phúc khảo theo quy chế thi.",
   "Bước 3: Công bố kết quả phúc khảo và cập nhật điểm thi trên hệ thống quản lý thi."],
  [O("Đơn đề nghị phúc khảo bài thi")],
  [], 15, "Kết quả phúc khảo bài thi.",
  GD_BASE + ["Thông tư số 24/2024/TT-BGDĐT ban hành Quy chế thi tốt nghiệp trung học phổ thông"],
  ["phúc khảo điểm thi", "phúc khảo tốt nghiệp", "chấm lại bài thi"],
  note="Theo lịch trong kế hoạch tổ chức kỳ thi hằng năm.", channels=["online", "desk"])

P(L("GIAODUC", 10), "Cho phép trung tâm ngoại ngữ, tin học hoạt động giáo dục", "GIAODUC", "partial_online", "GDDT",
  "Trung tâm ngoại ngữ, tin học đã được thành lập đề nghị Sở Giáo dục và Đào tạo cho phép hoạt động giáo dục.",
  flow("GDDT", "Sở Giáo dục và Đào tạo thẩm định hồ sơ, kiểm tra thực tế điều kiện hoạt động.", "Giám đốc Sở Giáo dục và Đào tạo quyết định cho phép hoạt động."),
  [O("Tờ trình đề nghị cho phép hoạt động giáo dục"), OC("Quyết định thành lập trung tâm"),
   O("Chương trình, tài liệu giảng dạy"), O("Danh sách giáo viên kèm văn bằng, chứng chỉ"),
   OC("Giấy tờ chứng minh quyền sử dụng cơ sở vật chất")],
  [], 20, "Quyết định cho phép trung tâm ngoại ngữ, tin học hoạt động giáo dục.", MN_BASE,
  ["trung tâm ngoại ngữ", "trung tâm tin học", "giấy phép trung tâm tiếng anh"])

P(L("GIAODUC", 11), "Chuyển trường đối với học sinh trung học phổ thông", "GIAODUC", "partial_online", "GDDT",
  "Học sinh trung học phổ thông chuyển trường trong tỉnh hoặc từ tỉnh khác đến do thay đổi nơi cư trú hoặc lý do chính đáng khác.",
  ["Bước 1: Cha mẹ học sinh nộp hồ sơ tại trường nơi chuyển đến (chuyển trong tỉnh) hoặc Sở Giáo dục và Đào tạo (chuyển từ tỉnh khác đến).",
   "Bước 2: Hiệu trưởng trường nơi chuyển đến hoặc Sở Giáo dục và Đào tạo xem xét, đồng ý tiếp nhận.",
   "Bước 3: Trường nơi đi trả hồ sơ học sinh; trường nơi đến tiếp nhận học sinh vào học."],
  [O("Đơn xin chuyển trường của cha mẹ hoặc người giám hộ"), O("Học bạ (bản chính)"),
   OC("Giấy chứng nhận trúng tuyển vào lớp 10"), O("Giới thiệu chuyển trường của trường nơi đi")],
  [], 3, "Văn bản đồng ý tiếp nhận học sinh chuyển trường.",
  GD_BASE + ["Thông tư số 50/2021/TT-BGDĐT sửa đổi, bổ sung quy định về chuyển trường và tiếp nhận học sinh học tại trường trung học cơ sở và trường trung học phổ thông"],
  ["chuyển trường cấp 3", "chuyển trường thpt", "xin chuyển trường"])

P(L("GIAODUC", 12), "Cấp Giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp", "GIAODUC", "partial_online", "GDDT",
  "Trung tâm giáo dục nghề nghiệp, trường trung cấp, doanh nghiệp đăng ký hoạt động đào tạo trình độ sơ cấp, trung cấp; từ năm 2025 do Sở Giáo dục và Đào tạo thực hiện.",
  flow("GDDT", "Sở Giáo dục và Đào tạo thẩm định hồ sơ, kiểm tra điều kiện đào tạo.", "Giám đốc Sở cấp Giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp."),
  [O("Văn bản đề nghị cấp Giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp"), O("Báo cáo thực trạng về cơ sở vật chất, thiết bị, đội ngũ giáo viên"),
   O("Chương trình đào tạo")],
  [], 10, "Giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp.",
  ["Luật Giáo dục nghề nghiệp số 74/2014/QH13", "Nghị định số 143/2016/NĐ-CP quy định điều kiện đầu tư và hoạt động trong lĩnh vực giáo dục nghề nghiệp (sửa đổi bởi Nghị định số 24/2022/NĐ-CP)"],
  ["đăng ký hoạt động giáo dục nghề nghiệp", "dạy nghề sơ cấp", "trung tâm dạy nghề"])


# ================================================================ Y TẾ: KHÁM BỆNH, CHỮA BỆNH; DƯỢC; AN TOÀN THỰC PHẨM

KB_BASE = ["Luật Khám bệnh, chữa bệnh số 15/2023/QH15",
           "Nghị định số 96/2023/NĐ-CP quy định chi tiết một số điều của Luật Khám bệnh, chữa bệnh"]
KB_FORM = "theo mẫu ban hành kèm Nghị định số 96/2023/NĐ-CP"

P(L("KBCB", 1), "Cấp mới giấy phép hành nghề đối với chức danh bác sỹ, y sỹ, điều dưỡng, hộ sinh, kỹ thuật y, dinh dưỡng lâm sàng, cấp cứu viên ngoại viện, tâm lý lâm sàng",
  "KBCB", "full_online", "YTE",
  "Người hành nghề khám bệnh, chữa bệnh đã qua thực hành và đạt kiểm tra đánh giá năng lực đề nghị Sở Y tế cấp giấy phép hành nghề.",
  flow("YTE", "Sở Y tế thẩm định hồ sơ; tổ chức kiểm tra đánh giá năng lực nếu thuộc trường hợp phải kiểm tra.",
       "Giám đốc Sở Y tế cấp giấy phép hành nghề và cập nhật vào Hệ thống thông tin quản lý hoạt động khám bệnh, chữa bệnh.", pay=True),
  [O("Đơn đề nghị cấp mới giấy phép hành nghề", template="Đơn đề nghị cấp mới giấy phép hành nghề (" + KB_FORM + ")"),
   OC("Văn bằng chuyên môn phù hợp với chức danh đề nghị cấp giấy phép"),
   O("Giấy chứng nhận đủ sức khỏe để hành nghề khám bệnh, chữa bệnh"),
   O("Văn bản xác nhận quá trình thực hành", required=False),
   O("02 ảnh màu cỡ 04cm x 06cm")],
  [F("Phí thẩm định cấp mới giấy phép hành nghề khám bệnh, chữa bệnh" + VERIFY, 360000)],
  30, "Giấy phép hành nghề khám bệnh, chữa bệnh.", KB_BASE,
  ["chứng chỉ hành nghề y", "giấy phép hành nghề bác sĩ", "giấy phép hành nghề điều dưỡng", "cấp giấy phép hành nghề"],
  note="30 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("KBCB", 2), "Gia hạn giấy phép hành nghề khám bệnh, chữa bệnh", "KBCB", "full_online", "YTE",
  "Người hành nghề đề nghị gia hạn giấy phép hành nghề (thời hạn 05 năm) sau khi đã cập nhật kiến thức y khoa liên tục theo quy định.",
  flow("YTE", "Sở Y tế thẩm định hồ sơ gia hạn.", "Giám đốc Sở Y tế gia hạn giấy phép hành nghề.", pay=True),
  [O("Đơn đề nghị gia hạn giấy phép hành nghề", template="Đơn đề nghị gia hạn giấy phép hành nghề (" + KB_FORM + ")"),
   O("Giấy chứng nhận đủ sức khỏe để hành nghề"), O("Giấy tờ chứng minh đã cập nhật kiến thức y khoa liên tục")],
  [F("Phí thẩm định gia hạn giấy phép hành nghề" + VERIFY, 180000)],
  10, "Giấy phép hành nghề đã được gia hạn.", KB_BASE, ["gia hạn giấy phép hành nghề", "giấy phép hành nghề hết hạn"],
  note="10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("KBCB", 3), "Cấp lại giấy phép hành nghề khám bệnh, chữa bệnh", "KBCB", "full_online", "YTE",
  "Người hành nghề đề nghị cấp lại giấy phép hành nghề do bị mất, hư hỏng hoặc có sai sót thông tin do cơ quan cấp.",
  flow("YTE", "Sở Y tế kiểm tra thông tin giấy phép trong hệ thống.", "Giám đốc Sở Y tế cấp lại giấy phép hành nghề.", pay=True),
  [O("Đơn đề nghị cấp lại giấy phép hành nghề", template="Đơn đề nghị cấp lại giấy phép hành nghề (" + KB_FORM + ")"), O("02 ảnh màu cỡ 04cm x 06cm")],
  [F("Phí thẩm định cấp lại giấy phép hành nghề" + VERIFY, 150000)],
  10, "Giấy phép hành nghề (cấp lại).", KB_BASE, ["mất giấy phép hành nghề", "cấp lại chứng chỉ hành nghề y"])

P(L("KBCB", 4), "Cấp mới giấy phép hoạt động đối với phòng khám", "KBCB", "partial_online", "YTE",
  "Cơ sở đề nghị Sở Y tế cấp giấy phép hoạt động phòng khám đa khoa, chuyên khoa, phòng khám bác sỹ gia đình, phòng khám y học cổ truyền…",
  flow("YTE", "Sở Y tế thẩm định hồ sơ, thẩm định thực tế cơ sở.", "Giám đốc Sở Y tế cấp giấy phép hoạt động.", pay=True),
  [O("Đơn đề nghị cấp mới giấy phép hoạt động", template="Đơn đề nghị cấp giấy phép hoạt động (" + KB_FORM + ")"),
   OC("Giấy tờ chứng minh tư cách pháp nhân hoặc Giấy chứng nhận đăng ký kinh doanh"),
   O("Danh sách người hành nghề, người làm việc tại cơ sở"),
   O("Bản kê khai cơ sở vật chất, thiết bị y tế; danh mục chuyên môn kỹ thuật đề xuất")],
  [F("Phí thẩm định cấp giấy phép hoạt động phòng khám" + VERIFY, 4300000)],
  60, "Giấy phép hoạt động khám bệnh, chữa bệnh.", KB_BASE,
  ["giấy phép phòng khám", "mở phòng khám", "phòng khám tư nhân", "giấy phép hoạt động phòng khám"],
  note="60 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("KBCB", 5), "Điều chỉnh giấy phép hoạt động khám bệnh, chữa bệnh khi thay đổi quy mô, phạm vi hoạt động chuyên môn", "KBCB", "partial_online", "YTE",
  "Cơ sở khám bệnh, chữa bệnh đề nghị điều chỉnh giấy phép hoạt động khi thay đổi quy mô giường bệnh, cơ cấu tổ chức hoặc bổ sung danh mục kỹ thuật.",
  flow("YTE", "Sở Y tế thẩm định hồ sơ, thẩm định thực tế nếu cần.", "Giám đốc Sở Y tế điều chỉnh giấy phép hoạt động.", pay=True),
  [O("Đơn đề nghị điều chỉnh giấy phép hoạt động", template="Đơn đề nghị điều chỉnh (" + KB_FORM + ")"),
   O("Hồ sơ liên quan đến nội dung thay đổi (nhân sự, cơ sở vật chất, thiết bị)")],
  [F("Phí thẩm định điều chỉnh giấy phép hoạt động" + VERIFY, 1500000)],
  30, "Giấy phép hoạt động được điều chỉnh.", KB_BASE, ["bổ sung kỹ thuật phòng khám", "điều chỉnh giấy phép hoạt động"])

DUOC_BASE = ["Luật Dược số 105/2016/QH13 (sửa đổi, bổ sung bởi Luật số 44/2024/QH15)",
             "Nghị định số 54/2017/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Dược (sửa đổi, bổ sung)"]

P(L("DUOC", 1), "Cấp Chứng chỉ hành nghề dược theo hình thức xét hồ sơ", "DUOC", "full_online", "YTE",
  "Dược sĩ, người có văn bằng chuyên môn về dược đề nghị cấp Chứng chỉ hành nghề dược để đứng tên nhà thuốc, quầy thuốc, cơ sở kinh doanh dược.",
  flow("YTE", "Sở Y tế thẩm định hồ sơ, lấy ý kiến Hội đồng tư vấn cấp Chứng chỉ hành nghề dược.", "Giám đốc Sở Y tế cấp Chứng chỉ hành nghề dược.", pay=True),
  [O("Đơn đề nghị cấp Chứng chỉ hành nghề dược"), OC("Văn bằng chuyên môn"),
   O("Giấy chứng nhận đủ sức khỏe để hành nghề dược"), O("Giấy xác nhận thời gian thực hành chuyên môn"),
   O("02 ảnh chân dung cỡ 4cm x 6cm")],
  [F("Phí thẩm định cấp Chứng chỉ hành nghề dược", 500000)],
  20, "Chứng chỉ hành nghề dược.", DUOC_BASE,
  ["chứng chỉ hành nghề dược", "đứng tên nhà thuốc", "dược sĩ xin chứng chỉ"],
  note="20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("DUOC", 2), "Cấp lại Chứng chỉ hành nghề dược", "DUOC", "full_online", "YTE",
  "Người hành nghề dược đề nghị cấp lại Chứng chỉ hành nghề dược bị mất hoặc hư hỏng.",
  flow("YTE", "Sở Y tế kiểm tra thông tin Chứng chỉ đã cấp.", "Giám đốc Sở Y tế cấp lại Chứng chỉ hành nghề dược.", pay=True),
  [O("Đơn đề nghị cấp lại Chứng chỉ hành nghề dược"), O("02 ảnh chân dung cỡ 4cm x 6cm")],
  [F("Phí thẩm định cấp lại Chứng chỉ hành nghề dược" + VERIFY, 500000)],
  5, "Chứng chỉ hành nghề dược (cấp lại).", DUOC_BASE, ["cấp lại chứng chỉ dược", "mất chứng chỉ hành nghề dược"],
  note="05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("DUOC", 3), "Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược đối với cơ sở bán lẻ thuốc (nhà thuốc, quầy thuốc)", "DUOC", "partial_online", "YTE",
  "Chủ nhà thuốc, quầy thuốc đề nghị Sở Y tế đánh giá đạt Thực hành tốt cơ sở bán lẻ thuốc (GPP) và cấp Giấy chứng nhận đủ điều kiện kinh doanh dược.",
  flow("YTE", "Sở Y tế thẩm định hồ sơ và đánh giá thực tế cơ sở theo nguyên tắc GPP.",
       "Giám đốc Sở Y tế cấp Giấy chứng nhận đủ điều kiện kinh doanh dược.", pay=True),
  [O("Đơn đề nghị cấp Giấy chứng nhận đủ điều kiện kinh doanh dược"),
   O("Tài liệu kỹ thuật về địa điểm, khu vực bảo quản, trang thiết bị, nhân sự"),
   OC("Chứng chỉ hành nghề dược của người chịu trách nhiệm chuyên môn"),
   OC("Giấy tờ pháp lý thành lập cơ sở (đăng ký doanh nghiệp, hộ kinh doanh)")],
  [F("Phí thẩm định điều kiện kinh doanh đối với cơ sở bán lẻ thuốc" + VERIFY, 1000000)],
  20, "Giấy chứng nhận đủ điều kiện kinh doanh dược; Giấy chứng nhận đạt Thực hành tốt cơ sở bán lẻ thuốc (GPP).",
  DUOC_BASE, ["mở nhà thuốc", "giấy phép nhà thuốc", "quầy thuốc", "gpp nhà thuốc", "kinh doanh thuốc"],
  note="20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("DUOC", 4), "Tiếp nhận Phiếu công bố sản phẩm mỹ phẩm sản xuất trong nước", "DUOC", "full_online", "YTE",
  "Tổ chức, cá nhân chịu trách nhiệm đưa sản phẩm mỹ phẩm sản xuất trong nước ra thị trường nộp Phiếu công bố tại Sở Y tế.",
  flow("YTE", "Sở Y tế kiểm tra Phiếu công bố và tài liệu kèm theo.", "Sở Y tế cấp số tiếp nhận Phiếu công bố sản phẩm mỹ phẩm.", pay=True),
  [O("Phiếu công bố sản phẩm mỹ phẩm (bản điện tử)"), OC("Giấy chứng nhận đủ điều kiện sản xuất mỹ phẩm của cơ sở sản xuất"),
   O("Giấy ủy quyền của nhà sản xuất (trường hợp tổ chức đứng tên công bố không phải là nhà sản xuất)", required=False)],
  [F("Phí thẩm định hồ sơ công bố sản phẩm mỹ phẩm sản xuất trong nước", 500000)],
  3, "Phiếu công bố sản phẩm mỹ phẩm đã được cấp số tiếp nhận.",
  ["Nghị định số 93/2016/NĐ-CP quy định về điều kiện sản xuất mỹ phẩm", "Thông tư số 06/2011/TT-BYT quy định về quản lý mỹ phẩm"],
  ["công bố mỹ phẩm", "phiếu công bố mỹ phẩm", "mỹ phẩm sản xuất trong nước"],
  note="03 ngày làm việc kể từ ngày nhận hồ sơ hợp lệ và phí.")

ATTP_BASE = ["Luật An toàn thực phẩm số 55/2010/QH12", "Nghị định số 15/2018/NĐ-CP quy định chi tiết thi hành một số điều của Luật An toàn thực phẩm"]
ATTP_FEE = [F("Phí thẩm định cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm" + VERIFY, 700000)]

P(L("ATTP", 1), "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở kinh doanh dịch vụ ăn uống", "ATTP", "partial_online", "YTE",
  "Nhà hàng, bếp ăn tập thể, cơ sở kinh doanh dịch vụ ăn uống thuộc thẩm quyền của ngành Y tế đề nghị cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm.",
  flow("YTE", "Sở Y tế thẩm định hồ sơ và thẩm định thực tế tại cơ sở.", "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm (thời hạn 03 năm).", pay=True),
  [O("Đơn đề nghị cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm"),
   O("Bản thuyết minh về cơ sở vật chất, trang thiết bị, dụng cụ bảo đảm điều kiện vệ sinh an toàn thực phẩm"),
   O("Giấy xác nhận đã được tập huấn kiến thức an toàn thực phẩm của chủ cơ sở và người trực tiếp chế biến"),
   O("Giấy xác nhận đủ sức khỏe của chủ cơ sở và người trực tiếp chế biến")],
  [F("Phí thẩm định cơ sở kinh doanh dịch vụ ăn uống phục vụ dưới 200 suất ăn", 700000),
   F("Phí thẩm định cơ sở kinh doanh dịch vụ ăn uống phục vụ từ 200 suất ăn trở lên", 1000000)],
  20, "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm.",
  ATTP_BASE + ["Thông tư số 67/2021/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí trong công tác an toàn thực phẩm"],
  ["giấy chứng nhận vệ sinh an toàn thực phẩm", "attp nhà hàng", "giấy phép an toàn thực phẩm", "bếp ăn tập thể"],
  note="20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("ATTP", 2), "Đăng ký bản công bố sản phẩm đối với thực phẩm dinh dưỡng y học, thực phẩm dùng cho chế độ ăn đặc biệt, sản phẩm dinh dưỡng dùng cho trẻ đến 36 tháng tuổi",
  "ATTP", "full_online", "YTE",
  "Tổ chức, cá nhân sản xuất trong nước đăng ký bản công bố các nhóm sản phẩm thực phẩm đặc biệt thuộc thẩm quyền của Sở Y tế.",
  flow("YTE", "Sở Y tế thẩm định hồ sơ công bố sản phẩm.", "Cấp Giấy tiếp nhận đăng ký bản công bố sản phẩm.", pay=True),
  [O("Bản công bố sản phẩm"), O("Phiếu kết quả kiểm nghiệm an toàn thực phẩm trong thời hạn 12 tháng"),
   O("Bằng chứng khoa học chứng minh công dụng của sản phẩm (nếu có)", required=False),
   OC("Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm (trường hợp thuộc diện phải cấp)")],
  [F("Phí thẩm định hồ sơ đăng ký bản công bố sản phẩm", 1500000)],
  7, "Giấy tiếp nhận đăng ký bản công bố sản phẩm.", ATTP_BASE,
  ["công bố sản phẩm thực phẩm", "đăng ký bản công bố", "sữa cho trẻ dưới 36 tháng"],
  note="07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("ATTP", 3), "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản xuất, kinh doanh thực phẩm thuộc thẩm quyền của ngành Công Thương",
  "ATTP", "partial_online", "CONGTHUONG",
  "Cơ sở sản xuất, kinh doanh rượu, bia, nước giải khát, sữa chế biến, dầu thực vật, bánh kẹo… thuộc thẩm quyền ngành Công Thương đề nghị cấp Giấy chứng nhận.",
  flow("CONGTHUONG", "Sở Công Thương thẩm định hồ sơ và thẩm định thực tế tại cơ sở.", "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm.", pay=True),
  [O("Đơn đề nghị cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm"),
   O("Bản thuyết minh về cơ sở vật chất, trang thiết bị, dụng cụ sản xuất, kinh doanh thực phẩm"),
   O("Giấy xác nhận đủ sức khỏe, giấy xác nhận kiến thức an toàn thực phẩm của chủ cơ sở và người trực tiếp sản xuất, kinh doanh")],
  ATTP_FEE, 20, "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm.",
  ATTP_BASE + ["Nghị định số 77/2016/NĐ-CP sửa đổi, bổ sung một số quy định về điều kiện đầu tư kinh doanh thuộc lĩnh vực quản lý nhà nước của Bộ Công Thương"],
  ["an toàn thực phẩm công thương", "giấy chứng nhận attp sản xuất bánh kẹo", "cơ sở sản xuất rượu bia"],
  note="20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("ATTP", 4), "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản xuất, kinh doanh thực phẩm nông, lâm, thủy sản",
  "ATTP", "partial_online", "NNMT",
  "Cơ sở sản xuất, kinh doanh thực phẩm nông, lâm, thủy sản (giết mổ, sơ chế, chế biến…) thuộc thẩm quyền ngành Nông nghiệp và Môi trường đề nghị cấp Giấy chứng nhận.",
  flow("NNMT", "Sở Nông nghiệp và Môi trường thẩm định hồ sơ và thẩm định thực tế tại cơ sở.", "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm.", pay=True),
  [O("Đơn đề nghị cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm"),
   O("Bản thuyết minh về cơ sở vật chất, trang thiết bị, dụng cụ sản xuất, kinh doanh thực phẩm"),
   O("Danh sách chủ cơ sở và người trực tiếp sản xuất, kinh doanh đã được xác nhận kiến thức và đủ sức khỏe")],
  ATTP_FEE, 15, "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm.", ATTP_BASE,
  ["an toàn thực phẩm nông sản", "cơ sở giết mổ", "chứng nhận attp thủy sản"],
  note="15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")


# ================================================================ BẢO TRỢ XÃ HỘI

BTXH_BASE = ["Nghị định số 20/2021/NĐ-CP quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội (sửa đổi, bổ sung bởi Nghị định số 76/2024/NĐ-CP)"]
NKT_BASE = ["Luật Người khuyết tật số 51/2010/QH12",
            "Thông tư số 01/2019/TT-BLĐTBXH quy định về việc xác định mức độ khuyết tật do Hội đồng xác định mức độ khuyết tật thực hiện"]
NGHEO_BASE = ["Nghị định số 07/2021/NĐ-CP quy định chuẩn nghèo đa chiều giai đoạn 2022 - 2025",
              "Quyết định số 24/2021/QĐ-TTg quy định quy trình rà soát hộ nghèo, hộ cận nghèo hằng năm và quy trình xác định hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp và diêm nghiệp có mức sống trung bình giai đoạn 2022 - 2025"]
TE_BASE = ["Luật Trẻ em số 102/2016/QH13", "Nghị định số 56/2017/NĐ-CP quy định chi tiết một số điều của Luật Trẻ em"]

P(L("BTXH", 1), "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hàng tháng", "BTXH", "full_online", None,
  "Người cao tuổi, người khuyết tật, trẻ em mồ côi, người đơn thân nghèo nuôi con… hoặc người thân của họ đề nghị hưởng, điều chỉnh hoặc thôi hưởng trợ cấp xã hội hàng tháng.",
  flow("xa", "Công chức văn hóa - xã hội xem xét, niêm yết công khai danh sách đối tượng tại trụ sở UBND cấp xã và thôn, tổ dân phố trong 02 ngày làm việc.",
       "Chủ tịch UBND cấp xã quyết định trợ cấp xã hội hàng tháng (hoặc điều chỉnh, thôi hưởng)."),
  [O("Tờ khai đề nghị trợ giúp xã hội", template="Tờ khai theo Mẫu số 1a, 1b, 1c, 1d, 1đ, 1e (ban hành kèm Nghị định số 20/2021/NĐ-CP)"),
   OC("Giấy xác nhận khuyết tật (đối với người khuyết tật)", required=False),
   OC("Giấy tờ chứng minh thuộc diện hộ nghèo, hộ cận nghèo hoặc hoàn cảnh đặc biệt (nếu thông tin chưa có trong cơ sở dữ liệu)", required=False)],
  [], 10, "Quyết định hưởng, điều chỉnh hoặc thôi hưởng trợ cấp xã hội hàng tháng.",
  BTXH_BASE + ["Luật Người cao tuổi số 39/2009/QH12", "Luật Người khuyết tật số 51/2010/QH12"],
  ["trợ cấp xã hội", "trợ cấp người cao tuổi", "trợ cấp người khuyết tật", "tiền hỗ trợ hàng tháng", "bảo trợ xã hội"],
  note="Không quá 10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
  popular=True)

P(L("BTXH", 2), "Thực hiện trợ cấp hưu trí xã hội", "BTXH", "full_online", None,
  "Công dân Việt Nam từ đủ 75 tuổi (từ đủ 70 đến dưới 75 tuổi nếu thuộc hộ nghèo, cận nghèo) không hưởng lương hưu, trợ cấp bảo hiểm xã hội hằng tháng đề nghị hưởng trợ cấp hưu trí xã hội.",
  flow("xa", "Công chức văn hóa - xã hội kiểm tra điều kiện hưởng, niêm yết công khai.", "Chủ tịch UBND cấp xã quyết định hưởng trợ cấp hưu trí xã hội."),
  [O("Tờ khai đề nghị hưởng trợ cấp hưu trí xã hội (theo mẫu quy định)")],
  [], 10, "Quyết định hưởng trợ cấp hưu trí xã hội; thẻ bảo hiểm y tế theo quy định.",
  ["Luật Bảo hiểm xã hội số 41/2024/QH15", "Nghị định số 176/2025/NĐ-CP quy định chi tiết một số điều của Luật Bảo hiểm xã hội về trợ cấp hưu trí xã hội"],
  ["trợ cấp hưu trí xã hội", "người già không có lương hưu", "trợ cấp 75 tuổi", "tiền người cao tuổi"],
  note="Không quá 10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("BTXH", 3), "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội", "BTXH", "full_online", None,
  "Gia đình, cá nhân, cơ quan tổ chức thực hiện mai táng cho người đang hưởng trợ cấp xã hội hàng tháng hoặc đối tượng theo quy định đề nghị hỗ trợ chi phí mai táng.",
  flow("xa", "Công chức văn hóa - xã hội kiểm tra hồ sơ.", "Chủ tịch UBND cấp xã quyết định hỗ trợ chi phí mai táng."),
  [O("Tờ khai đề nghị hỗ trợ chi phí mai táng", template="Mẫu số 04 ban hành kèm Nghị định số 20/2021/NĐ-CP"),
   OC("Giấy báo tử hoặc Trích lục khai tử (nếu thông tin chưa có trong Cơ sở dữ liệu hộ tịch điện tử)", required=False)],
  [], 5, "Quyết định hỗ trợ chi phí mai táng.", BTXH_BASE,
  ["mai táng phí", "hỗ trợ mai táng", "chi phí mai táng người hưởng trợ cấp"],
  note="05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("BTXH", 4), "Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật", "BTXH", "partial_online", None,
  "Người khuyết tật hoặc người đại diện đề nghị Hội đồng xác định mức độ khuyết tật cấp xã xác định mức độ khuyết tật (đặc biệt nặng, nặng, nhẹ) và cấp Giấy xác nhận khuyết tật.",
  flow("xa", "Chủ tịch UBND cấp xã triệu tập Hội đồng xác định mức độ khuyết tật, tổ chức đánh giá trực tiếp người khuyết tật.",
       "Niêm yết, thông báo công khai kết quả; Chủ tịch UBND cấp xã cấp Giấy xác nhận khuyết tật."),
  [O("Đơn đề nghị xác định, xác định lại mức độ khuyết tật", template="Mẫu đơn ban hành kèm Thông tư số 01/2019/TT-BLĐTBXH"),
   OC("Kết luận của Hội đồng Giám định y khoa, giấy tờ liên quan đến khuyết tật (bệnh án, giấy ra viện…) nếu có", required=False)],
  [], 25, "Giấy xác nhận khuyết tật.", NKT_BASE,
  ["giấy xác nhận khuyết tật", "xác định mức độ khuyết tật", "người khuyết tật", "giấy chứng nhận khuyết tật"],
  note="Hội đồng xác định mức độ khuyết tật trong 20 ngày làm việc; cấp Giấy xác nhận khuyết tật trong 05 ngày làm việc sau đó.")

P(L("BTXH", 5), "Đổi, cấp lại Giấy xác nhận khuyết tật", "BTXH", "full_online", None,
  "Người khuyết tật đề nghị đổi Giấy xác nhận khuyết tật bị hư hỏng, thay đổi thông tin hoặc cấp lại khi bị mất.",
  flow("xa", "Công chức văn hóa - xã hội kiểm tra hồ sơ lưu.", "Chủ tịch UBND cấp xã đổi hoặc cấp lại Giấy xác nhận khuyết tật."),
  [O("Đơn đề nghị đổi, cấp lại Giấy xác nhận khuyết tật", template="Mẫu đơn ban hành kèm Thông tư số 01/2019/TT-BLĐTBXH"),
   O("Giấy xác nhận khuyết tật cũ (trường hợp đổi)", required=False)],
  [], 5, "Giấy xác nhận khuyết tật (đổi/cấp lại).", NKT_BASE,
  ["cấp lại giấy xác nhận khuyết tật", "mất giấy khuyết tật"])

P(L("BTXH", 6), "Công nhận hộ nghèo, hộ cận nghèo phát sinh trong năm", "BTXH", "partial_online", None,
  "Hộ gia đình gặp khó khăn phát sinh trong năm đề nghị được rà soát, công nhận là hộ nghèo, hộ cận nghèo để hưởng chính sách hỗ trợ.",
  flow("xa", "Ban Chỉ đạo rà soát cấp xã tổ chức thẩm định, chấm điểm theo chuẩn nghèo đa chiều.",
       "Niêm yết công khai kết quả; Chủ tịch UBND cấp xã quyết định công nhận hộ nghèo, hộ cận nghèo và cấp Giấy chứng nhận."),
  [O("Giấy đề nghị rà soát hộ nghèo, hộ cận nghèo", template="Phụ lục I ban hành kèm Quyết định số 24/2021/QĐ-TTg")],
  [], 7, "Quyết định công nhận hộ nghèo, hộ cận nghèo; Giấy chứng nhận hộ nghèo, hộ cận nghèo.", NGHEO_BASE,
  ["hộ nghèo", "hộ cận nghèo", "công nhận hộ nghèo", "xin xét hộ nghèo", "giấy chứng nhận hộ nghèo"],
  note="Không quá 07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("BTXH", 7), "Công nhận hộ thoát nghèo, hộ thoát cận nghèo trong năm", "BTXH", "partial_online", None,
  "Hộ nghèo, hộ cận nghèo có thu nhập, điều kiện sống cải thiện đề nghị được công nhận thoát nghèo, thoát cận nghèo.",
  flow("xa", "Ban Chỉ đạo rà soát cấp xã thẩm định điều kiện thoát nghèo, thoát cận nghèo.",
       "Chủ tịch UBND cấp xã quyết định công nhận hộ thoát nghèo, thoát cận nghèo."),
  [O("Giấy đề nghị xét duyệt thoát nghèo, thoát cận nghèo", template="Phụ lục ban hành kèm Quyết định số 24/2021/QĐ-TTg")],
  [], 7, "Quyết định công nhận hộ thoát nghèo, hộ thoát cận nghèo.", NGHEO_BASE,
  ["thoát nghèo", "thoát cận nghèo", "ra khỏi hộ nghèo"])

P(L("BTXH", 8), "Công nhận hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp và diêm nghiệp có mức sống trung bình", "BTXH", "partial_online", None,
  "Hộ gia đình làm nông, lâm, ngư, diêm nghiệp đề nghị công nhận có mức sống trung bình để được hỗ trợ đóng bảo hiểm y tế và chính sách khác.",
  flow("xa", "Ban Chỉ đạo rà soát cấp xã thẩm định, đánh giá thu nhập của hộ.",
       "Chủ tịch UBND cấp xã quyết định công nhận hộ có mức sống trung bình."),
  [O("Giấy đề nghị xác định hộ có mức sống trung bình", template="Phụ lục ban hành kèm Quyết định số 24/2021/QĐ-TTg")],
  [], 7, "Quyết định công nhận hộ có mức sống trung bình.", NGHEO_BASE,
  ["hộ mức sống trung bình", "hỗ trợ bảo hiểm y tế hộ nông nghiệp"])

P(L("BTXH", 9), "Trợ giúp xã hội khẩn cấp về hỗ trợ làm nhà ở, sửa chữa nhà ở", "BTXH", "partial_online", None,
  "Hộ gia đình có nhà ở bị đổ, sập, trôi, cháy hoàn toàn hoặc hư hỏng nặng do thiên tai, hỏa hoạn đề nghị hỗ trợ làm nhà ở, sửa chữa nhà ở.",
  flow("xa", "UBND cấp xã kiểm tra thực tế mức độ thiệt hại, tổng hợp danh sách.", "Chủ tịch UBND cấp xã quyết định hỗ trợ."),
  [O("Tờ khai đề nghị hỗ trợ làm nhà ở, sửa chữa nhà ở", template="Mẫu tờ khai ban hành kèm Nghị định số 20/2021/NĐ-CP")],
  [], 5, "Quyết định hỗ trợ làm nhà ở, sửa chữa nhà ở.", BTXH_BASE,
  ["hỗ trợ sửa nhà", "nhà sập do bão", "hỗ trợ làm nhà thiên tai", "cháy nhà hỗ trợ"])

P(L("BTXH", 10), "Áp dụng các biện pháp can thiệp khẩn cấp hoặc tạm thời cách ly trẻ em khỏi môi trường hoặc người gây tổn hại cho trẻ em", "BTXH", "information", None,
  "Khi nhận được thông báo trẻ em bị xâm hại hoặc có nguy cơ bị bạo lực, bóc lột, bỏ rơi, UBND cấp xã áp dụng biện pháp can thiệp khẩn cấp để bảo vệ trẻ em.",
  ["Bước 1: Cá nhân, tổ chức thông báo, tố giác qua Tổng đài điện thoại quốc gia bảo vệ trẻ em 111 hoặc trực tiếp với UBND cấp xã, Công an cấp xã.",
   "Bước 2: Trong 12 giờ, người làm công tác bảo vệ trẻ em cấp xã phối hợp kiểm tra, đánh giá nguy cơ đối với trẻ em.",
   "Bước 3: Chủ tịch UBND cấp xã quyết định áp dụng biện pháp can thiệp khẩn cấp hoặc tạm thời cách ly trẻ em khỏi môi trường, người gây tổn hại.",
   "Bước 4: Tổ chức thực hiện, theo dõi và xây dựng kế hoạch hỗ trợ, can thiệp tiếp theo."],
  [O("Thông báo, tố giác về hành vi xâm hại trẻ em (bằng lời nói hoặc văn bản)")],
  [], 0, "Quyết định áp dụng biện pháp can thiệp khẩn cấp hoặc tạm thời cách ly trẻ em.", TE_BASE,
  ["bảo vệ trẻ em", "trẻ bị bạo hành", "xâm hại trẻ em", "tổng đài 111"],
  note="Kiểm tra, đánh giá nguy cơ trong 12 giờ kể từ khi nhận được thông báo.", hours=12,
  channels=["desk"])

P(L("BTXH", 11), "Đăng ký nhận chăm sóc thay thế cho trẻ em đối với cá nhân, người đại diện gia đình nhận chăm sóc thay thế không phải là người thân thích của trẻ em",
  "BTXH", "partial_online", None,
  "Cá nhân, gia đình đủ điều kiện đăng ký nhận chăm sóc thay thế trẻ em mồ côi, bị bỏ rơi hoặc không có môi trường gia đình an toàn.",
  flow("xa", "Công chức văn hóa - xã hội đánh giá điều kiện của cá nhân, gia đình nhận chăm sóc thay thế.",
       "Chủ tịch UBND cấp xã quyết định giao trẻ em cho cá nhân, gia đình nhận chăm sóc thay thế."),
  [O("Đơn đăng ký nhận chăm sóc thay thế trẻ em"), O("Phiếu lý lịch tư pháp của người nhận chăm sóc thay thế"), ID_DOC],
  [], 15, "Quyết định giao, nhận chăm sóc thay thế cho trẻ em.", TE_BASE,
  ["chăm sóc thay thế trẻ em", "nhận nuôi trẻ mồ côi", "nhận chăm sóc trẻ"])

P(L("BTXH", 12), "Tiếp nhận đối tượng bảo trợ xã hội có hoàn cảnh đặc biệt khó khăn vào cơ sở trợ giúp xã hội cấp tỉnh", "BTXH", "partial_online", "YTE",
  "Đối tượng bảo trợ xã hội có hoàn cảnh đặc biệt khó khăn (không nơi nương tựa, không tự lo được cuộc sống) đề nghị được tiếp nhận vào nuôi dưỡng tại cơ sở trợ giúp xã hội của tỉnh.",
  flow("YTE", "UBND cấp xã xác nhận hoàn cảnh và gửi hồ sơ đến Sở Y tế.", "Giám đốc Sở Y tế quyết định tiếp nhận đối tượng vào cơ sở trợ giúp xã hội."),
  [O("Tờ khai đề nghị tiếp nhận vào cơ sở trợ giúp xã hội", template="Mẫu tờ khai ban hành kèm Nghị định số 20/2021/NĐ-CP"),
   OC("Giấy tờ chứng minh thuộc đối tượng bảo trợ xã hội", required=False)],
  [], 10, "Quyết định tiếp nhận đối tượng vào cơ sở trợ giúp xã hội.", BTXH_BASE,
  ["trung tâm bảo trợ xã hội", "nuôi dưỡng người già neo đơn", "vào trung tâm công tác xã hội"])

P(L("BTXH", 13), "Cấp giấy phép hoạt động đối với cơ sở trợ giúp xã hội thuộc thẩm quyền của Sở Y tế", "BTXH", "partial_online", "YTE",
  "Cơ sở trợ giúp xã hội ngoài công lập đã được thành lập đề nghị cấp giấy phép hoạt động chăm sóc, nuôi dưỡng đối tượng.",
  flow("YTE", "Sở Y tế thẩm định hồ sơ, kiểm tra thực tế cơ sở.", "Giám đốc Sở Y tế cấp giấy phép hoạt động."),
  [O("Văn bản đề nghị cấp giấy phép hoạt động"), OC("Quyết định thành lập hoặc giấy chứng nhận đăng ký thành lập cơ sở"),
   O("Danh sách nhân viên kèm văn bằng, chứng chỉ"), O("Quy chế hoạt động của cơ sở")],
  [], 15, "Giấy phép hoạt động của cơ sở trợ giúp xã hội.",
  ["Nghị định số 103/2017/NĐ-CP quy định về thành lập, tổ chức, hoạt động, giải thể và quản lý các cơ sở trợ giúp xã hội"],
  ["giấy phép cơ sở trợ giúp xã hội", "mở viện dưỡng lão", "cơ sở chăm sóc người cao tuổi"])

P(L("BTXH", 14), "Đăng ký thành lập cơ sở trợ giúp xã hội ngoài công lập thuộc thẩm quyền của Sở Y tế", "BTXH", "partial_online", "YTE",
  "Tổ chức, cá nhân đăng ký thành lập cơ sở trợ giúp xã hội ngoài công lập (cơ sở chăm sóc người cao tuổi, người khuyết tật, trẻ em…) trên địa bàn tỉnh.",
  flow("YTE", "Sở Y tế thẩm định hồ sơ đăng ký thành lập.", "Giám đốc Sở Y tế cấp Giấy chứng nhận đăng ký thành lập."),
  [O("Tờ khai đăng ký thành lập cơ sở trợ giúp xã hội"), O("Dự thảo quy chế hoạt động của cơ sở"),
   OC("Giấy tờ chứng minh quyền sử dụng đất, cơ sở vật chất")],
  [], 10, "Giấy chứng nhận đăng ký thành lập cơ sở trợ giúp xã hội.",
  ["Nghị định số 103/2017/NĐ-CP quy định về thành lập, tổ chức, hoạt động, giải thể và quản lý các cơ sở trợ giúp xã hội"],
  ["thành lập cơ sở trợ giúp xã hội", "mở trung tâm dưỡng lão tư nhân"])

P(L("BTXH", 15), "Đăng ký hoạt động đối với cơ sở trợ giúp xã hội dưới 10 đối tượng có hoàn cảnh khó khăn", "BTXH", "partial_online", None,
  "Tổ chức, cá nhân nuôi dưỡng, chăm sóc dưới 10 đối tượng có hoàn cảnh khó khăn (người già neo đơn, trẻ em mồ côi…) đăng ký hoạt động với UBND cấp xã.",
  flow("xa", "Công chức văn hóa - xã hội kiểm tra hồ sơ và điều kiện chăm sóc.", "Chủ tịch UBND cấp xã cấp Giấy chứng nhận đăng ký hoạt động."),
  [O("Tờ khai đăng ký hoạt động cơ sở trợ giúp xã hội"), O("Danh sách đối tượng được chăm sóc, nuôi dưỡng"), ID_DOC],
  [], 5, "Giấy chứng nhận đăng ký hoạt động.",
  ["Nghị định số 103/2017/NĐ-CP quy định về thành lập, tổ chức, hoạt động, giải thể và quản lý các cơ sở trợ giúp xã hội"],
  ["cơ sở nuôi dưỡng nhỏ", "mái ấm tình thương", "chăm sóc người neo đơn"])


# ================================================================ NGƯỜI CÓ CÔNG (Sở Nội vụ)

NCC_BASE = ["Pháp lệnh Ưu đãi người có công với cách mạng số 02/2020/UBTVQH14",
            "Nghị định số 131/2021/NĐ-CP quy định chi tiết và biện pháp thi hành Pháp lệnh Ưu đãi người có công với cách mạng (sửa đổi, bổ sung bởi Nghị định số 55/2023/NĐ-CP)"]
NCC_FORM = "theo mẫu ban hành kèm Nghị định số 131/2021/NĐ-CP"


def ncc(n, name, description, documents, days, result, keywords, note=None):
    P(L("NCC", n), name, "NCC", "partial_online", "NOIVU", description,
      flow("NOIVU", "UBND cấp xã tiếp nhận (nếu nộp tại cấp xã), xác nhận và chuyển hồ sơ đến Sở Nội vụ.",
           "Sở Nội vụ thẩm định hồ sơ, đối chiếu hồ sơ người có công đang quản lý.",
           "Giám đốc Sở Nội vụ ban hành quyết định giải quyết chế độ."),
      documents, [], days, result, NCC_BASE, keywords, note=note)


ncc(1, "Giải quyết chế độ trợ cấp thờ cúng liệt sĩ",
    "Đại diện thân nhân hoặc người thờ cúng liệt sĩ đề nghị hưởng trợ cấp thờ cúng liệt sĩ hằng năm.",
    [O("Bản khai đề nghị giải quyết chế độ trợ cấp thờ cúng liệt sĩ", template="Mẫu " + NCC_FORM),
     O("Biên bản ủy quyền của các thân nhân liệt sĩ (nếu có)", required=False),
     OC("Bằng Tổ quốc ghi công")],
    12, "Quyết định trợ cấp thờ cúng liệt sĩ.", ["thờ cúng liệt sĩ", "trợ cấp thờ cúng", "liệt sĩ"])

ncc(2, "Giải quyết chế độ mai táng phí, trợ cấp một lần khi người có công với cách mạng từ trần",
    "Thân nhân người có công với cách mạng đang hưởng trợ cấp ưu đãi hằng tháng từ trần đề nghị hưởng mai táng phí và trợ cấp một lần.",
    [O("Bản khai của đại diện thân nhân hoặc người tổ chức mai táng", template="Mẫu " + NCC_FORM),
     OC("Giấy báo tử hoặc Trích lục khai tử")],
    12, "Quyết định trợ cấp mai táng phí, trợ cấp một lần.", ["mai táng phí người có công", "người có công từ trần", "trợ cấp một lần người có công"])

ncc(3, "Cấp giấy giới thiệu đi thăm viếng mộ liệt sĩ và hỗ trợ thăm viếng mộ liệt sĩ",
    "Thân nhân liệt sĩ (tối đa 03 người) hoặc người thờ cúng liệt sĩ đề nghị được cấp giấy giới thiệu và hỗ trợ tiền đi lại, ăn ở khi thăm viếng mộ liệt sĩ.",
    [O("Đơn đề nghị thăm viếng mộ liệt sĩ", template="Mẫu " + NCC_FORM)],
    5, "Giấy giới thiệu thăm viếng mộ liệt sĩ; quyết định hỗ trợ thăm viếng.", ["thăm mộ liệt sĩ", "viếng mộ liệt sĩ", "hỗ trợ đi thăm mộ"])

ncc(4, "Di chuyển hài cốt liệt sĩ đang an táng ở nghĩa trang liệt sĩ đi nơi khác theo nguyện vọng của đại diện thân nhân",
    "Đại diện thân nhân liệt sĩ đề nghị di chuyển hài cốt liệt sĩ từ nghĩa trang liệt sĩ về quê hoặc nơi khác và được hỗ trợ chi phí.",
    [O("Đơn đề nghị di chuyển hài cốt liệt sĩ", template="Mẫu " + NCC_FORM),
     O("Biên bản thống nhất của các thân nhân liệt sĩ về việc di chuyển hài cốt", required=False)],
    10, "Giấy giới thiệu di chuyển hài cốt liệt sĩ; quyết định hỗ trợ chi phí.", ["di chuyển hài cốt liệt sĩ", "bốc mộ liệt sĩ về quê"])

ncc(5, "Giải quyết trợ cấp một lần đối với người có thành tích tham gia kháng chiến đã được tặng Bằng khen của Thủ tướng Chính phủ, Bằng khen của Chủ tịch UBND cấp tỉnh",
    "Người có thành tích tham gia kháng chiến (hoặc thân nhân nếu người đó đã chết) đề nghị hưởng trợ cấp một lần.",
    [O("Bản khai đề nghị hưởng trợ cấp một lần", template="Mẫu " + NCC_FORM), OC("Bằng khen được tặng")],
    12, "Quyết định trợ cấp một lần.", ["trợ cấp bằng khen kháng chiến", "người có thành tích kháng chiến"])

ncc(6, "Công nhận và giải quyết chế độ ưu đãi người hoạt động kháng chiến bị nhiễm chất độc hóa học",
    "Người hoạt động kháng chiến bị nhiễm chất độc hóa học (chất độc da cam) đề nghị công nhận và hưởng chế độ ưu đãi.",
    [O("Bản khai cá nhân", template="Mẫu " + NCC_FORM),
     OC("Giấy tờ chứng minh thời gian hoạt động kháng chiến tại vùng quân đội Mỹ sử dụng chất độc hóa học"),
     OC("Biên bản giám định y khoa hoặc giấy tờ chứng minh bệnh tật do chất độc hóa học")],
    20, "Quyết định công nhận và trợ cấp ưu đãi.", ["chất độc da cam", "nhiễm chất độc hóa học", "trợ cấp da cam"])

ncc(7, "Cấp bổ sung hoặc cấp lại giấy chứng nhận người có công và giấy chứng nhận thân nhân liệt sĩ",
    "Người có công hoặc thân nhân liệt sĩ đề nghị cấp bổ sung, cấp lại giấy chứng nhận bị mất, hư hỏng hoặc có thay đổi thông tin.",
    [O("Đơn đề nghị cấp bổ sung, cấp lại giấy chứng nhận", template="Mẫu " + NCC_FORM)],
    10, "Giấy chứng nhận người có công hoặc giấy chứng nhận thân nhân liệt sĩ.", ["giấy chứng nhận thương binh", "cấp lại giấy chứng nhận người có công", "thân nhân liệt sĩ"])

ncc(8, "Sửa đổi, bổ sung thông tin cá nhân trong hồ sơ người có công",
    "Người có công hoặc thân nhân đề nghị sửa đổi, bổ sung thông tin cá nhân (họ tên, ngày sinh, quê quán…) trong hồ sơ người có công.",
    [O("Đơn đề nghị sửa đổi, bổ sung thông tin", template="Mẫu " + NCC_FORM),
     OC("Giấy tờ làm căn cứ sửa đổi, bổ sung thông tin")],
    12, "Quyết định sửa đổi, bổ sung thông tin cá nhân trong hồ sơ người có công.", ["sửa hồ sơ người có công", "sai thông tin hồ sơ liệt sĩ"])

ncc(9, "Hưởng trợ cấp khi người có công đang hưởng trợ cấp ưu đãi từ trần (trợ cấp tuất hằng tháng đối với thân nhân)",
    "Thân nhân của người có công đã từ trần đủ điều kiện đề nghị hưởng trợ cấp tuất hằng tháng.",
    [O("Bản khai thân nhân", template="Mẫu " + NCC_FORM), OC("Giấy báo tử hoặc Trích lục khai tử của người có công"),
     OC("Giấy xác nhận khuyết tật hoặc giấy tờ chứng minh đang đi học (đối với con từ đủ 18 tuổi)", required=False)],
    12, "Quyết định trợ cấp tuất hằng tháng.", ["trợ cấp tuất người có công", "vợ thương binh hưởng trợ cấp", "thân nhân người có công"])


# ================================================================ LAO ĐỘNG, VIỆC LÀM (Sở Nội vụ)

LD_BASE = ["Bộ luật Lao động số 45/2019/QH14"]
LDNN_BASE = LD_BASE + ["Nghị định số 152/2020/NĐ-CP quy định về người lao động nước ngoài làm việc tại Việt Nam và tuyển dụng, quản lý người lao động Việt Nam làm việc cho tổ chức, cá nhân nước ngoài tại Việt Nam (sửa đổi, bổ sung bởi Nghị định số 70/2023/NĐ-CP)"]
TCTN_BASE = ["Luật Việc làm số 38/2013/QH13", "Nghị định số 28/2015/NĐ-CP quy định chi tiết thi hành Luật Việc làm về bảo hiểm thất nghiệp (sửa đổi, bổ sung)"]
GPLD_FEE = [F("Lệ phí cấp giấy phép lao động cho người lao động nước ngoài" + HDND, 600000)]

P(L("LAODONG", 1), "Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam", "LAODONG", "full_online", "NOIVU",
  "Người sử dụng lao động đề nghị cấp giấy phép lao động cho người lao động nước ngoài làm việc tại tỉnh sau khi đã được chấp thuận nhu cầu sử dụng lao động nước ngoài.",
  flow("NOIVU", "Sở Nội vụ kiểm tra hồ sơ, đối chiếu văn bản chấp thuận nhu cầu sử dụng người lao động nước ngoài.", "Cấp giấy phép lao động.", pay=True),
  [O("Văn bản đề nghị cấp giấy phép lao động của người sử dụng lao động", template="Mẫu số 11/PLI ban hành kèm Nghị định số 152/2020/NĐ-CP"),
   O("Giấy chứng nhận sức khỏe hoặc giấy khám sức khỏe trong thời hạn 12 tháng"),
   O("Phiếu lý lịch tư pháp hoặc văn bản xác nhận không phải là người phạm tội (trong thời hạn 06 tháng)"),
   OC("Văn bản, giấy tờ chứng minh là nhà quản lý, giám đốc điều hành, chuyên gia, lao động kỹ thuật"),
   O("02 ảnh màu cỡ 4cm x 6cm"), OC("Hộ chiếu còn giá trị"),
   OC("Văn bản chấp thuận nhu cầu sử dụng người lao động nước ngoài")],
  GPLD_FEE, 5, "Giấy phép lao động (thời hạn tối đa 02 năm).", LDNN_BASE,
  ["giấy phép lao động", "work permit", "lao động nước ngoài", "người nước ngoài làm việc"],
  note="05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
  conditions="Hồ sơ nộp trước ít nhất 15 ngày kể từ ngày người lao động nước ngoài dự kiến bắt đầu làm việc.")

P(L("LAODONG", 2), "Gia hạn giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam", "LAODONG", "full_online", "NOIVU",
  "Người sử dụng lao động đề nghị gia hạn giấy phép lao động còn thời hạn ít nhất 05 ngày nhưng không quá 45 ngày; được gia hạn một lần tối đa 02 năm.",
  flow("NOIVU", "Sở Nội vụ kiểm tra hồ sơ gia hạn.", "Gia hạn giấy phép lao động.", pay=True),
  [O("Văn bản đề nghị gia hạn giấy phép lao động"), O("02 ảnh màu cỡ 4cm x 6cm"), O("Giấy phép lao động còn thời hạn đã được cấp"),
   OC("Văn bản chấp thuận nhu cầu sử dụng người lao động nước ngoài"), O("Giấy chứng nhận sức khỏe")],
  GPLD_FEE, 5, "Giấy phép lao động đã được gia hạn.", LDNN_BASE,
  ["gia hạn giấy phép lao động", "gia hạn work permit"], note="05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("LAODONG", 3), "Cấp lại giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam", "LAODONG", "full_online", "NOIVU",
  "Người sử dụng lao động đề nghị cấp lại giấy phép lao động còn thời hạn bị mất, hư hỏng hoặc thay đổi họ tên, quốc tịch, số hộ chiếu, địa điểm làm việc.",
  flow("NOIVU", "Sở Nội vụ kiểm tra hồ sơ cấp lại.", "Cấp lại giấy phép lao động.", pay=True),
  [O("Văn bản đề nghị cấp lại giấy phép lao động"), O("02 ảnh màu cỡ 4cm x 6cm"),
   O("Giấy phép lao động đã được cấp (trừ trường hợp bị mất)", required=False)],
  [F("Lệ phí cấp lại giấy phép lao động" + HDND, 450000)],
  3, "Giấy phép lao động (cấp lại).", LDNN_BASE, ["cấp lại giấy phép lao động", "mất work permit"],
  note="03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("LAODONG", 4), "Xác nhận người lao động nước ngoài không thuộc diện cấp giấy phép lao động", "LAODONG", "full_online", "NOIVU",
  "Người sử dụng lao động đề nghị xác nhận người lao động nước ngoài thuộc trường hợp không thuộc diện cấp giấy phép lao động theo quy định.",
  flow("NOIVU", "Sở Nội vụ kiểm tra căn cứ miễn giấy phép lao động.", "Cấp văn bản xác nhận không thuộc diện cấp giấy phép lao động."),
  [O("Văn bản đề nghị xác nhận không thuộc diện cấp giấy phép lao động"), O("Giấy chứng nhận sức khỏe"),
   OC("Hộ chiếu còn giá trị"), OC("Giấy tờ chứng minh thuộc trường hợp không thuộc diện cấp giấy phép lao động")],
  [], 5, "Văn bản xác nhận người lao động nước ngoài không thuộc diện cấp giấy phép lao động.", LDNN_BASE,
  ["miễn giấy phép lao động", "không thuộc diện cấp giấy phép lao động"], note="05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("LAODONG", 5), "Giải quyết hưởng trợ cấp thất nghiệp", "LAODONG", "full_online", "NOIVU",
  "Người lao động đã đóng bảo hiểm thất nghiệp từ đủ 12 tháng trong 24 tháng trước khi chấm dứt hợp đồng lao động đề nghị hưởng trợ cấp thất nghiệp tại Trung tâm Dịch vụ việc làm.",
  flow("NOIVU", "Trung tâm Dịch vụ việc làm tỉnh xem xét hồ sơ, xác định thời gian và mức hưởng.",
       "Giám đốc Sở Nội vụ quyết định hưởng trợ cấp thất nghiệp; cơ quan bảo hiểm xã hội chi trả."),
  [O("Đề nghị hưởng trợ cấp thất nghiệp", template="Mẫu đề nghị hưởng trợ cấp thất nghiệp (ban hành kèm Thông tư hướng dẫn Nghị định số 28/2015/NĐ-CP)"),
   OC("Hợp đồng lao động đã hết hạn hoặc quyết định thôi việc, quyết định sa thải, thỏa thuận chấm dứt hợp đồng lao động"),
   OC("Sổ bảo hiểm xã hội")],
  [], 20, "Quyết định hưởng trợ cấp thất nghiệp.", TCTN_BASE,
  ["trợ cấp thất nghiệp", "bảo hiểm thất nghiệp", "mất việc", "nghỉ việc nhận tiền thất nghiệp"],
  note="20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.",
  conditions="Nộp hồ sơ trong thời hạn 03 tháng kể từ ngày chấm dứt hợp đồng lao động; chưa tìm được việc làm sau 15 ngày kể từ ngày nộp hồ sơ.")

P(L("LAODONG", 6), "Hỗ trợ học nghề cho người lao động đang hưởng trợ cấp thất nghiệp", "LAODONG", "full_online", "NOIVU",
  "Người đang hưởng trợ cấp thất nghiệp có nhu cầu học nghề đề nghị được hỗ trợ chi phí học nghề.",
  flow("NOIVU", "Trung tâm Dịch vụ việc làm tỉnh xem xét đề nghị hỗ trợ học nghề.", "Giám đốc Sở Nội vụ quyết định hỗ trợ học nghề."),
  [O("Đề nghị hỗ trợ học nghề")],
  [], 20, "Quyết định hỗ trợ học nghề.", TCTN_BASE, ["hỗ trợ học nghề", "học nghề miễn phí thất nghiệp"])

P(L("LAODONG", 7), "Đăng ký nội quy lao động của doanh nghiệp", "LAODONG", "full_online", "NOIVU",
  "Người sử dụng lao động sử dụng từ 10 người lao động trở lên phải đăng ký nội quy lao động tại Sở Nội vụ trong 10 ngày kể từ ngày ban hành.",
  flow("NOIVU", "Sở Nội vụ kiểm tra nội dung nội quy lao động; thông báo để sửa đổi nếu có nội dung trái pháp luật."),
  [O("Văn bản đề nghị đăng ký nội quy lao động"), O("Nội quy lao động"),
   O("Văn bản góp ý của tổ chức đại diện người lao động tại cơ sở (nếu có)", required=False),
   O("Các văn bản của người sử dụng lao động có quy định liên quan đến kỷ luật lao động, trách nhiệm vật chất (nếu có)", required=False)],
  [], 7, "Nội quy lao động có hiệu lực sau 15 ngày kể từ ngày cơ quan nhận được hồ sơ, hoặc thông báo yêu cầu sửa đổi.",
  LD_BASE + ["Nghị định số 145/2020/NĐ-CP quy định chi tiết và hướng dẫn thi hành một số điều của Bộ luật Lao động về điều kiện lao động và quan hệ lao động"],
  ["nội quy lao động", "đăng ký nội quy công ty"], note="07 ngày làm việc kể từ ngày nhận được hồ sơ.")

P(L("LAODONG", 8), "Báo cáo giải trình nhu cầu, thay đổi nhu cầu sử dụng người lao động nước ngoài", "LAODONG", "full_online", "NOIVU",
  "Người sử dụng lao động báo cáo giải trình nhu cầu sử dụng người lao động nước ngoài cho từng vị trí công việc trước ít nhất 15 ngày dự kiến sử dụng.",
  flow("NOIVU", "Sở Nội vụ xem xét nhu cầu sử dụng lao động nước ngoài.", "Ban hành văn bản chấp thuận hoặc không chấp thuận."),
  [O("Báo cáo giải trình nhu cầu, thay đổi nhu cầu sử dụng người lao động nước ngoài", template="Mẫu số 01/PLI ban hành kèm Nghị định số 152/2020/NĐ-CP")],
  [], 10, "Văn bản chấp thuận nhu cầu sử dụng người lao động nước ngoài.", LDNN_BASE,
  ["nhu cầu sử dụng lao động nước ngoài", "giải trình lao động nước ngoài"], note="10 ngày kể từ ngày nhận được báo cáo.")

P(L("LAODONG", 9), "Cấp giấy phép hoạt động dịch vụ việc làm của doanh nghiệp hoạt động dịch vụ việc làm", "LAODONG", "partial_online", "NOIVU",
  "Doanh nghiệp đề nghị cấp giấy phép hoạt động dịch vụ việc làm (tư vấn, giới thiệu việc làm, cung ứng, tuyển lao động).",
  flow("NOIVU", "Sở Nội vụ thẩm định hồ sơ và điều kiện ký quỹ, địa điểm, người đứng đầu.", "Cấp giấy phép hoạt động dịch vụ việc làm.", pay=True),
  [O("Văn bản đề nghị cấp giấy phép"), OC("Giấy chứng nhận tiền ký quỹ hoạt động dịch vụ việc làm"),
   OC("Giấy tờ chứng minh địa điểm hoạt động"), O("Lý lịch tự thuật, phiếu lý lịch tư pháp của người đại diện theo pháp luật")],
  [F("Phí thẩm định cấp giấy phép hoạt động dịch vụ việc làm" + HDND, 1000000)],
  7, "Giấy phép hoạt động dịch vụ việc làm.",
  ["Luật Việc làm số 38/2013/QH13", "Nghị định số 23/2021/NĐ-CP quy định chi tiết khoản 3 Điều 37 và Điều 39 của Luật Việc làm về trung tâm dịch vụ việc làm, doanh nghiệp hoạt động dịch vụ việc làm"],
  ["dịch vụ việc làm", "công ty giới thiệu việc làm", "giấy phép môi giới việc làm"], note="07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")


# ================================================================ CÔNG THƯƠNG

RUOU_BASE = ["Nghị định số 105/2017/NĐ-CP về kinh doanh rượu (sửa đổi, bổ sung bởi Nghị định số 17/2020/NĐ-CP)"]
TL_BASE = ["Luật Phòng, chống tác hại của thuốc lá số 09/2012/QH13",
           "Nghị định số 67/2013/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Phòng, chống tác hại của thuốc lá về kinh doanh thuốc lá (sửa đổi, bổ sung)"]

P(L("CONGTHUONG", 1), "Cấp Giấy phép bán lẻ rượu", "CONGTHUONG", "full_online", None,
  "Thương nhân (doanh nghiệp, hộ kinh doanh) có địa điểm kinh doanh cố định đề nghị cấp Giấy phép bán lẻ rượu có độ cồn từ 5,5 độ trở lên; từ ngày 01/7/2025 do UBND cấp xã cấp.",
  flow("xa", "Cơ quan chuyên môn của UBND cấp xã thẩm định hồ sơ, kiểm tra địa điểm kinh doanh.", "Chủ tịch UBND cấp xã cấp Giấy phép bán lẻ rượu.", pay=True),
  [O("Đơn đề nghị cấp Giấy phép bán lẻ rượu", template="Mẫu đơn ban hành kèm Nghị định số 105/2017/NĐ-CP"),
   OC("Giấy chứng nhận đăng ký doanh nghiệp hoặc Giấy chứng nhận đăng ký hộ kinh doanh"),
   OC("Giấy tờ chứng minh quyền sử dụng hợp pháp cơ sở dự kiến làm địa điểm bán lẻ"),
   OC("Văn bản giới thiệu hoặc hợp đồng mua bán của thương nhân sản xuất, phân phối, bán buôn rượu")],
  [F("Phí thẩm định cấp Giấy phép bán lẻ rượu" + VERIFY, 1200000)],
  10, "Giấy phép bán lẻ rượu (thời hạn 05 năm).", RUOU_BASE + ["Thông tư số 168/2016/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí thẩm định kinh doanh thương mại có điều kiện"],
  ["giấy phép bán rượu", "bán lẻ rượu", "kinh doanh rượu", "giấy phép bán bia rượu"],
  note="10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("CONGTHUONG", 2), "Cấp Giấy phép bán lẻ sản phẩm thuốc lá", "CONGTHUONG", "full_online", None,
  "Thương nhân có địa điểm kinh doanh cố định đề nghị cấp Giấy phép bán lẻ sản phẩm thuốc lá; từ ngày 01/7/2025 do UBND cấp xã cấp.",
  flow("xa", "Cơ quan chuyên môn của UBND cấp xã thẩm định hồ sơ, kiểm tra địa điểm kinh doanh.", "Chủ tịch UBND cấp xã cấp Giấy phép bán lẻ sản phẩm thuốc lá.", pay=True),
  [O("Đơn đề nghị cấp Giấy phép bán lẻ sản phẩm thuốc lá", template="Mẫu đơn ban hành kèm Thông tư của Bộ Công Thương hướng dẫn Nghị định số 67/2013/NĐ-CP"),
   OC("Giấy chứng nhận đăng ký doanh nghiệp hoặc Giấy chứng nhận đăng ký hộ kinh doanh"),
   OC("Văn bản giới thiệu của thương nhân phân phối, bán buôn sản phẩm thuốc lá"),
   OC("Giấy tờ chứng minh quyền sử dụng địa điểm kinh doanh")],
  [F("Phí thẩm định cấp Giấy phép bán lẻ sản phẩm thuốc lá" + VERIFY, 1200000)],
  15, "Giấy phép bán lẻ sản phẩm thuốc lá (thời hạn 05 năm).", TL_BASE,
  ["giấy phép bán thuốc lá", "bán lẻ thuốc lá", "tạp hóa bán thuốc lá"],
  note="15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
  conditions="Địa điểm kinh doanh không nằm trong khu vực cấm bán thuốc lá theo Luật Phòng, chống tác hại của thuốc lá.")

P(L("CONGTHUONG", 3), "Cấp Giấy phép sản xuất rượu thủ công nhằm mục đích kinh doanh", "CONGTHUONG", "full_online", None,
  "Tổ chức, cá nhân sản xuất rượu thủ công để bán cho doanh nghiệp có giấy phép sản xuất rượu công nghiệp hoặc bán trực tiếp phải có Giấy phép sản xuất rượu thủ công.",
  flow("xa", "Cơ quan chuyên môn của UBND cấp xã thẩm định hồ sơ, kiểm tra cơ sở sản xuất.", "Chủ tịch UBND cấp xã cấp Giấy phép sản xuất rượu thủ công.", pay=True),
  [O("Đơn đề nghị cấp Giấy phép sản xuất rượu thủ công", template="Mẫu đơn ban hành kèm Nghị định số 105/2017/NĐ-CP"),
   OC("Giấy chứng nhận đăng ký doanh nghiệp hoặc hộ kinh doanh"),
   OC("Bản công bố sản phẩm rượu hoặc bản tự công bố sản phẩm"),
   OC("Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm hoặc cam kết bảo đảm an toàn thực phẩm")],
  [F("Phí thẩm định cấp Giấy phép sản xuất rượu thủ công" + VERIFY, 500000)],
  15, "Giấy phép sản xuất rượu thủ công nhằm mục đích kinh doanh.", RUOU_BASE,
  ["nấu rượu", "sản xuất rượu thủ công", "giấy phép nấu rượu"], note="15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("CONGTHUONG", 4), "Cấp sửa đổi, bổ sung, cấp lại Giấy phép bán lẻ rượu", "CONGTHUONG", "full_online", None,
  "Thương nhân đề nghị sửa đổi, bổ sung Giấy phép bán lẻ rượu khi thay đổi nội dung, hoặc cấp lại khi giấy phép hết hạn, bị mất, hư hỏng.",
  flow("xa", "Cơ quan chuyên môn của UBND cấp xã kiểm tra hồ sơ.", "Chủ tịch UBND cấp xã cấp Giấy phép sửa đổi, bổ sung hoặc cấp lại.", pay=True),
  [O("Đơn đề nghị cấp sửa đổi, bổ sung hoặc cấp lại Giấy phép bán lẻ rượu"), OC("Giấy phép bán lẻ rượu đã được cấp"),
   OC("Giấy tờ chứng minh nội dung thay đổi", required=False)],
  [F("Phí thẩm định cấp sửa đổi, bổ sung, cấp lại Giấy phép bán lẻ rượu" + VERIFY, 600000)],
  10, "Giấy phép bán lẻ rượu (sửa đổi, bổ sung hoặc cấp lại).", RUOU_BASE,
  ["gia hạn giấy phép bán rượu", "cấp lại giấy phép bán rượu"])

P(L("CONGTHUONG", 5), "Cấp Giấy phép bán buôn rượu", "CONGTHUONG", "full_online", "CONGTHUONG",
  "Thương nhân có hệ thống bán buôn rượu trên địa bàn tỉnh đề nghị Sở Công Thương cấp Giấy phép bán buôn rượu có độ cồn từ 5,5 độ trở lên.",
  flow("CONGTHUONG", "Sở Công Thương thẩm định hồ sơ, kiểm tra điều kiện kho hàng, hệ thống phân phối.", "Giám đốc Sở Công Thương cấp Giấy phép bán buôn rượu.", pay=True),
  [O("Đơn đề nghị cấp Giấy phép bán buôn rượu", template="Mẫu đơn ban hành kèm Nghị định số 105/2017/NĐ-CP"),
   OC("Giấy chứng nhận đăng ký doanh nghiệp"), OC("Giấy tờ chứng minh quyền sử dụng kho hàng"),
   OC("Hợp đồng, văn bản giới thiệu với thương nhân sản xuất, phân phối rượu"),
   O("Bảng kê danh sách thương nhân bán lẻ rượu trong hệ thống")],
  [F("Phí thẩm định cấp Giấy phép bán buôn rượu" + VERIFY, 2200000)],
  15, "Giấy phép bán buôn rượu (thời hạn 05 năm).", RUOU_BASE,
  ["bán buôn rượu", "đại lý rượu", "giấy phép bán sỉ rượu"], note="15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("CONGTHUONG", 6), "Cấp Giấy phép bán buôn sản phẩm thuốc lá", "CONGTHUONG", "full_online", "CONGTHUONG",
  "Thương nhân bán buôn sản phẩm thuốc lá trên địa bàn tỉnh đề nghị Sở Công Thương cấp Giấy phép bán buôn sản phẩm thuốc lá.",
  flow("CONGTHUONG", "Sở Công Thương thẩm định hồ sơ, kiểm tra điều kiện kinh doanh.", "Giám đốc Sở Công Thương cấp Giấy phép bán buôn sản phẩm thuốc lá.", pay=True),
  [O("Đơn đề nghị cấp Giấy phép bán buôn sản phẩm thuốc lá"), OC("Giấy chứng nhận đăng ký doanh nghiệp"),
   OC("Văn bản giới thiệu của doanh nghiệp sản xuất hoặc thương nhân phân phối sản phẩm thuốc lá"),
   OC("Giấy tờ chứng minh quyền sử dụng kho hàng, phương tiện vận tải")],
  [F("Phí thẩm định cấp Giấy phép bán buôn sản phẩm thuốc lá" + VERIFY, 2200000)],
  15, "Giấy phép bán buôn sản phẩm thuốc lá.", TL_BASE, ["bán buôn thuốc lá", "đại lý thuốc lá"],
  note="15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("CONGTHUONG", 7), "Cấp Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu", "CONGTHUONG", "partial_online", "CONGTHUONG",
  "Thương nhân sở hữu hoặc thuê cửa hàng bán lẻ xăng dầu đề nghị Sở Công Thương cấp Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu.",
  flow("CONGTHUONG", "Sở Công Thương thẩm định hồ sơ, kiểm tra thực tế cửa hàng (phòng cháy chữa cháy, môi trường, đo lường).",
       "Giám đốc Sở Công Thương cấp Giấy chứng nhận.", pay=True),
  [O("Đơn đề nghị cấp Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu"), OC("Giấy chứng nhận đăng ký doanh nghiệp"),
   OC("Giấy tờ chứng minh cửa hàng phù hợp quy hoạch, thuộc sở hữu hoặc đồng sở hữu hoặc thuê"),
   OC("Văn bản nghiệm thu về phòng cháy, chữa cháy; hồ sơ về bảo vệ môi trường"),
   OC("Giấy chứng nhận kiểm định cột đo xăng dầu")],
  [F("Phí thẩm định cấp Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu" + VERIFY, 1200000)],
  15, "Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu (thời hạn 05 năm).",
  ["Nghị định số 83/2014/NĐ-CP về kinh doanh xăng dầu (sửa đổi, bổ sung bởi Nghị định số 95/2021/NĐ-CP và Nghị định số 80/2023/NĐ-CP)"],
  ["cây xăng", "cửa hàng xăng dầu", "giấy chứng nhận bán lẻ xăng dầu"], note="15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("CONGTHUONG", 8), "Đăng ký thực hiện khuyến mại theo hình thức mang tính may rủi trên địa bàn một tỉnh", "CONGTHUONG", "full_online", "CONGTHUONG",
  "Thương nhân tổ chức khuyến mại mang tính may rủi (bốc thăm, cào trúng thưởng…) chỉ trên địa bàn tỉnh đăng ký với Sở Công Thương.",
  flow("CONGTHUONG", "Sở Công Thương xem xét nội dung chương trình khuyến mại.", "Sở Công Thương ban hành văn bản xác nhận đăng ký thực hiện khuyến mại."),
  [O("Đơn đề nghị đăng ký thực hiện khuyến mại", template="Mẫu đơn ban hành kèm Nghị định số 81/2018/NĐ-CP"),
   O("Thể lệ chương trình khuyến mại"), O("Mẫu vé số dự thưởng (nếu có)", required=False),
   OC("Giấy tờ chứng minh chất lượng hàng hóa khuyến mại theo quy định (nếu có)", required=False)],
  [], 5, "Văn bản xác nhận đăng ký thực hiện khuyến mại.",
  ["Luật Thương mại số 36/2005/QH11", "Nghị định số 81/2018/NĐ-CP quy định chi tiết Luật Thương mại về hoạt động xúc tiến thương mại"],
  ["đăng ký khuyến mại", "bốc thăm trúng thưởng", "chương trình khuyến mại may rủi"], note="05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("CONGTHUONG", 9), "Thông báo thực hiện khuyến mại", "CONGTHUONG", "full_online", "CONGTHUONG",
  "Thương nhân thông báo với Sở Công Thương trước khi thực hiện các hình thức khuyến mại (giảm giá, tặng quà, bán hàng kèm quà…) trên Hệ thống cơ sở dữ liệu trực tuyến.",
  ["Bước 1: Thương nhân gửi thông báo thực hiện khuyến mại trên Cổng Dịch vụ công hoặc Hệ thống quản lý hoạt động khuyến mại trực tuyến chậm nhất 03 ngày làm việc trước khi thực hiện.",
   "Bước 2: Sở Công Thương tiếp nhận thông báo; thương nhân được thực hiện khuyến mại theo nội dung đã thông báo."],
  [O("Thông báo thực hiện khuyến mại", template="Mẫu thông báo ban hành kèm Nghị định số 81/2018/NĐ-CP")],
  [], 0, "Thông báo được tiếp nhận trên hệ thống.",
  ["Luật Thương mại số 36/2005/QH11", "Nghị định số 81/2018/NĐ-CP quy định chi tiết Luật Thương mại về hoạt động xúc tiến thương mại"],
  ["thông báo khuyến mại", "giảm giá", "khuyến mại tặng quà"], note="Tiếp nhận ngay khi thương nhân gửi thông báo hợp lệ.",
  channels=["online"])

P(L("CONGTHUONG", 10), "Cấp Giấy phép kinh doanh cho tổ chức kinh tế có vốn đầu tư nước ngoài để thực hiện quyền phân phối bán lẻ hàng hóa", "CONGTHUONG", "partial_online", "CONGTHUONG",
  "Tổ chức kinh tế có vốn đầu tư nước ngoài đề nghị Sở Công Thương cấp Giấy phép kinh doanh để thực hiện hoạt động mua bán hàng hóa, phân phối bán lẻ.",
  flow("CONGTHUONG", "Sở Công Thương thẩm định hồ sơ, lấy ý kiến Bộ Công Thương và bộ quản lý ngành nếu thuộc trường hợp phải lấy ý kiến.",
       "Giám đốc Sở Công Thương cấp Giấy phép kinh doanh.", pay=True),
  [O("Đơn đề nghị cấp Giấy phép kinh doanh", template="Mẫu đơn ban hành kèm Nghị định số 09/2018/NĐ-CP"),
   O("Bản giải trình có nội dung về điều kiện cấp Giấy phép kinh doanh"), O("Tài liệu về tình hình tài chính của tổ chức kinh tế")],
  [F("Phí thẩm định cấp Giấy phép kinh doanh" + VERIFY, 2000000)],
  10, "Giấy phép kinh doanh.",
  ["Luật Quản lý ngoại thương số 05/2017/QH14", "Nghị định số 09/2018/NĐ-CP quy định chi tiết Luật Thương mại và Luật Quản lý ngoại thương về hoạt động mua bán hàng hóa và các hoạt động liên quan trực tiếp đến mua bán hàng hóa của nhà đầu tư nước ngoài, tổ chức kinh tế có vốn đầu tư nước ngoài tại Việt Nam"],
  ["giấy phép kinh doanh fdi", "quyền phân phối bán lẻ", "doanh nghiệp nước ngoài bán lẻ"],
  note="10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ (không kể thời gian lấy ý kiến nếu có).")

P(L("CONGTHUONG", 11), "Cấp giấy phép hoạt động điện lực trong lĩnh vực phân phối, bán lẻ điện, phát điện quy mô nhỏ", "CONGTHUONG", "partial_online", "CONGTHUONG",
  "Tổ chức đề nghị cấp giấy phép hoạt động phát điện công suất nhỏ, phân phối và bán lẻ điện thuộc thẩm quyền của Sở Công Thương.",
  flow("CONGTHUONG", "Sở Công Thương thẩm định hồ sơ, kiểm tra thực tế (nếu cần).", "Giám đốc Sở Công Thương cấp giấy phép hoạt động điện lực.", pay=True),
  [O("Văn bản đề nghị cấp giấy phép hoạt động điện lực"), OC("Giấy chứng nhận đăng ký doanh nghiệp"),
   O("Danh sách trích ngang người trực tiếp quản lý kỹ thuật, vận hành kèm văn bằng, chứng chỉ"),
   O("Tài liệu về công trình điện, hệ thống đo đếm, hồ sơ nghiệm thu")],
  [F("Phí thẩm định cấp giấy phép hoạt động điện lực" + VERIFY, 800000)],
  15, "Giấy phép hoạt động điện lực.",
  ["Luật Điện lực số 61/2024/QH15", "Thông tư của Bộ Công Thương quy định về trình tự, thủ tục cấp, thu hồi giấy phép hoạt động điện lực"],
  ["giấy phép hoạt động điện lực", "bán lẻ điện", "điện mặt trời"], note="15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")


# ================================================================ VĂN HÓA, DU LỊCH, BÁO CHÍ - XUẤT BẢN (Sở VHTTDL)

LH_BASE = ["Nghị định số 110/2018/NĐ-CP quy định về quản lý và tổ chức lễ hội"]
KARAOKE_BASE = ["Nghị định số 54/2019/NĐ-CP quy định về kinh doanh dịch vụ karaoke, dịch vụ vũ trường",
                "Thông tư số 01/2021/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí thẩm định cấp giấy phép kinh doanh karaoke, vũ trường"]

P(L("VANHOA", 1), "Thông báo tổ chức lễ hội cấp xã", "VANHOA", "full_online", None,
  "Ban tổ chức lễ hội truyền thống, lễ hội văn hóa diễn ra trên địa bàn xã thông báo với UBND cấp xã chậm nhất 20 ngày trước ngày tổ chức.",
  ["Bước 1: Ban tổ chức lễ hội gửi văn bản thông báo đến UBND cấp xã (trực tiếp, qua bưu chính hoặc trực tuyến).",
   "Bước 2: UBND cấp xã tiếp nhận thông báo; trường hợp không đồng ý thì trả lời bằng văn bản nêu rõ lý do trong 05 ngày làm việc.",
   "Bước 3: Ban tổ chức tổ chức lễ hội theo nội dung đã thông báo."],
  [O("Văn bản thông báo tổ chức lễ hội (thời gian, địa điểm, nội dung, thành phần ban tổ chức, phương án bảo đảm an ninh trật tự)")],
  [], 5, "Lễ hội được tổ chức theo thông báo hoặc văn bản trả lời của UBND cấp xã.", LH_BASE,
  ["tổ chức lễ hội", "thông báo lễ hội", "lễ hội đình làng", "lễ hội cấp xã"])

P(L("VANHOA", 2), "Đăng ký tổ chức lễ hội cấp xã", "VANHOA", "partial_online", None,
  "Lễ hội truyền thống được tổ chức lần đầu, hoặc lễ hội đã gián đoạn từ 02 năm trở lên, phải đăng ký với UBND cấp xã.",
  flow("xa", "Cơ quan chuyên môn về văn hóa của UBND cấp xã thẩm định nội dung, phương án tổ chức.", "Chủ tịch UBND cấp xã có văn bản chấp thuận."),
  [O("Văn bản đăng ký tổ chức lễ hội"), O("Đề án tổ chức lễ hội (nội dung, kế hoạch tổ chức, phương án bảo đảm an ninh trật tự, vệ sinh môi trường)")],
  [], 10, "Văn bản chấp thuận tổ chức lễ hội.", LH_BASE, ["đăng ký lễ hội", "xin phép tổ chức lễ hội"])

P(L("VANHOA", 3), "Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke", "VANHOA", "full_online", "VHTTDL",
  "Doanh nghiệp, hộ kinh doanh đề nghị cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke khi phòng hát đáp ứng điều kiện diện tích, phòng cháy chữa cháy, an ninh trật tự.",
  flow("VHTTDL", "Sở Văn hóa, Thể thao và Du lịch thẩm định hồ sơ, thẩm định thực tế cơ sở.", "Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke.", pay=True),
  [O("Đơn đề nghị cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke", template="Mẫu số 01 ban hành kèm Nghị định số 54/2019/NĐ-CP"),
   OC("Giấy chứng nhận đăng ký doanh nghiệp hoặc Giấy chứng nhận đăng ký hộ kinh doanh", required=False)],
  [F("Phí thẩm định tại khu vực thành phố thuộc tỉnh, thị xã: từ 01 đến 03 phòng", 4000000),
   F("Phí thẩm định tại khu vực khác: từ 01 đến 03 phòng", 2000000)],
  5, "Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke.", KARAOKE_BASE,
  ["giấy phép karaoke", "kinh doanh karaoke", "mở quán karaoke"],
  note="05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
  conditions="Phòng hát có diện tích sử dụng từ 20 m² trở lên (không kể công trình phụ); không đặt chốt cửa bên trong hoặc thiết bị báo động; đáp ứng điều kiện về phòng cháy, chữa cháy.")

P(L("VANHOA", 4), "Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ vũ trường", "VANHOA", "partial_online", "VHTTDL",
  "Doanh nghiệp, hộ kinh doanh đề nghị cấp Giấy phép đủ điều kiện kinh doanh dịch vụ vũ trường.",
  flow("VHTTDL", "Sở Văn hóa, Thể thao và Du lịch thẩm định hồ sơ, thẩm định thực tế cơ sở.", "Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ vũ trường.", pay=True),
  [O("Đơn đề nghị cấp Giấy phép đủ điều kiện kinh doanh dịch vụ vũ trường", template="Mẫu số 02 ban hành kèm Nghị định số 54/2019/NĐ-CP"),
   OC("Giấy chứng nhận đăng ký doanh nghiệp hoặc Giấy chứng nhận đăng ký hộ kinh doanh", required=False)],
  [F("Phí thẩm định tại khu vực thành phố thuộc tỉnh, thị xã", 15000000), F("Phí thẩm định tại khu vực khác", 10000000)],
  5, "Giấy phép đủ điều kiện kinh doanh dịch vụ vũ trường.", KARAOKE_BASE,
  ["giấy phép vũ trường", "kinh doanh bar", "mở vũ trường"], note="05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
  conditions="Phòng vũ trường có diện tích sử dụng từ 80 m² trở lên; cách trường học, bệnh viện, cơ sở tôn giáo, di tích từ 200 m trở lên.")

P(L("VANHOA", 5), "Tiếp nhận thông báo sản phẩm quảng cáo trên bảng quảng cáo, băng-rôn", "VANHOA", "full_online", "VHTTDL",
  "Tổ chức, cá nhân thực hiện quảng cáo trên bảng quảng cáo, băng-rôn gửi thông báo sản phẩm quảng cáo đến Sở Văn hóa, Thể thao và Du lịch trước 15 ngày thực hiện.",
  ["Bước 1: Tổ chức, cá nhân gửi hồ sơ thông báo sản phẩm quảng cáo trực tiếp, qua bưu chính hoặc trực tuyến.",
   "Bước 2: Sở Văn hóa, Thể thao và Du lịch tiếp nhận; trường hợp không đồng ý thì trả lời bằng văn bản nêu rõ lý do trong 05 ngày làm việc.",
   "Bước 3: Tổ chức, cá nhân thực hiện quảng cáo theo nội dung đã thông báo."],
  [O("Văn bản thông báo sản phẩm quảng cáo (nội dung, thời gian, địa điểm, số lượng bảng, băng-rôn)"),
   O("Maket sản phẩm quảng cáo in màu có chữ ký của tổ chức, cá nhân quảng cáo"),
   OC("Giấy tờ chứng minh sự phù hợp của hàng hóa, dịch vụ quảng cáo (nếu thuộc diện phải có)", required=False)],
  [], 5, "Văn bản tiếp nhận hoặc ý kiến trả lời của Sở Văn hóa, Thể thao và Du lịch.",
  ["Luật Quảng cáo số 16/2012/QH13", "Nghị định số 181/2013/NĐ-CP quy định chi tiết thi hành một số điều của Luật Quảng cáo"],
  ["quảng cáo băng rôn", "bảng quảng cáo", "treo băng rôn", "thông báo quảng cáo"])

P(L("VANHOA", 6), "Tiếp nhận thông báo tổ chức biểu diễn nghệ thuật", "VANHOA", "full_online", "VHTTDL",
  "Tổ chức, cá nhân tổ chức chương trình biểu diễn nghệ thuật (không thuộc trường hợp cơ quan nhà nước tổ chức) thông báo với Sở Văn hóa, Thể thao và Du lịch trước ít nhất 05 ngày làm việc.",
  ["Bước 1: Tổ chức, cá nhân gửi văn bản thông báo tổ chức biểu diễn nghệ thuật đến Sở Văn hóa, Thể thao và Du lịch.",
   "Bước 2: Sở tiếp nhận; trường hợp không đồng ý thì trả lời bằng văn bản nêu rõ lý do.",
   "Bước 3: Tổ chức biểu diễn theo nội dung đã thông báo."],
  [O("Văn bản thông báo tổ chức biểu diễn nghệ thuật", template="Mẫu văn bản thông báo ban hành kèm Nghị định số 144/2020/NĐ-CP")],
  [], 5, "Chương trình biểu diễn được tổ chức theo thông báo hoặc văn bản trả lời của Sở.",
  ["Nghị định số 144/2020/NĐ-CP quy định về hoạt động nghệ thuật biểu diễn"],
  ["biểu diễn nghệ thuật", "tổ chức ca nhạc", "xin phép biểu diễn", "đêm nhạc"])

P(L("VANHOA", 7), "Đăng ký tổ chức lễ hội cấp tỉnh", "VANHOA", "partial_online", "VHTTDL",
  "Ban tổ chức lễ hội truyền thống được tổ chức lần đầu hoặc gián đoạn, có quy mô cấp tỉnh, đăng ký với Sở Văn hóa, Thể thao và Du lịch để trình UBND tỉnh chấp thuận.",
  flow("VHTTDL", "Sở Văn hóa, Thể thao và Du lịch thẩm định hồ sơ, trình UBND tỉnh.", "UBND tỉnh có văn bản chấp thuận tổ chức lễ hội."),
  [O("Văn bản đăng ký tổ chức lễ hội"), O("Đề án tổ chức lễ hội")],
  [], 15, "Văn bản chấp thuận tổ chức lễ hội.", LH_BASE, ["lễ hội cấp tỉnh", "đăng ký lễ hội lớn"])

DL_BASE = ["Luật Du lịch số 09/2017/QH14", "Nghị định số 168/2017/NĐ-CP quy định chi tiết một số điều của Luật Du lịch",
           "Thông tư số 33/2018/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí thẩm định cấp giấy phép kinh doanh dịch vụ lữ hành, phí thẩm định cấp thẻ hướng dẫn viên du lịch"]

P(L("DULICH", 1), "Cấp thẻ hướng dẫn viên du lịch nội địa", "DULICH", "full_online", "VHTTDL",
  "Người có trình độ trung cấp chuyên ngành hướng dẫn du lịch trở lên hoặc đạt kỳ kiểm tra nghiệp vụ đề nghị cấp thẻ hướng dẫn viên du lịch nội địa.",
  flow("VHTTDL", "Sở Văn hóa, Thể thao và Du lịch thẩm định hồ sơ.", "Cấp thẻ hướng dẫn viên du lịch (thời hạn 05 năm).", pay=True),
  [O("Đơn đề nghị cấp thẻ hướng dẫn viên du lịch", template="Mẫu đơn ban hành kèm Thông tư của Bộ Văn hóa, Thể thao và Du lịch hướng dẫn Luật Du lịch"),
   O("Sơ yếu lý lịch có xác nhận"), OC("Văn bằng chuyên ngành hướng dẫn du lịch hoặc chứng chỉ nghiệp vụ hướng dẫn du lịch nội địa"),
   O("Giấy chứng nhận sức khỏe trong thời hạn 06 tháng"), O("02 ảnh chân dung màu cỡ 3cm x 4cm")],
  [F("Phí thẩm định cấp thẻ hướng dẫn viên du lịch nội địa", 650000)],
  10, "Thẻ hướng dẫn viên du lịch nội địa.", DL_BASE,
  ["thẻ hướng dẫn viên", "hướng dẫn viên nội địa", "thẻ hdv"], note="10 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("DULICH", 2), "Cấp thẻ hướng dẫn viên du lịch quốc tế", "DULICH", "full_online", "VHTTDL",
  "Người có trình độ chuyên môn và ngoại ngữ theo quy định đề nghị cấp thẻ hướng dẫn viên du lịch quốc tế.",
  flow("VHTTDL", "Sở Văn hóa, Thể thao và Du lịch thẩm định hồ sơ.", "Cấp thẻ hướng dẫn viên du lịch quốc tế (thời hạn 05 năm).", pay=True),
  [O("Đơn đề nghị cấp thẻ hướng dẫn viên du lịch"), O("Sơ yếu lý lịch có xác nhận"),
   OC("Văn bằng chuyên ngành hoặc chứng chỉ nghiệp vụ hướng dẫn du lịch quốc tế"), OC("Giấy tờ chứng minh sử dụng thành thạo ngoại ngữ"),
   O("Giấy chứng nhận sức khỏe trong thời hạn 06 tháng"), O("02 ảnh chân dung màu cỡ 3cm x 4cm")],
  [F("Phí thẩm định cấp thẻ hướng dẫn viên du lịch quốc tế", 650000)],
  10, "Thẻ hướng dẫn viên du lịch quốc tế.", DL_BASE, ["hướng dẫn viên quốc tế", "thẻ hướng dẫn viên quốc tế"],
  note="10 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("DULICH", 3), "Cấp đổi, cấp lại thẻ hướng dẫn viên du lịch", "DULICH", "full_online", "VHTTDL",
  "Hướng dẫn viên đề nghị cấp đổi thẻ sắp hết hạn hoặc thay đổi thông tin, cấp lại thẻ bị mất, hư hỏng.",
  flow("VHTTDL", "Sở Văn hóa, Thể thao và Du lịch kiểm tra hồ sơ.", "Cấp đổi hoặc cấp lại thẻ hướng dẫn viên du lịch.", pay=True),
  [O("Đơn đề nghị cấp đổi, cấp lại thẻ hướng dẫn viên du lịch"), O("02 ảnh chân dung màu cỡ 3cm x 4cm"),
   OC("Giấy chứng nhận đã qua khóa cập nhật kiến thức (trường hợp cấp đổi)", required=False)],
  [F("Phí thẩm định cấp đổi thẻ hướng dẫn viên du lịch", 650000), F("Phí thẩm định cấp lại thẻ hướng dẫn viên du lịch", 650000)],
  10, "Thẻ hướng dẫn viên du lịch (cấp đổi/cấp lại).", DL_BASE, ["đổi thẻ hướng dẫn viên", "mất thẻ hướng dẫn viên"])

P(L("DULICH", 4), "Cấp Giấy phép kinh doanh dịch vụ lữ hành nội địa", "DULICH", "full_online", "VHTTDL",
  "Doanh nghiệp đáp ứng điều kiện ký quỹ và người phụ trách kinh doanh lữ hành đề nghị cấp Giấy phép kinh doanh dịch vụ lữ hành nội địa.",
  flow("VHTTDL", "Sở Văn hóa, Thể thao và Du lịch thẩm định hồ sơ.", "Cấp Giấy phép kinh doanh dịch vụ lữ hành nội địa.", pay=True),
  [O("Đơn đề nghị cấp Giấy phép kinh doanh dịch vụ lữ hành nội địa"), OC("Giấy chứng nhận đăng ký doanh nghiệp"),
   O("Giấy chứng nhận ký quỹ kinh doanh dịch vụ lữ hành nội địa"),
   OC("Quyết định bổ nhiệm hoặc hợp đồng lao động của người phụ trách kinh doanh dịch vụ lữ hành"),
   OC("Văn bằng, chứng chỉ của người phụ trách kinh doanh dịch vụ lữ hành")],
  [F("Phí thẩm định cấp Giấy phép kinh doanh dịch vụ lữ hành nội địa", 3000000)],
  10, "Giấy phép kinh doanh dịch vụ lữ hành nội địa.", DL_BASE,
  ["giấy phép lữ hành", "mở công ty du lịch", "kinh doanh tour", "lữ hành nội địa"], note="10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("DULICH", 5), "Công nhận hạng cơ sở lưu trú du lịch hạng 1 sao, 2 sao", "DULICH", "partial_online", "VHTTDL",
  "Khách sạn, biệt thự du lịch, căn hộ du lịch, tàu thủy lưu trú du lịch đề nghị công nhận hạng 1 sao, 2 sao.",
  flow("VHTTDL", "Sở Văn hóa, Thể thao và Du lịch thẩm định thực tế cơ sở theo tiêu chuẩn quốc gia.", "Quyết định công nhận hạng và cấp biển hiệu hạng sao.", pay=True),
  [O("Đơn đề nghị công nhận hạng cơ sở lưu trú du lịch"), O("Bản tự đánh giá chất lượng cơ sở lưu trú theo tiêu chuẩn quốc gia"),
   O("Danh sách người quản lý và nhân viên kèm văn bằng, chứng chỉ")],
  [F("Phí thẩm định công nhận hạng cơ sở lưu trú du lịch 1 sao, 2 sao" + VERIFY, 1500000)],
  30, "Quyết định công nhận hạng cơ sở lưu trú du lịch; biển hiệu hạng sao.", DL_BASE,
  ["xếp hạng khách sạn", "khách sạn 2 sao", "công nhận hạng sao"], note="30 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("DULICH", 6), "Công nhận cơ sở kinh doanh dịch vụ du lịch khác đạt tiêu chuẩn phục vụ khách du lịch", "DULICH", "partial_online", "VHTTDL",
  "Cơ sở kinh doanh dịch vụ ăn uống, mua sắm, thể thao, vui chơi giải trí, chăm sóc sức khỏe tự nguyện đề nghị công nhận đạt tiêu chuẩn phục vụ khách du lịch.",
  flow("VHTTDL", "Sở Văn hóa, Thể thao và Du lịch thẩm định thực tế theo tiêu chuẩn.", "Quyết định công nhận và cấp biển hiệu đạt tiêu chuẩn phục vụ khách du lịch."),
  [O("Đơn đề nghị công nhận cơ sở kinh doanh dịch vụ đạt tiêu chuẩn phục vụ khách du lịch"), O("Bản tự đánh giá theo tiêu chuẩn")],
  [], 15, "Quyết định công nhận; biển hiệu đạt tiêu chuẩn phục vụ khách du lịch.", DL_BASE,
  ["nhà hàng đạt chuẩn du lịch", "biển hiệu đạt chuẩn phục vụ khách du lịch"])

XB_BASE = ["Luật Xuất bản số 19/2012/QH13", "Nghị định số 195/2013/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Xuất bản (sửa đổi, bổ sung bởi Nghị định số 150/2018/NĐ-CP)"]
IN_BASE = ["Nghị định số 60/2014/NĐ-CP quy định về hoạt động in (sửa đổi, bổ sung bởi Nghị định số 25/2018/NĐ-CP và Nghị định số 72/2022/NĐ-CP)"]

P(L("BAOCHI", 1), "Cấp giấy phép xuất bản bản tin (địa phương)", "BAOCHI", "partial_online", "VHTTDL",
  "Cơ quan, tổ chức, doanh nghiệp trên địa bàn tỉnh đề nghị cấp giấy phép xuất bản bản tin in hoặc bản tin điện tử để thông tin nội bộ, hoạt động chuyên môn.",
  flow("VHTTDL", "Sở Văn hóa, Thể thao và Du lịch thẩm định hồ sơ.", "Giám đốc Sở cấp giấy phép xuất bản bản tin."),
  [O("Tờ khai đề nghị cấp giấy phép xuất bản bản tin"), OC("Giấy tờ chứng minh tư cách pháp nhân"),
   O("Sơ yếu lý lịch người chịu trách nhiệm xuất bản bản tin"), O("Mẫu trình bày tên gọi của bản tin")],
  [], 15, "Giấy phép xuất bản bản tin.", ["Luật Báo chí số 103/2016/QH13"],
  ["giấy phép bản tin", "xuất bản bản tin nội bộ", "bản tin doanh nghiệp"], note="15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("BAOCHI", 2), "Cấp giấy phép xuất bản tài liệu không kinh doanh", "BAOCHI", "full_online", "VHTTDL",
  "Cơ quan, tổ chức, cá nhân trên địa bàn tỉnh đề nghị cấp giấy phép xuất bản tài liệu không kinh doanh (kỷ yếu, tài liệu hội thảo, sách tuyên truyền phát miễn phí…).",
  flow("VHTTDL", "Sở Văn hóa, Thể thao và Du lịch đọc duyệt nội dung tài liệu.", "Cấp giấy phép xuất bản tài liệu không kinh doanh."),
  [O("Đơn đề nghị cấp giấy phép xuất bản tài liệu không kinh doanh"), O("02 bản thảo tài liệu in hoặc tệp điện tử của tài liệu")],
  [], 10, "Giấy phép xuất bản tài liệu không kinh doanh.", XB_BASE,
  ["xuất bản kỷ yếu", "in tài liệu không kinh doanh", "giấy phép xuất bản tài liệu"], note="10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("BAOCHI", 3), "Cấp giấy phép hoạt động in", "BAOCHI", "partial_online", "VHTTDL",
  "Cơ sở in thực hiện chế bản, in, gia công sau in đối với sản phẩm báo, tạp chí, tem chống giả, tài liệu mật… đề nghị cấp giấy phép hoạt động in.",
  flow("VHTTDL", "Sở Văn hóa, Thể thao và Du lịch thẩm định hồ sơ, kiểm tra thực tế điều kiện hoạt động in.", "Cấp giấy phép hoạt động in."),
  [O("Đơn đề nghị cấp giấy phép hoạt động in"), OC("Giấy chứng nhận đăng ký doanh nghiệp"),
   OC("Giấy tờ chứng minh quyền sở hữu hoặc quyền sử dụng hợp pháp thiết bị in"),
   OC("Văn bằng của người đứng đầu cơ sở in")],
  [], 15, "Giấy phép hoạt động in.", IN_BASE, ["giấy phép in", "cơ sở in", "hoạt động in ấn"],
  note="15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("BAOCHI", 4), "Đăng ký hoạt động cơ sở in", "BAOCHI", "full_online", "VHTTDL",
  "Cơ sở in không thuộc trường hợp phải cấp giấy phép đăng ký hoạt động với Sở Văn hóa, Thể thao và Du lịch trong 30 ngày kể từ ngày đầu tư.",
  flow("VHTTDL", "Sở Văn hóa, Thể thao và Du lịch kiểm tra tờ khai đăng ký.", "Cấp văn bản xác nhận đăng ký hoạt động cơ sở in."),
  [O("Tờ khai đăng ký hoạt động cơ sở in"), OC("Giấy chứng nhận đăng ký doanh nghiệp hoặc hộ kinh doanh")],
  [], 5, "Giấy xác nhận đăng ký hoạt động cơ sở in.", IN_BASE, ["đăng ký cơ sở in", "mở tiệm in"],
  note="05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("BAOCHI", 5), "Cấp giấy phép nhập khẩu xuất bản phẩm không kinh doanh", "BAOCHI", "full_online", "VHTTDL",
  "Cơ quan, tổ chức, cá nhân trên địa bàn tỉnh đề nghị cấp giấy phép nhập khẩu sách, báo, tài liệu để sử dụng riêng, không nhằm mục đích kinh doanh.",
  flow("VHTTDL", "Sở Văn hóa, Thể thao và Du lịch kiểm tra danh mục xuất bản phẩm nhập khẩu.", "Cấp giấy phép nhập khẩu xuất bản phẩm không kinh doanh."),
  [O("Đơn đề nghị cấp giấy phép nhập khẩu xuất bản phẩm không kinh doanh"), O("Danh mục xuất bản phẩm nhập khẩu")],
  [], 10, "Giấy phép nhập khẩu xuất bản phẩm không kinh doanh.", XB_BASE,
  ["nhập khẩu sách", "nhập khẩu xuất bản phẩm", "sách nước ngoài"], note="10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("BAOCHI", 6), "Cấp giấy phép tổ chức triển lãm, hội chợ xuất bản phẩm", "BAOCHI", "partial_online", "VHTTDL",
  "Cơ quan, tổ chức đề nghị cấp giấy phép tổ chức triển lãm, hội chợ sách và xuất bản phẩm trên địa bàn tỉnh.",
  flow("VHTTDL", "Sở Văn hóa, Thể thao và Du lịch thẩm định hồ sơ, danh mục xuất bản phẩm.", "Cấp giấy phép tổ chức triển lãm, hội chợ xuất bản phẩm."),
  [O("Đơn đề nghị cấp giấy phép tổ chức triển lãm, hội chợ xuất bản phẩm"), O("Danh mục xuất bản phẩm tham gia triển lãm, hội chợ")],
  [], 10, "Giấy phép tổ chức triển lãm, hội chợ xuất bản phẩm.", XB_BASE, ["hội chợ sách", "triển lãm sách"],
  note="10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")


# ================================================================ BƯU CHÍNH, KHOA HỌC VÀ CÔNG NGHỆ (Sở KH&CN)

BC_BASE = ["Luật Bưu chính số 49/2010/QH12", "Nghị định số 47/2011/NĐ-CP quy định chi tiết thi hành một số nội dung của Luật Bưu chính (sửa đổi, bổ sung bởi Nghị định số 25/2022/NĐ-CP)"]

P(L("BUUCHINH", 1), "Cấp giấy phép bưu chính (phạm vi nội tỉnh)", "BUUCHINH", "full_online", "KHCN",
  "Doanh nghiệp cung ứng dịch vụ thư có khối lượng đơn chiếc đến 2 kg trong phạm vi nội tỉnh đề nghị Sở Khoa học và Công nghệ cấp giấy phép bưu chính.",
  flow("KHCN", "Sở Khoa học và Công nghệ thẩm định hồ sơ.", "Cấp giấy phép bưu chính.", pay=True),
  [O("Đơn đề nghị cấp giấy phép bưu chính"), OC("Giấy chứng nhận đăng ký doanh nghiệp"),
   O("Phương án kinh doanh"), O("Mẫu hợp đồng cung ứng và sử dụng dịch vụ bưu chính"), O("Bảng giá cước dịch vụ")],
  [F("Phí thẩm định điều kiện hoạt động bưu chính phạm vi nội tỉnh" + VERIFY, 10000000)],
  20, "Giấy phép bưu chính.", BC_BASE, ["giấy phép bưu chính", "kinh doanh chuyển phát", "dịch vụ giao hàng"],
  note="20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("BUUCHINH", 2), "Xác nhận thông báo hoạt động bưu chính", "BUUCHINH", "full_online", "KHCN",
  "Doanh nghiệp cung ứng dịch vụ bưu chính không thuộc phạm vi phải cấp giấy phép, văn phòng đại diện, chi nhánh bưu chính thông báo hoạt động với Sở Khoa học và Công nghệ.",
  flow("KHCN", "Sở Khoa học và Công nghệ kiểm tra hồ sơ thông báo.", "Cấp văn bản xác nhận thông báo hoạt động bưu chính."),
  [O("Văn bản thông báo hoạt động bưu chính"), OC("Giấy chứng nhận đăng ký doanh nghiệp"), O("Mẫu hợp đồng cung ứng dịch vụ bưu chính")],
  [], 7, "Văn bản xác nhận thông báo hoạt động bưu chính.", BC_BASE, ["thông báo hoạt động bưu chính", "chuyển phát nhanh"],
  note="07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("BUUCHINH", 3), "Đăng ký hợp đồng chuyển giao công nghệ", "BUUCHINH", "full_online", "KHCN",
  "Bên nhận hoặc bên giao công nghệ đăng ký hợp đồng chuyển giao công nghệ (trừ công nghệ hạn chế chuyển giao) với Sở Khoa học và Công nghệ.",
  flow("KHCN", "Sở Khoa học và Công nghệ thẩm tra hợp đồng chuyển giao công nghệ.", "Cấp Giấy chứng nhận đăng ký chuyển giao công nghệ.", pay=True),
  [O("Văn bản đề nghị đăng ký chuyển giao công nghệ"), C("Bản sao hợp đồng chuyển giao công nghệ kèm bản dịch tiếng Việt (nếu bằng tiếng nước ngoài)"),
   OC("Giấy tờ pháp lý của các bên tham gia hợp đồng")],
  [F("Phí thẩm định hợp đồng chuyển giao công nghệ (0,1% tổng giá trị hợp đồng, tối thiểu)" + VERIFY, 5000000)],
  5, "Giấy chứng nhận đăng ký chuyển giao công nghệ.",
  ["Luật Chuyển giao công nghệ số 07/2017/QH14", "Nghị định số 76/2018/NĐ-CP quy định chi tiết và hướng dẫn thi hành một số điều của Luật Chuyển giao công nghệ"],
  ["chuyển giao công nghệ", "hợp đồng chuyển giao công nghệ", "đăng ký công nghệ"],
  note="05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("BUUCHINH", 4), "Cấp Giấy chứng nhận doanh nghiệp khoa học và công nghệ", "BUUCHINH", "partial_online", "KHCN",
  "Doanh nghiệp có kết quả khoa học và công nghệ được ứng dụng, thương mại hóa đề nghị cấp Giấy chứng nhận doanh nghiệp khoa học và công nghệ để hưởng ưu đãi.",
  flow("KHCN", "Sở Khoa học và Công nghệ thẩm định kết quả khoa học và công nghệ, lấy ý kiến chuyên gia nếu cần.",
       "Cấp Giấy chứng nhận doanh nghiệp khoa học và công nghệ."),
  [O("Đơn đề nghị chứng nhận doanh nghiệp khoa học và công nghệ"), OC("Giấy chứng nhận đăng ký doanh nghiệp"),
   OC("Văn bản xác nhận quyền sở hữu, quyền sử dụng hợp pháp kết quả khoa học và công nghệ"),
   O("Phương án sản xuất, kinh doanh sản phẩm hình thành từ kết quả khoa học và công nghệ")],
  [], 15, "Giấy chứng nhận doanh nghiệp khoa học và công nghệ.",
  ["Luật Chuyển giao công nghệ số 07/2017/QH14", "Nghị định số 13/2019/NĐ-CP về doanh nghiệp khoa học và công nghệ"],
  ["doanh nghiệp khoa học công nghệ", "ưu đãi doanh nghiệp công nghệ"])

P(L("BUUCHINH", 5), "Cấp giấy phép tiến hành công việc bức xạ - sử dụng thiết bị X-quang chẩn đoán trong y tế", "BUUCHINH", "full_online", "KHCN",
  "Cơ sở y tế sử dụng thiết bị X-quang chẩn đoán (X-quang tổng hợp, nha khoa, CT…) đề nghị Sở Khoa học và Công nghệ cấp giấy phép tiến hành công việc bức xạ.",
  flow("KHCN", "Sở Khoa học và Công nghệ thẩm định hồ sơ an toàn bức xạ, kiểm tra thực tế nếu cần.", "Cấp giấy phép tiến hành công việc bức xạ.", pay=True),
  [O("Đơn đề nghị cấp giấy phép tiến hành công việc bức xạ"), O("Báo cáo đánh giá an toàn bức xạ"),
   OC("Chứng chỉ nhân viên bức xạ của người phụ trách an toàn"), OC("Giấy chứng nhận kiểm định thiết bị X-quang"),
   OC("Hợp đồng theo dõi liều chiếu xạ cá nhân")],
  [F("Phí thẩm định cấp giấy phép sử dụng thiết bị X-quang chẩn đoán y tế (mỗi thiết bị)" + VERIFY, 2000000)],
  15, "Giấy phép tiến hành công việc bức xạ.",
  ["Luật Năng lượng nguyên tử số 18/2008/QH12", "Nghị định số 142/2020/NĐ-CP quy định về việc tiến hành công việc bức xạ và hoạt động dịch vụ hỗ trợ ứng dụng năng lượng nguyên tử"],
  ["giấy phép x-quang", "an toàn bức xạ", "máy x quang nha khoa"], note="15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")


# ================================================================ NÔNG NGHIỆP, THỦY SẢN, TÀI NGUYÊN NƯỚC, MÔI TRƯỜNG

P(L("NONGNGHIEP", 1), "Hỗ trợ khôi phục sản xuất vùng bị thiệt hại do thiên tai, dịch bệnh", "NONGNGHIEP", "partial_online", None,
  "Hộ gia đình, cá nhân, tổ chức sản xuất nông nghiệp bị thiệt hại do thiên tai, dịch bệnh (cây trồng, vật nuôi, thủy sản) đề nghị hỗ trợ để khôi phục sản xuất.",
  flow("xa", "UBND cấp xã kiểm tra, xác định mức độ thiệt hại thực tế, niêm yết công khai danh sách đề nghị hỗ trợ.",
       "Chủ tịch UBND cấp xã quyết định hoặc đề nghị cấp có thẩm quyền quyết định hỗ trợ."),
  [O("Đơn đề nghị hỗ trợ khôi phục sản xuất (kê khai diện tích, số lượng cây trồng, vật nuôi bị thiệt hại)")],
  [], 10, "Quyết định hỗ trợ khôi phục sản xuất.",
  ["Luật Phòng, chống thiên tai số 33/2013/QH13 (sửa đổi, bổ sung)", "Nghị định số 09/2025/NĐ-CP quy định chính sách hỗ trợ cây trồng, vật nuôi, nuôi trồng thủy sản bị thiệt hại do thiên tai, dịch bệnh"],
  ["hỗ trợ thiệt hại thiên tai", "lúa bị thiệt hại", "dịch tả heo hỗ trợ", "hỗ trợ nông dân bị thiệt hại"],
  note="Theo thời gian tổng hợp, phê duyệt của cấp có thẩm quyền; không quá 10 ngày làm việc tại cấp xã.")

P(L("NONGNGHIEP", 2), "Kê khai hoạt động chăn nuôi", "NONGNGHIEP", "full_online", None,
  "Tổ chức, cá nhân chăn nuôi quy mô nông hộ và trang trại quy mô nhỏ kê khai hoạt động chăn nuôi với UBND cấp xã theo định kỳ.",
  ["Bước 1: Tổ chức, cá nhân kê khai hoạt động chăn nuôi theo mẫu, gửi UBND cấp xã (trực tiếp, qua bưu chính hoặc trực tuyến).",
   "Bước 2: UBND cấp xã tiếp nhận, tổng hợp thông tin kê khai vào cơ sở dữ liệu chăn nuôi."],
  [O("Bản kê khai hoạt động chăn nuôi (theo mẫu ban hành kèm Thông tư của Bộ Nông nghiệp và Phát triển nông thôn hướng dẫn Luật Chăn nuôi)")],
  [], 0, "Thông tin kê khai được tiếp nhận, cập nhật.",
  ["Luật Chăn nuôi số 32/2018/QH14", "Nghị định số 13/2020/NĐ-CP hướng dẫn chi tiết Luật Chăn nuôi"],
  ["kê khai chăn nuôi", "đăng ký chăn nuôi", "nuôi heo kê khai"], note="Tiếp nhận ngay khi nhận được bản kê khai.")

P(L("NONGNGHIEP", 3), "Cấp Giấy chứng nhận đủ điều kiện buôn bán phân bón", "NONGNGHIEP", "full_online", "NNMT",
  "Tổ chức, cá nhân buôn bán phân bón đề nghị Sở Nông nghiệp và Môi trường cấp Giấy chứng nhận đủ điều kiện buôn bán phân bón.",
  flow("NNMT", "Sở Nông nghiệp và Môi trường thẩm định hồ sơ, kiểm tra thực tế điều kiện buôn bán.", "Cấp Giấy chứng nhận đủ điều kiện buôn bán phân bón.", pay=True),
  [O("Đơn đề nghị cấp Giấy chứng nhận đủ điều kiện buôn bán phân bón", template="Mẫu đơn ban hành kèm Nghị định số 84/2019/NĐ-CP"),
   O("Bản thuyết minh điều kiện buôn bán phân bón"),
   OC("Giấy chứng nhận bồi dưỡng chuyên môn về phân bón hoặc văn bằng chuyên ngành của người trực tiếp buôn bán")],
  [F("Phí thẩm định điều kiện buôn bán phân bón" + VERIFY, 500000)],
  15, "Giấy chứng nhận đủ điều kiện buôn bán phân bón.",
  ["Luật Trồng trọt số 31/2018/QH14", "Nghị định số 84/2019/NĐ-CP quy định về quản lý phân bón"],
  ["buôn bán phân bón", "cửa hàng phân bón", "giấy phép bán phân bón"], note="15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("NONGNGHIEP", 4), "Cấp Giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật", "NONGNGHIEP", "full_online", "NNMT",
  "Cửa hàng, đại lý buôn bán thuốc bảo vệ thực vật đề nghị cấp Giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật.",
  flow("NNMT", "Sở Nông nghiệp và Môi trường thẩm định hồ sơ, kiểm tra thực tế cửa hàng, kho thuốc.", "Cấp Giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật.", pay=True),
  [O("Đơn đề nghị cấp Giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật"), O("Bản thuyết minh điều kiện buôn bán thuốc bảo vệ thực vật"),
   OC("Văn bằng chuyên ngành hoặc giấy chứng nhận bồi dưỡng chuyên môn về thuốc bảo vệ thực vật")],
  [F("Phí thẩm định điều kiện buôn bán thuốc bảo vệ thực vật" + VERIFY, 500000)],
  15, "Giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật.",
  ["Luật Bảo vệ và kiểm dịch thực vật số 41/2013/QH13", "Thông tư số 21/2015/TT-BNNPTNT về quản lý thuốc bảo vệ thực vật"],
  ["buôn bán thuốc bảo vệ thực vật", "thuốc trừ sâu", "đại lý thuốc bvtv"], note="15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("NONGNGHIEP", 5), "Cấp Giấy chứng nhận đủ điều kiện chăn nuôi đối với chăn nuôi trang trại quy mô lớn", "NONGNGHIEP", "partial_online", "NNMT",
  "Tổ chức, cá nhân chăn nuôi trang trại quy mô lớn đề nghị cấp Giấy chứng nhận đủ điều kiện chăn nuôi.",
  flow("NNMT", "Sở Nông nghiệp và Môi trường thẩm định hồ sơ, đánh giá thực tế điều kiện chăn nuôi.", "Cấp Giấy chứng nhận đủ điều kiện chăn nuôi.", pay=True),
  [O("Đơn đề nghị cấp Giấy chứng nhận đủ điều kiện chăn nuôi"), O("Thuyết minh về điều kiện chăn nuôi"),
   OC("Hồ sơ về bảo vệ môi trường đã được phê duyệt hoặc xác nhận")],
  [F("Phí thẩm định cấp Giấy chứng nhận đủ điều kiện chăn nuôi" + VERIFY, 5000000)],
  20, "Giấy chứng nhận đủ điều kiện chăn nuôi.", ["Luật Chăn nuôi số 32/2018/QH14", "Nghị định số 13/2020/NĐ-CP hướng dẫn chi tiết Luật Chăn nuôi"],
  ["trang trại chăn nuôi", "giấy chứng nhận chăn nuôi", "trại heo quy mô lớn"], note="20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("NONGNGHIEP", 6), "Cấp chứng chỉ hành nghề thú y (tiêm phòng, chữa bệnh, phẫu thuật động vật; tư vấn, dịch vụ kỹ thuật về thú y; buôn bán thuốc thú y)", "NONGNGHIEP", "full_online", "NNMT",
  "Cá nhân hành nghề thú y đề nghị cấp chứng chỉ hành nghề thú y tại Sở Nông nghiệp và Môi trường.",
  flow("NNMT", "Sở Nông nghiệp và Môi trường thẩm định hồ sơ.", "Cấp chứng chỉ hành nghề thú y.", pay=True),
  [O("Đơn đăng ký cấp chứng chỉ hành nghề thú y"), OC("Văn bằng, chứng chỉ chuyên môn phù hợp"), O("Giấy chứng nhận sức khỏe"), O("01 ảnh 4cm x 6cm")],
  [F("Phí thẩm định cấp chứng chỉ hành nghề thú y" + VERIFY, 200000)],
  5, "Chứng chỉ hành nghề thú y.", ["Luật Thú y số 79/2015/QH13", "Nghị định số 35/2016/NĐ-CP quy định chi tiết một số điều của Luật Thú y"],
  ["chứng chỉ hành nghề thú y", "bác sĩ thú y", "bán thuốc thú y"], note="05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("NONGNGHIEP", 7), "Kiểm dịch động vật, sản phẩm động vật vận chuyển ra khỏi địa bàn cấp tỉnh", "NONGNGHIEP", "full_online", "NNMT",
  "Chủ hàng vận chuyển động vật, sản phẩm động vật ra khỏi tỉnh đăng ký kiểm dịch với cơ quan quản lý chuyên ngành thú y thuộc Sở Nông nghiệp và Môi trường.",
  ["Bước 1: Chủ hàng đăng ký kiểm dịch trực tuyến hoặc trực tiếp với cơ quan thú y trước khi vận chuyển.",
   "Bước 2: Trong 01 ngày làm việc, cơ quan thú y quyết định và thông báo địa điểm, thời gian kiểm dịch.",
   "Bước 3: Cơ quan thú y thực hiện kiểm dịch (kiểm tra lâm sàng, lấy mẫu xét nghiệm nếu cần).",
   "Bước 4: Cấp Giấy chứng nhận kiểm dịch nếu đạt yêu cầu vệ sinh thú y."],
  [O("Giấy đăng ký kiểm dịch động vật, sản phẩm động vật vận chuyển ra khỏi địa bàn cấp tỉnh")],
  [],
  3, "Giấy chứng nhận kiểm dịch động vật, sản phẩm động vật vận chuyển ra khỏi địa bàn cấp tỉnh.",
  ["Luật Thú y số 79/2015/QH13", "Thông tư số 25/2016/TT-BNNPTNT quy định về kiểm dịch động vật, sản phẩm động vật trên cạn"],
  ["kiểm dịch động vật", "vận chuyển heo ra tỉnh", "giấy kiểm dịch"],
  note="Không quá 03 ngày làm việc kể từ khi bắt đầu kiểm dịch (động vật có nguồn gốc từ cơ sở an toàn dịch bệnh: 01 ngày).",
  conditions="Phí, lệ phí kiểm dịch thu theo loại, số lượng động vật, sản phẩm động vật theo biểu phí của Bộ Tài chính; số tiền cụ thể được thông báo khi đăng ký kiểm dịch.",
  channels=["online", "desk"])

THUYSAN_BASE = ["Luật Thủy sản số 18/2017/QH14", "Nghị định số 26/2019/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Thủy sản (sửa đổi, bổ sung bởi Nghị định số 37/2024/NĐ-CP)"]

P(L("THUYSAN", 1), "Cấp, cấp lại giấy phép khai thác thủy sản", "THUYSAN", "full_online", "NNMT",
  "Chủ tàu cá có chiều dài từ 6 m trở lên đăng ký tại tỉnh đề nghị cấp hoặc cấp lại giấy phép khai thác thủy sản.",
  flow("NNMT", "Sở Nông nghiệp và Môi trường kiểm tra hồ sơ, đối chiếu hạn ngạch giấy phép khai thác.", "Cấp hoặc cấp lại giấy phép khai thác thủy sản.", pay=True),
  [O("Đơn đề nghị cấp giấy phép khai thác thủy sản"), OC("Giấy chứng nhận an toàn kỹ thuật tàu cá (đối với tàu từ 12 m trở lên)", required=False),
   OC("Văn bằng, chứng chỉ thuyền trưởng, máy trưởng (đối với tàu từ 12 m trở lên)", required=False)],
  [F("Lệ phí cấp giấy phép khai thác thủy sản" + VERIFY, 40000)],
  6, "Giấy phép khai thác thủy sản.", THUYSAN_BASE, ["giấy phép khai thác thủy sản", "giấy phép đánh bắt cá", "tàu cá"],
  note="06 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("THUYSAN", 2), "Đăng ký tàu cá", "THUYSAN", "full_online", "NNMT",
  "Chủ tàu cá đóng mới, cải hoán, mua bán, nhập khẩu đăng ký tàu cá để được cấp Giấy chứng nhận đăng ký tàu cá và số đăng ký.",
  flow("NNMT", "Sở Nông nghiệp và Môi trường kiểm tra hồ sơ, kiểm tra thực tế tàu cá.", "Cấp Giấy chứng nhận đăng ký tàu cá và cập nhật Cơ sở dữ liệu tàu cá.", pay=True),
  [O("Tờ khai đăng ký tàu cá"), OC("Văn bản chấp thuận đóng mới, cải hoán tàu cá hoặc hợp đồng mua bán tàu cá"),
   O("Biên bản kiểm tra kỹ thuật tàu cá"), O("Ảnh màu tàu cá")],
  [F("Lệ phí cấp Giấy chứng nhận đăng ký tàu cá" + VERIFY, 40000)],
  3, "Giấy chứng nhận đăng ký tàu cá.", THUYSAN_BASE, ["đăng ký tàu cá", "số đăng ký tàu cá", "tàu đánh cá"],
  note="03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("THUYSAN", 3), "Cấp văn bản chấp thuận đóng mới, cải hoán, thuê, mua tàu cá trên biển", "THUYSAN", "full_online", "NNMT",
  "Tổ chức, cá nhân đề nghị chấp thuận đóng mới, cải hoán, thuê, mua tàu cá để khai thác thủy sản trên biển.",
  flow("NNMT", "Sở Nông nghiệp và Môi trường kiểm tra hồ sơ, đối chiếu hạn ngạch giấy phép khai thác.", "Cấp văn bản chấp thuận."),
  [O("Đơn đề nghị đóng mới, cải hoán, thuê, mua tàu cá"), OC("Giấy tờ chứng minh tàu cá đã được xóa đăng ký (trường hợp thay thế tàu cá)", required=False)],
  [], 5, "Văn bản chấp thuận đóng mới, cải hoán, thuê, mua tàu cá.", THUYSAN_BASE,
  ["đóng mới tàu cá", "cải hoán tàu cá", "mua tàu cá"], note="05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

TNN_BASE = ["Luật Tài nguyên nước số 28/2023/QH15", "Nghị định số 54/2024/NĐ-CP quy định việc hành nghề khoan nước dưới đất, kê khai, đăng ký, cấp phép, dịch vụ tài nguyên nước và tiền cấp quyền khai thác tài nguyên nước"]

P(L("TNNUOC", 1), "Cấp giấy phép thăm dò nước dưới đất đối với công trình có quy mô dưới 3.000 m³/ngày đêm", "TNNUOC", "partial_online", "NNMT",
  "Tổ chức, cá nhân đề nghị cấp giấy phép thăm dò nước dưới đất để xây dựng công trình khai thác có quy mô dưới 3.000 m³/ngày đêm.",
  flow("NNMT", "Sở Nông nghiệp và Môi trường thẩm định đề án thăm dò, kiểm tra thực địa.", "UBND tỉnh cấp giấy phép thăm dò nước dưới đất.", pay=True),
  [O("Đơn đề nghị cấp giấy phép thăm dò nước dưới đất"), O("Đề án thiết kế giếng thăm dò")],
  [F("Phí thẩm định đề án thăm dò nước dưới đất" + HDND, 500000)],
  30, "Giấy phép thăm dò nước dưới đất.", TNN_BASE, ["thăm dò nước ngầm", "khoan giếng thăm dò", "giấy phép thăm dò nước dưới đất"],
  note="30 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("TNNUOC", 2), "Cấp giấy phép khai thác nước dưới đất đối với công trình có quy mô dưới 3.000 m³/ngày đêm", "TNNUOC", "partial_online", "NNMT",
  "Tổ chức, cá nhân khai thác nước dưới đất cho sản xuất, kinh doanh, cấp nước sinh hoạt tập trung với quy mô dưới 3.000 m³/ngày đêm đề nghị cấp giấy phép.",
  flow("NNMT", "Sở Nông nghiệp và Môi trường thẩm định hồ sơ, kiểm tra thực địa.", "UBND tỉnh cấp giấy phép khai thác nước dưới đất.", pay=True),
  [O("Đơn đề nghị cấp giấy phép khai thác nước dưới đất"), O("Báo cáo kết quả thăm dò đánh giá trữ lượng nước dưới đất"),
   O("Kết quả phân tích chất lượng nguồn nước")],
  [F("Phí thẩm định báo cáo kết quả thăm dò, khai thác nước dưới đất" + HDND, 700000)],
  30, "Giấy phép khai thác nước dưới đất.", TNN_BASE, ["khai thác nước ngầm", "giấy phép giếng khoan", "khai thác nước dưới đất"],
  note="30 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("TNNUOC", 3), "Cấp giấy phép khai thác, sử dụng nước mặt", "TNNUOC", "partial_online", "NNMT",
  "Tổ chức, cá nhân khai thác, sử dụng nước mặt cho sản xuất nông nghiệp, nuôi trồng thủy sản, kinh doanh, dịch vụ vượt ngưỡng phải cấp phép thuộc thẩm quyền của tỉnh.",
  flow("NNMT", "Sở Nông nghiệp và Môi trường thẩm định hồ sơ, kiểm tra thực địa.", "UBND tỉnh cấp giấy phép khai thác, sử dụng nước mặt.", pay=True),
  [O("Đơn đề nghị cấp giấy phép khai thác, sử dụng nước mặt"), O("Đề án khai thác, sử dụng nước mặt"),
   O("Kết quả phân tích chất lượng nguồn nước")],
  [F("Phí thẩm định đề án khai thác, sử dụng nước mặt" + HDND, 700000)],
  30, "Giấy phép khai thác, sử dụng nước mặt.", TNN_BASE, ["khai thác nước mặt", "lấy nước sông", "giấy phép nước mặt"],
  note="30 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("TNNUOC", 4), "Gia hạn, điều chỉnh giấy phép khai thác nước dưới đất", "TNNUOC", "partial_online", "NNMT",
  "Tổ chức, cá nhân đề nghị gia hạn giấy phép khai thác nước dưới đất sắp hết hạn hoặc điều chỉnh nội dung giấy phép.",
  flow("NNMT", "Sở Nông nghiệp và Môi trường thẩm định hồ sơ.", "UBND tỉnh gia hạn hoặc điều chỉnh giấy phép.", pay=True),
  [O("Đơn đề nghị gia hạn, điều chỉnh giấy phép"), O("Báo cáo hiện trạng khai thác, sử dụng nước dưới đất"),
   O("Kết quả phân tích chất lượng nguồn nước")],
  [F("Phí thẩm định hồ sơ gia hạn, điều chỉnh giấy phép" + HDND, 350000)],
  25, "Giấy phép khai thác nước dưới đất (gia hạn/điều chỉnh).", TNN_BASE,
  ["gia hạn giấy phép khai thác nước", "điều chỉnh giấy phép nước ngầm"], note="25 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.")

MT_BASE = ["Luật Bảo vệ môi trường số 72/2020/QH14", "Nghị định số 08/2022/NĐ-CP quy định chi tiết một số điều của Luật Bảo vệ môi trường (sửa đổi, bổ sung bởi Nghị định số 05/2025/NĐ-CP)"]

P(L("MOITRUONG", 1), "Đăng ký môi trường", "MOITRUONG", "full_online", None,
  "Dự án đầu tư, cơ sở sản xuất, kinh doanh, dịch vụ có phát sinh chất thải nhưng không thuộc đối tượng phải có giấy phép môi trường đăng ký môi trường với UBND cấp xã.",
  ["Bước 1: Chủ dự án, cơ sở gửi hồ sơ đăng ký môi trường đến UBND cấp xã (trực tiếp, qua bưu chính hoặc trực tuyến).",
   "Bước 2: UBND cấp xã tiếp nhận, vào sổ đăng ký môi trường; hướng dẫn chủ dự án thực hiện các biện pháp bảo vệ môi trường.",
   "Bước 3: UBND cấp xã kiểm tra việc thực hiện theo nội dung đã đăng ký khi cần thiết."],
  [O("Văn bản đăng ký môi trường", template="Mẫu đăng ký môi trường ban hành kèm Thông tư số 02/2022/TT-BTNMT")],
  [], 0, "Hồ sơ đăng ký môi trường được tiếp nhận và vào sổ.", MT_BASE,
  ["đăng ký môi trường", "bảo vệ môi trường hộ kinh doanh", "thủ tục môi trường cơ sở nhỏ"], note="Tiếp nhận ngay khi nhận được văn bản đăng ký.")

P(L("MOITRUONG", 2), "Cấp giấy phép môi trường thuộc thẩm quyền của Ủy ban nhân dân cấp tỉnh", "MOITRUONG", "partial_online", "NNMT",
  "Chủ dự án, cơ sở thuộc đối tượng phải có giấy phép môi trường (có phát sinh nước thải, khí thải, chất thải nguy hại…) đề nghị UBND tỉnh cấp giấy phép.",
  flow("NNMT", "Sở Nông nghiệp và Môi trường thẩm định hồ sơ, kiểm tra thực tế (thành lập đoàn kiểm tra hoặc hội đồng thẩm định).",
       "UBND tỉnh cấp giấy phép môi trường.", pay=True),
  [O("Văn bản đề nghị cấp giấy phép môi trường"), O("Báo cáo đề xuất cấp giấy phép môi trường"),
   OC("Quyết định phê duyệt kết quả thẩm định báo cáo đánh giá tác động môi trường (nếu có)", required=False)],
  [F("Phí thẩm định cấp giấy phép môi trường" + HDND, 30000000)],
  30, "Giấy phép môi trường.", MT_BASE, ["giấy phép môi trường", "xả thải", "cấp phép môi trường nhà máy"],
  note="30 ngày (trường hợp phải vận hành thử nghiệm: theo thời gian vận hành thử nghiệm) kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("MOITRUONG", 3), "Thẩm định báo cáo đánh giá tác động môi trường", "MOITRUONG", "partial_online", "NNMT",
  "Chủ dự án thuộc đối tượng phải đánh giá tác động môi trường, thuộc thẩm quyền của UBND tỉnh, đề nghị thẩm định và phê duyệt kết quả thẩm định báo cáo ĐTM.",
  flow("NNMT", "Sở Nông nghiệp và Môi trường thành lập hội đồng thẩm định, khảo sát thực tế, lấy ý kiến cơ quan liên quan.",
       "UBND tỉnh quyết định phê duyệt kết quả thẩm định báo cáo đánh giá tác động môi trường.", pay=True),
  [O("Văn bản đề nghị thẩm định báo cáo đánh giá tác động môi trường"), O("Báo cáo đánh giá tác động môi trường"),
   O("Báo cáo nghiên cứu khả thi hoặc tài liệu tương đương của dự án")],
  [F("Phí thẩm định báo cáo đánh giá tác động môi trường" + HDND, 20000000)],
  45, "Quyết định phê duyệt kết quả thẩm định báo cáo đánh giá tác động môi trường.", MT_BASE,
  ["đánh giá tác động môi trường", "đtm", "báo cáo đtm"], note="45 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("MOITRUONG", 4), "Cấp đổi, điều chỉnh, cấp lại giấy phép môi trường", "MOITRUONG", "partial_online", "NNMT",
  "Chủ dự án, cơ sở đề nghị cấp đổi, điều chỉnh, cấp lại giấy phép môi trường khi có thay đổi nội dung hoặc giấy phép bị mất, hư hỏng.",
  flow("NNMT", "Sở Nông nghiệp và Môi trường thẩm định nội dung thay đổi.", "UBND tỉnh cấp đổi, điều chỉnh hoặc cấp lại giấy phép môi trường."),
  [O("Văn bản đề nghị cấp đổi, điều chỉnh, cấp lại giấy phép môi trường"), O("Tài liệu liên quan đến nội dung đề nghị")],
  [], 15, "Giấy phép môi trường (cấp đổi/điều chỉnh/cấp lại).", MT_BASE, ["điều chỉnh giấy phép môi trường", "cấp lại giấy phép môi trường"],
  note="15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.")


# ================================================================ TÍN NGƯỠNG, TÔN GIÁO

TG_BASE = ["Luật Tín ngưỡng, tôn giáo số 02/2016/QH14", "Nghị định số 95/2023/NĐ-CP quy định chi tiết Luật Tín ngưỡng, tôn giáo"]
TG_FORM = "theo mẫu ban hành kèm Nghị định số 95/2023/NĐ-CP"

P(L("TONGIAO", 1), "Đăng ký sinh hoạt tôn giáo tập trung", "TONGIAO", "partial_online", None,
  "Người đại diện nhóm tín đồ có đạo đề nghị đăng ký sinh hoạt tôn giáo tập trung tại địa điểm hợp pháp trên địa bàn xã.",
  flow("xa", "UBND cấp xã xem xét điều kiện sinh hoạt tôn giáo tập trung, địa điểm sinh hoạt.", "Chủ tịch UBND cấp xã cấp văn bản chấp thuận hoặc không chấp thuận."),
  [O("Văn bản đăng ký sinh hoạt tôn giáo tập trung", template="Mẫu " + TG_FORM),
   O("Danh sách tín đồ tham gia sinh hoạt tôn giáo tập trung"), O("Bản tóm tắt giáo lý, giáo luật, lễ nghi"),
   O("Sơ yếu lý lịch của người đại diện nhóm"), OC("Giấy tờ hợp pháp về địa điểm sinh hoạt tôn giáo tập trung")],
  [], 20, "Văn bản chấp thuận đăng ký sinh hoạt tôn giáo tập trung.", TG_BASE,
  ["sinh hoạt tôn giáo tập trung", "điểm nhóm tôn giáo", "đăng ký sinh hoạt đạo"],
  note="20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("TONGIAO", 2), "Đăng ký hoạt động tín ngưỡng", "TONGIAO", "full_online", None,
  "Người đại diện hoặc ban quản lý cơ sở tín ngưỡng (đình, đền, miếu, nhà thờ họ…) đăng ký danh mục hoạt động tín ngưỡng hằng năm với UBND cấp xã.",
  ["Bước 1: Người đại diện cơ sở tín ngưỡng gửi văn bản đăng ký hoạt động tín ngưỡng trước ngày 15 tháng 10 hằng năm.",
   "Bước 2: UBND cấp xã tiếp nhận; trong 15 ngày có ý kiến trả lời nếu không đồng ý, nêu rõ lý do.",
   "Bước 3: Cơ sở tín ngưỡng tổ chức hoạt động theo danh mục đã đăng ký."],
  [O("Văn bản đăng ký hoạt động tín ngưỡng (tên cơ sở, danh mục, quy mô, thời gian, địa điểm hoạt động)", template="Mẫu " + TG_FORM)],
  [], 15, "Hoạt động tín ngưỡng được thực hiện theo đăng ký hoặc văn bản trả lời của UBND cấp xã.", TG_BASE,
  ["hoạt động tín ngưỡng", "lễ cúng đình", "đăng ký hoạt động đình miếu"])

P(L("TONGIAO", 3), "Thông báo danh mục hoạt động tôn giáo đối với tổ chức có địa bàn hoạt động tôn giáo ở một xã", "TONGIAO", "full_online", None,
  "Tổ chức tôn giáo cơ sở thông báo danh mục hoạt động tôn giáo diễn ra trong năm với UBND cấp xã trước ngày 31 tháng 10 hằng năm.",
  ["Bước 1: Tổ chức tôn giáo cơ sở gửi văn bản thông báo danh mục hoạt động tôn giáo đến UBND cấp xã.",
   "Bước 2: UBND cấp xã tiếp nhận thông báo; hướng dẫn nếu danh mục chưa đúng quy định."],
  [O("Văn bản thông báo danh mục hoạt động tôn giáo", template="Mẫu " + TG_FORM)],
  [], 0, "Thông báo được tiếp nhận.", TG_BASE, ["thông báo hoạt động tôn giáo", "danh mục hoạt động tôn giáo"],
  note="Tiếp nhận ngay khi nhận được thông báo.")

P(L("TONGIAO", 4), "Thông báo tổ chức quyên góp trong địa bàn một xã của cơ sở tín ngưỡng, tổ chức tôn giáo, tổ chức tôn giáo trực thuộc", "TONGIAO", "full_online", None,
  "Cơ sở tín ngưỡng, tổ chức tôn giáo thông báo với UBND cấp xã trước ít nhất 20 ngày khi tổ chức quyên góp trong phạm vi một xã.",
  ["Bước 1: Cơ sở tín ngưỡng, tổ chức tôn giáo gửi văn bản thông báo tổ chức quyên góp đến UBND cấp xã.",
   "Bước 2: UBND cấp xã tiếp nhận; có ý kiến trả lời nếu việc quyên góp không phù hợp quy định."],
  [O("Văn bản thông báo tổ chức quyên góp (mục đích, phạm vi, cách thức, thời gian, cơ chế quản lý, sử dụng tài sản quyên góp)", template="Mẫu " + TG_FORM)],
  [], 0, "Thông báo được tiếp nhận.", TG_BASE, ["quyên góp chùa", "quyên góp xây dựng nhà thờ", "thông báo quyên góp"],
  note="Tiếp nhận ngay khi nhận được thông báo.")

P(L("TONGIAO", 5), "Đăng ký người được phong phẩm hoặc suy cử làm chức sắc đối với các trường hợp quy định tại khoản 2 Điều 33 của Luật Tín ngưỡng, tôn giáo",
  "TONGIAO", "partial_online", "DTTG",
  "Tổ chức tôn giáo đăng ký người được phong phẩm hoặc suy cử làm chức sắc có địa bàn hoạt động trong tỉnh với Sở Dân tộc và Tôn giáo.",
  flow("DTTG", "Sở Dân tộc và Tôn giáo xem xét điều kiện, tiêu chuẩn của người được phong phẩm, suy cử.", "Sở có văn bản trả lời (chấp thuận hoặc không chấp thuận)."),
  [O("Văn bản đăng ký", template="Mẫu " + TG_FORM), O("Sơ yếu lý lịch của người được phong phẩm hoặc suy cử"),
   O("Phiếu lý lịch tư pháp của người được phong phẩm hoặc suy cử"), O("Văn bản tóm tắt quá trình hoạt động tôn giáo")],
  [], 20, "Văn bản trả lời của Sở Dân tộc và Tôn giáo.", TG_BASE, ["phong phẩm chức sắc", "suy cử chức sắc", "đăng ký chức sắc tôn giáo"],
  note="20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("TONGIAO", 6), "Đề nghị tổ chức cuộc lễ ngoài cơ sở tôn giáo, địa điểm hợp pháp đã đăng ký có quy mô tổ chức ở một tỉnh", "TONGIAO", "partial_online", "DTTG",
  "Tổ chức tôn giáo đề nghị tổ chức cuộc lễ ngoài cơ sở tôn giáo có sự tham gia của tín đồ từ nhiều xã trong tỉnh.",
  flow("DTTG", "Sở Dân tộc và Tôn giáo xem xét nội dung, quy mô, phương án bảo đảm an ninh trật tự.", "Sở có văn bản chấp thuận hoặc không chấp thuận."),
  [O("Văn bản đề nghị tổ chức cuộc lễ", template="Mẫu " + TG_FORM)],
  [], 15, "Văn bản chấp thuận tổ chức cuộc lễ.", TG_BASE, ["tổ chức lễ tôn giáo", "đại lễ ngoài chùa", "lễ hội tôn giáo"],
  note="15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("TONGIAO", 7), "Đề nghị mở lớp bồi dưỡng về tôn giáo cho người chuyên hoạt động tôn giáo", "TONGIAO", "partial_online", "DTTG",
  "Tổ chức tôn giáo đề nghị mở lớp bồi dưỡng về tôn giáo cho người chuyên hoạt động tôn giáo trên địa bàn tỉnh.",
  flow("DTTG", "Sở Dân tộc và Tôn giáo thẩm định nội dung, chương trình bồi dưỡng.", "Sở có văn bản chấp thuận hoặc không chấp thuận."),
  [O("Văn bản đề nghị mở lớp bồi dưỡng", template="Mẫu " + TG_FORM), O("Chương trình, nội dung bồi dưỡng"),
   O("Danh sách giảng viên và học viên dự kiến")],
  [], 20, "Văn bản chấp thuận mở lớp bồi dưỡng về tôn giáo.", TG_BASE, ["lớp bồi dưỡng tôn giáo", "mở lớp giáo lý"],
  note="20 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.")


# ================================================================ THI ĐUA, KHEN THƯỞNG

TDKT_BASE = ["Luật Thi đua, khen thưởng số 06/2022/QH15", "Nghị định số 98/2023/NĐ-CP quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng"]

P(L("TDKT", 1), "Tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã về thành tích thực hiện nhiệm vụ chính trị", "TDKT", "partial_online", None,
  "Cơ quan, đơn vị, thôn, ấp, khu phố đề nghị Chủ tịch UBND cấp xã tặng Giấy khen cho tập thể, cá nhân, hộ gia đình có thành tích.",
  flow("xa", "Công chức phụ trách thi đua, khen thưởng thẩm định, trình Hội đồng Thi đua - Khen thưởng cấp xã.", "Chủ tịch UBND cấp xã quyết định tặng Giấy khen."),
  [O("Tờ trình đề nghị khen thưởng"), O("Báo cáo thành tích của tập thể, cá nhân được đề nghị khen thưởng")],
  [], 20, "Quyết định tặng Giấy khen của Chủ tịch UBND cấp xã.", TDKT_BASE,
  ["giấy khen xã", "khen thưởng cấp xã", "đề nghị khen thưởng"], note="20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("TDKT", 2), "Tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã về khen thưởng đột xuất", "TDKT", "partial_online", None,
  "Đề nghị khen thưởng đột xuất cho tập thể, cá nhân lập được thành tích đặc biệt (cứu người, phòng chống thiên tai, phát hiện tội phạm…).",
  flow("xa", "Công chức phụ trách thi đua, khen thưởng thẩm định hồ sơ.", "Chủ tịch UBND cấp xã quyết định tặng Giấy khen."),
  [O("Tờ trình đề nghị khen thưởng"), O("Bản tóm tắt thành tích, nêu rõ hành động, thành tích, công trạng")],
  [], 5, "Quyết định tặng Giấy khen của Chủ tịch UBND cấp xã.", TDKT_BASE,
  ["khen thưởng đột xuất", "khen người tốt việc tốt"], note="05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("TDKT", 3), "Tặng Bằng khen của Chủ tịch Ủy ban nhân dân cấp tỉnh", "TDKT", "partial_online", "NOIVU",
  "Cơ quan, đơn vị, địa phương đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho tập thể, cá nhân, hộ gia đình có thành tích xuất sắc.",
  flow("NOIVU", "Sở Nội vụ (Ban Thi đua - Khen thưởng) thẩm định hồ sơ, trình Hội đồng Thi đua - Khen thưởng tỉnh.",
       "Chủ tịch UBND tỉnh quyết định tặng Bằng khen."),
  [O("Tờ trình đề nghị khen thưởng"), O("Báo cáo thành tích của tập thể, cá nhân"),
   O("Biên bản họp Hội đồng Thi đua - Khen thưởng của đơn vị trình")],
  [], 20, "Quyết định tặng Bằng khen của Chủ tịch UBND tỉnh.", TDKT_BASE,
  ["bằng khen tỉnh", "bằng khen chủ tịch ubnd tỉnh"], note="20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("TDKT", 4), "Tặng danh hiệu Chiến sĩ thi đua cấp tỉnh", "TDKT", "partial_online", "NOIVU",
  "Cơ quan, đơn vị đề nghị tặng danh hiệu Chiến sĩ thi đua cấp tỉnh cho cá nhân có thành tích tiêu biểu xuất sắc trong số những người 03 lần liên tục đạt Chiến sĩ thi đua cơ sở.",
  flow("NOIVU", "Sở Nội vụ thẩm định hồ sơ, trình Hội đồng Thi đua - Khen thưởng tỉnh.", "Chủ tịch UBND tỉnh quyết định tặng danh hiệu."),
  [O("Tờ trình đề nghị khen thưởng"), O("Báo cáo thành tích cá nhân"),
   O("Văn bản công nhận sáng kiến hoặc đề tài khoa học có phạm vi ảnh hưởng trong tỉnh")],
  [], 20, "Quyết định tặng danh hiệu Chiến sĩ thi đua cấp tỉnh.", TDKT_BASE,
  ["chiến sĩ thi đua cấp tỉnh", "danh hiệu thi đua"], note="20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")

P(L("TDKT", 5), "Tặng Cờ thi đua của Ủy ban nhân dân cấp tỉnh", "TDKT", "partial_online", "NOIVU",
  "Cơ quan, đơn vị đề nghị tặng Cờ thi đua của UBND tỉnh cho tập thể dẫn đầu phong trào thi đua của khối, cụm thi đua hoặc ngành, lĩnh vực.",
  flow("NOIVU", "Sở Nội vụ thẩm định hồ sơ, tổng hợp kết quả bình xét của khối, cụm thi đua.", "Chủ tịch UBND tỉnh quyết định tặng Cờ thi đua."),
  [O("Tờ trình đề nghị khen thưởng"), O("Báo cáo thành tích của tập thể"), O("Biên bản bình xét của khối, cụm thi đua")],
  [], 20, "Quyết định tặng Cờ thi đua của UBND tỉnh.", TDKT_BASE,
  ["cờ thi đua", "cờ thi đua ubnd tỉnh"], note="20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.")


# ================================================================ output

def nfc(value):
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [nfc(v) for v in value]
    if isinstance(value, dict):
        return {k: nfc(v) for k, v in value.items()}
    return value


def main() -> None:
    rows = [nfc(p) for p in PROCEDURES]
    codes = [p["code"] for p in rows]
    dup = {c for c in codes if codes.count(c) > 1}
    assert not dup, f"duplicate codes: {sorted(dup)}"
    names = [p["name"] for p in rows]
    dupn = {n for n in names if names.count(n) > 1}
    assert not dupn, f"duplicate names: {sorted(dupn)}"
    # Stable order: by field, then commune-level before province-level, then code.
    rows.sort(key=lambda p: (p["field"], p["agency_level"] != "commune", p["code"]))
    OUT.write_text(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    communes = sum(p["agency_level"] == "commune" for p in rows)
    national = sum(not p["code"].startswith("TN.") for p in rows)
    popular = sum(p["popular"] for p in rows)
    print(f"procedures: {len(rows)} ({communes} commune-level, {len(rows) - communes} province-level; "
          f"{national} national codes, {len(rows) - national} local codes; {popular} popular) -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
