#!/usr/bin/env python3
"""Writes the hostile corpus into extracts/ (run once; the files are committed).

Each file is one case of expected.tsv. Run from this folder: python3 make_corpus.py
Only the standard library is used; the one workbook is written as the XML an .xlsx is.
"""
import gzip, json, os, zipfile

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "extracts")
os.makedirs(OUT, exist_ok=True)
for f in os.listdir(OUT):
    os.remove(os.path.join(OUT, f))

CENTRE = "000.00.54.H54"
DEPT = "000.00.10.H54"


def dossier(code, accepted="20210405080000", status=4, **more):
    d = {"MaHoSo": code, "MaTTHC": "1.001", "MaDonVi": DEPT, "MaNoiTiepNhan": CENTRE,
         "KenhThucHien": 1, "NgayTiepNhan": accepted, "NgayHenTra": "20210420170000",
         "TrangThaiHoSo": status}
    d.update(more)
    return d


def jl(d):
    return json.dumps(d, ensure_ascii=False)


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def lines(*ls):
    return "".join(l + "\n" for l in ls)


CSV_HEADER = "MaHoSo,MaTTHC,TenTTHC,MaDonVi,MaNoiTiepNhan,KenhThucHien,NgayTiepNhan,NgayHenTra,TrangThaiHoSo"


def csv_row(code, name="Cấp giấy phép", accepted="20210405080000", status="4"):
    return ",".join([code, "1.001", name, DEPT, CENTRE, "1", accepted, "20210420170000", status])


# 1. Malformed JSON lines: a cut object, an array, plain text, trailing garbage, a bad escape.
write("hoso_20210501010000.jsonl", lines(
    jl(dossier("MJ-1")),
    '{"MaHoSo":"MJ-2","MaTTHC":"1.001",',
    '[1,2,3]',
    'MaHoSo=MJ-3;TrangThaiHoSo=4',
    jl(dossier("MJ-4")) + ' }',
    '{"MaHoSo":"MJ-5","TenTTHC":"bad \\x escape"}',
    jl(dossier("MJ-6"))))

# 2. CSV: a quoted field with an embedded newline, a comma and doubled quotes (good); a row
#    with too few columns and one with too many (malformed); a stray quote inside an unquoted
#    field (kept as it is); CRLF line ends. Then broken quoting, which leaves the rest of a
#    file unparseable: a quote never closed, text after a closing quote.
write("hoso_20210502010000.csv", lines(
    CSV_HEADER,
    csv_row("CQ-1", '"Cấp ""giấy"" phép,\nxây dựng"'),
    csv_row("CQ-2"),
    "CQ-3,1.001,Cấp phép," + DEPT,
    csv_row("CQ-4") + ",extra,columns",
    csv_row("CQ-5", 'Cấp "giấy phép'),
    csv_row("CQ-6") + "\r"))
write("hoso_20210502020000.csv", lines(
    CSV_HEADER, csv_row("CQ-7"), csv_row("CQ-8", '"Cấp giấy phép, never closed'), csv_row("CQ-9")))
write("hoso_20210502030000.csv", lines(
    CSV_HEADER, csv_row("CQ-10"), csv_row("CQ-11", '"Cấp giấy" phép'), csv_row("CQ-12")))

# 3. Byte-order marks where they do not belong: one leads the file (allowed), one leads the
#    third line (two exports joined with cat), one sits inside a value.
BOM = "\ufeff"
write("hoso_20210503010000.jsonl", BOM + lines(
    jl(dossier("BM-1")),
    jl(dossier("BM-2")),
    BOM + jl(dossier("BM-3")),
    jl(dossier("BM-4", TenTTHC="Cấp" + BOM + " giấy phép"))))

# 4. The same CSV in windows-1258, TCVN3 and VNI: not UTF-8, refused with the encoding named.
VI_ROWS = [csv_row("EN-%d" % i, name) for i, name in enumerate([
    "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Đăng ký thành lập hộ kinh doanh",
    "Cấp đổi giấy phép lái xe", "Chứng thực bản sao từ bản chính",
    "Thủ tục đăng ký khai sinh", "Cấp phiếu lý lịch tư pháp"], 1)]
import unicodedata


def cp1258(text):
    # windows-1258 has few precomposed toned letters: the tone is a combining mark.
    out = bytearray()
    for ch in unicodedata.normalize("NFD", text):
        for cand in (ch, unicodedata.normalize("NFC", ch)):
            try:
                out += cand.encode("cp1258")
                break
            except UnicodeEncodeError:
                pass
        else:
            raise ValueError(ch)
    return bytes(out)


def recompose_1258(text):
    # NFD then put back the base letters windows-1258 has (â ê ô ă ơ ư đ), tones stay combining.
    out = []
    for ch in unicodedata.normalize("NFC", text):
        d = unicodedata.normalize("NFD", ch)
        base, marks = d[0], d[1:]
        keep = [m for m in marks if m in "\u0302\u0306\u031b"]
        tones = [m for m in marks if m not in "\u0302\u0306\u031b"]
        out.append(unicodedata.normalize("NFC", base + "".join(keep)) + "".join(tones))
    return "".join(out)


