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
level commonly applied and must be checked against Tây Ninh's current resolution.

Run: python3 scripts/seed/build_procedures.py
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_agencies import department_codes  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "seed" / "procedures.json"
AGENCY = department_codes()
HDND = " (mức thu theo Nghị quyết HĐND tỉnh)"

PROCEDURES: list[dict] = []


# ---------------------------------------------------------------- helpers

def L(field: str, n: int) -> str:
    """Local (provincial) procedure code."""
    return f"TN.{field}.{n:03d}"


def D(name, kind="original", copies=1, required=True, template=None):
    return {"name": name, "copies": copies, "kind": kind, "required": required, "template": template}


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
        "keywords": keywords,
        "popular": popular,
    }
    if hours is not None:
        entry["processing_hours"] = hours
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
  popular=True, channels=["desk"])

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
  channels=["desk"])

P(L("CHUNGTHUC", 4), "Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch", "CHUNGTHUC", "partial_online", None,
  "Chứng thực văn bản sửa đổi, bổ sung hoặc hủy bỏ hợp đồng, giao dịch đã được chứng thực tại UBND cấp xã.",
  flow("xa", "Các bên ký văn bản sửa đổi, bổ sung, hủy bỏ trước mặt người thực hiện chứng thực.",
       "Lãnh đạo UBND cấp xã ghi lời chứng, ký, đóng dấu và ghi vào sổ chứng thực.", pay=True, online=False),
  [O("Dự thảo văn bản sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch"), O("Hợp đồng, giao dịch đã được chứng thực"), ID_DOC],
  [F("Phí chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch", 30000)],
  2, "Văn bản sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch đã được chứng thực.",
  CT_BASE, ["sửa đổi hợp đồng", "hủy hợp đồng đã chứng thực", "bổ sung hợp đồng"],
  channels=["desk"])

P(L("CHUNGTHUC", 5), "Sửa lỗi sai sót trong hợp đồng, giao dịch", "CHUNGTHUC", "partial_online", None,
  "Sửa lỗi kỹ thuật (chính tả, đánh máy) trong hợp đồng, giao dịch đã được chứng thực, với sự đồng ý của các bên.",
  flow("xa", "Người thực hiện chứng thực kiểm tra lỗi sai sót, thực hiện việc sửa, ghi vào sổ chứng thực.",
       pay=True, online=False),
  [O("Hợp đồng, giao dịch đã được chứng thực có lỗi sai sót"), ID_DOC],
  [F("Phí sửa lỗi sai sót trong hợp đồng, giao dịch", 25000)],
  0, "Hợp đồng, giao dịch đã được sửa lỗi sai sót.",
  CT_BASE, ["sửa lỗi hợp đồng", "sai chính tả hợp đồng"], note=CT_SAME_DAY, channels=["desk"])

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
  conditions="Người lập di chúc phải tự mình yêu cầu chứng thực, minh mẫn, tự nguyện.", channels=["desk"])

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
  channels=["desk"])

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
  note="02 ngày làm việc sau khi hết thời hạn niêm yết 15 ngày.", channels=["desk"])

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
  note="02 ngày làm việc sau khi hết thời hạn niêm yết 15 ngày.", channels=["desk"])


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
  "Người đi khỏi nơi cư trú trong các trường hợp theo Điều 31 Luật Cư trú (bị can, người đang chấp hành án… hoặc người trong độ tuổi nghĩa vụ quân sự đi khỏi huyện từ 03 tháng) phải khai báo tạm vắng.",
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