write("hoso_20210504010000.csv", recompose_1258(lines(CSV_HEADER, *VI_ROWS)).encode("cp1258"))

# TCVN3 (ABC): the lower-case Vietnamese letters sit in 0xA1-0xFE.
TCVN3 = dict(zip(
    "ăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ",
    [0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE] + list(range(0xB5, 0xB9)) + [0xB9]
    + list(range(0xBB, 0xC0)) + [0xC6] + list(range(0xC7, 0xCB)) + [0xCB]
    + list(range(0xCC, 0xD0)) + [0xD1] + list(range(0xD2, 0xD6)) + [0xD6]
    + list(range(0xD7, 0xDB)) + [0xDC] + list(range(0xDD, 0xE1)) + [0xE1]
    + list(range(0xE2, 0xE6)) + [0xE6] + list(range(0xE7, 0xEB)) + [0xEB]
    + list(range(0xEC, 0xF0)) + [0xF0] + list(range(0xF1, 0xF5)) + [0xF5]
    + list(range(0xF6, 0xFA)) + [0xFA] + list(range(0xFA, 0xFE))))
TCVN3.update({"Đ": 0xA7})


def tcvn3(text):
    out = bytearray()
    for ch in text:
        if ord(ch) < 0x80:
            out.append(ord(ch))
        elif ch in TCVN3:
            out.append(TCVN3[ch])
        elif ch.lower() in TCVN3:  # TCVN3 has few capitals; a capital is written lower-case
            out.append(TCVN3[ch.lower()])
        else:
            raise ValueError(ch)
    return bytes(out)


write("hoso_20210504020000.csv", tcvn3(lines(CSV_HEADER, *[r.replace("EN-", "TC-") for r in VI_ROWS])))

# VNI-Windows: a base letter, then the diacritic as a second byte from windows-1252.
VNI_MARK = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
VNI_CIRC = {"\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä", "": "â"}
VNI_BREVE = {"\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë", "": "ê"}
VNI_I = {"\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def vni(text):
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch == "đ":
            out.append("ñ"); continue
        if ch == "Đ":
            out.append("Ñ"); continue
        d = unicodedata.normalize("NFD", ch)
        base, marks = d[0], d[1:]
        tone = "".join(m for m in marks if m in VNI_MARK)
        if not marks:
            out.append(ch); continue
        if "\u0302" in marks:
            out.append(base + VNI_CIRC[tone])
        elif "\u0306" in marks:
            out.append(base + VNI_BREVE[tone])
        elif "\u031b" in marks:
            out.append({"o": "ô", "u": "ö", "O": "Ô", "U": "Ö"}[base] + (VNI_MARK[tone] if tone else ""))
        elif base in "iI":
            out.append(VNI_I[tone])
        else:
            out.append(base + VNI_MARK[tone])
    return "".join(out).encode("cp1252")


write("hoso_20210504030000.csv", vni(lines(CSV_HEADER, *[r.replace("EN-", "VN-") for r in VI_ROWS])))


# 5. Excel: dates as date cells (good), as yyyyMMddHHmmss text (good), as a bare serial number
#    in a General cell, as a serial typed as text; a status typed as 4.0.
def xlsx(rows):
    def cell(ref, v):
        if v is None:
            return ""
        if isinstance(v, tuple):  # (serial, style)
            return '<c r="%s" s="%d"><v>%r</v></c>' % (ref, v[1], v[0])
        if isinstance(v, (int, float)):
            return '<c r="%s"><v>%r</v></c>' % (ref, v)
        v = v.replace("&", "&amp;").replace("<", "&lt;")
        return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, v)
    sheet = []
    for r, row in enumerate(rows, 1):
        cells = "".join(cell("%s%d" % (chr(65 + c), r), v) for c, v in enumerate(row))
        sheet.append('<row r="%d">%s</row>' % (r, cells))
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="HoSo" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
        "xl/styles.xml": '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>',
        "xl/worksheets/sheet1.xml": '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + "".join(sheet) + "</sheetData></worksheet>",
    }
    import io
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            z.writestr(name, text)
    return buf.getvalue()


H = ["MaHoSo", "MaTTHC", "MaDonVi", "MaNoiTiepNhan", "KenhThucHien", "NgayTiepNhan", "NgayHenTra", "TrangThaiHoSo"]
# 44291.3333... is 2021-04-05 08:00; 44306.7083... is 2021-04-20 17:00 (the 1900 date system).
ACC, DUE = 44291 + 8 / 24, 44306 + 17 / 24
write("hoso_20210505010000.xlsx", xlsx([
    H,
    ["XL-1", "1.001", DEPT, CENTRE, 1, (ACC, 1), (DUE, 1), 4],
    ["XL-2", "1.001", DEPT, CENTRE, 1, "20210405080000", "20210420170000", 4.0],
    ["XL-3", "1.001", DEPT, CENTRE, 1, ACC, DUE, 4],
    ["XL-4", "1.001", DEPT, CENTRE, 1, "44291.333333", "20210420170000", 4],
    ["XL-5", "1.001", DEPT, CENTRE, 1, 20210405080000, 20210420170000, 4],
]))

# 6. Dates out of range: "no date" placeholders (0001, 9999, Excel's 1899-12-30), a due date
#    years away, dates that are not dates (month 13, 30 February), one on the extract's own day.
write("hoso_20210506010000.jsonl", lines(
    jl(dossier("DT-1", accepted="00010101000000")),
    jl(dossier("DT-2", accepted="99991231235959")),
    jl(dossier("DT-3", accepted="18991230000000")),
    jl(dossier("DT-4", NgayHenTra="20301231170000")),
    jl(dossier("DT-5", accepted="20211305080000")),
    jl(dossier("DT-6", accepted="20210230080000")),
    jl(dossier("DT-7", accepted="20210505170000")),
    jl(dossier("DT-8", accepted="20210506080000"))))

# 7. A gzip file cut in the middle (a transfer that stopped): its records are not loaded.
whole = gzip.compress(lines(*[jl(dossier("GZ-%d" % i)) for i in range(1, 200)]).encode("utf-8"), mtime=0)
write("hoso_20210507010000.jsonl.gz", whole[: len(whole) // 2])

# 8. Empty files: 0 bytes, a header only, blank lines only, a 0-byte workbook.
write("hoso_20210508010000.jsonl", b"")
write("danhgia_20210508010000.csv", "MaPhieu,NgayDanhGia,MaNoiTiepNhan,ThaiDo,HaiLong\n")
write("danhgia_20210508020000.jsonl", "\n   \n\n")
write("hoso_20210508030000.xlsx", b"")

# 9. Huge values: a 2 MiB summary (personal: raw only), a 100 KB procedure name in a CSV field,
#    a channel too large for any integer, a 10 000-character key.
big_name = ("Cấp giấy phép xây dựng " * 4500)[:100000]
write("hoso_20210509010000.jsonl.gz", gzip.compress(lines(
    jl(dossier("HG-1", TrichYeuHoSo="x" * (2 << 20))),
    jl(dossier("HG-2", KenhThucHien=10 ** 30)),
    jl(dossier("HG-3" + "9" * 10000))).encode("utf-8"), mtime=0))
write("hoso_20210509020000.csv.gz", gzip.compress(lines(
    CSV_HEADER, csv_row("HG-4", '"' + big_name + '"'), csv_row("HG-5")).encode("utf-8"), mtime=0))

# 10. Duplicates in one extract: identical (counts once), conflicting (both quarantined), and
#     the same dossier in a later extract (the newer state wins: not a conflict).
write("hoso_20210510010000.csv", lines(
    CSV_HEADER,
    csv_row("DU-1"), csv_row("DU-1"),
    csv_row("DU-2", status="4"), csv_row("DU-2", status="2"),
    csv_row("DU-3")))
write("hoso_20210510020000.csv", lines(CSV_HEADER, csv_row("DU-3", status="2")))

# 11. Ballots with answers outside 1-4, as text, fractional, missing.
def ballot(code, thai_do, hai_long, **more):
    b = {"MaPhieu": code, "NgayDanhGia": "20210505100000", "MaNoiTiepNhan": CENTRE}
    if thai_do is not None:
        b["ThaiDo"] = thai_do
    if hai_long is not None:
        b["HaiLong"] = hai_long
    b.update(more)
    return jl(b)


write("danhgia_20210511010000.jsonl", lines(
    ballot("PH-1", 1, 2), ballot("PH-2", 0, 1), ballot("PH-3", 1, 5), ballot("PH-4", -1, 2),
    ballot("PH-5", "2", 1), ballot("PH-6", 1.5, 1), ballot("PH-7", None, 1),
    ballot("PH-8", 4, 4), ballot("PH-9", 2, 99999999999)))

# 12. Schema drift across years: a 2019 export without the local fields and with older
#     portal names beside them; a 2023 export with new portal fields added; one whose key column
#     was renamed (every record lacks MaHoSo: the file is refused as all-quarantined).
write("hoso_20190610010000.csv", lines(
    "MaHoSo,MaTTHC,NgayTiepNhan,NgayHenTra,TrangThaiHoSo,SoBienNhan",
    "SD-1,1.001,20190605080000,20190620170000,4,BN-1",
    "SD-2,1.001,20190605080000,20190620170000,2,BN-2"))
write("hoso_20230610010000.jsonl", lines(
    jl(dossier("SD-3", accepted="20230605080000", NgayHenTra="20230620170000",
               MaHoSoLienThong="LT-1", DanhSachLePhi=[{"TenPhiLePhi": "Lệ phí", "SoTien": 50000}],
               DanhSachGiayToKetQua=[], DuLieuMoRong={"a": {"b": [1, 2]}})),
    jl(dossier("SD-4", accepted="20230605080000", NgayHenTra="20230620170000"))))
rename = [dossier("SD-%d" % i, accepted="20230605080000", NgayHenTra="20230620170000") for i in (5, 6)]
for d in rename:
    d["MaHoSoQG"] = d.pop("MaHoSo")
write("hoso_20230611010000.jsonl", lines(*[jl(d) for d in rename]))
